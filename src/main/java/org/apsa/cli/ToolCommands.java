package org.apsa.cli;

import org.apsa.provenance.Provenance;
import org.apsa.rulebase.RuleBaseLoader;
import org.drools.base.util.Drools;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * {@code version} (also {@code --version}, {@code -V}): what a bug report needs to say which
 * tool and rules gave a result; {@code completion bash|zsh}: the completion script for an
 * operating system's shell, hidden from help: the build writes the scripts into the
 * distribution, whose README says how to use them.
 */
@Command(group = Help.SHELL)
public class ToolCommands extends Commands {

    ToolCommands(RuleBases ruleBases, Output out) {
        super(ruleBases, null, out);
    }

    @Command(command = "version", description = "Show the tool's version, the rules in use (where they come from and their "
            + "fingerprint), and the versions of Drools and Java. Also apsa --version or -V. Example: version")
    void version(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules) {
        String used = rules == null ? ruleBases.sessionSummary()
                : UserPaths.of(rules) + ", fingerprint " + Provenance.shortFingerprint(RuleBaseLoader.fingerprint(UserPaths.of(rules)));
        out.print(Provenance.TOOL + " " + Provenance.VERSION + "\n"
                + "rules: " + used + "\n"
                + "Drools " + Drools.getFullVersion() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")\n");
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
