package org.apsa.cli;

import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * {@code completion bash|zsh}: prints the completion script for an operating system's shell.
 * Hidden from help: the build writes the scripts into the distribution, whose README says
 * how to use them.
 */
@Command(group = Help.SHELL)
public class CompletionCommand {

    private final Output out;
    private final RuleBases ruleBases;

    CompletionCommand(Output out, RuleBases ruleBases) {
        this.out = out;
        this.ruleBases = ruleBases;
    }

    @Command(command = "completion", hidden = true, description = "Print the completion script for bash or zsh. "
            + "Example: completion bash")
    void completion(@Option(longNames = "shell", required = true, description = "bash or zsh") String shell) {
        CompletionScripts scripts = CompletionScripts.standard(ruleBases.knowledgeBase(null));
        out.print(switch (shell) {
            case "bash" -> scripts.bash();
            case "zsh" -> scripts.zsh();
            default -> throw new UsageException("no completion for \"" + shell + "\"; give bash or zsh");
        });
    }
}
