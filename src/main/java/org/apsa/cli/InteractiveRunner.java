package org.apsa.cli;

import org.apsa.provenance.Provenance;
import org.apsa.rulebase.RuleBaseException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.spi.SystemStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.shell.ExitRequest;
import org.springframework.shell.Input;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.InteractiveShellRunner;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;


/**
 * The interactive shell's loop, in place of the framework's own (which it precedes), for what
 * users of psql, Python or bash expect: a banner with the version and the rules in use;
 * Ctrl-C at the prompt clears the line and gives a fresh prompt (Ctrl-D or {@code exit}
 * leave); and when standard input is not a terminal (commands piped in), neither banner nor
 * prompts, so the output holds only the results.
 */
@Component
@ConditionalOnProperty(prefix = "spring.shell.interactive", name = "enabled", havingValue = "true")
class InteractiveRunner implements ShellRunner, Ordered {

    private final LineReader lineReader;
    private final PromptProvider prompt;
    private final Shell shell;
    private final ShellContext context;
    private final RuleBases ruleBases;

    InteractiveRunner(LineReader lineReader, PromptProvider prompt, Shell shell, ShellContext context, RuleBases ruleBases) {
        this.lineReader = lineReader;
        this.prompt = prompt;
        this.shell = shell;
        this.context = context;
        this.ruleBases = ruleBases;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length > 0) {
            return false;
        }
        context.setInteractionMode(InteractionMode.INTERACTIVE);
        boolean terminal = ShellTerminal.isATerminal(SystemStream.Input);
        if (terminal) {
            lineReader.getTerminal().writer().println(banner());
            lineReader.getTerminal().writer().flush();
        }
        shell.run(() -> line(terminal));
        return true;
    }

    /** "APSA 0.1.0, rules: embedded, fingerprint 3fa2c1d9e0ab. 'help' lists the commands; Ctrl-D or 'exit' leaves." */
    String banner() {
        String rules;
        try {
            rules = ruleBases.sessionSummary();
        } catch (UsageException | RuleBaseException e) {
            rules = e.getMessage();
        }
        return "APSA " + Provenance.VERSION + ", rules: " + rules + ".\n"
                + "'help' lists the commands; Ctrl-D or 'exit' ends the shell.";
    }

    /** A line typed, one command; the prompt is shown at a terminal only. */
    private Input line(boolean prompted) {
        try {
            lineReader.readLine(prompted ? prompt.getPrompt().toAnsi(lineReader.getTerminal()) : "");
        } catch (UserInterruptException e) {
            // Ctrl-C: the line is dropped, the shell stays.
            return Input.EMPTY;
        } catch (EndOfFileException e) {
            throw new ExitRequest(0);
        }
        return ShellLine.of(lineReader.getParsedLine());
    }

    @Override
    public int getOrder() {
        return InteractiveShellRunner.PRECEDENCE - 1;
    }
}
