package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.core.annotation.Order;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.jline.ScriptShellRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar apsa.jar @FILE}: runs a script of shell commands ({@link ScriptInput}), in
 * place of the shell's own runner, which ends a script silently at its first comment.
 */
@Component
@Order(ScriptShellRunner.PRECEDENCE - 1)
class ScriptRunner implements ShellRunner {

    private final Parser parser;
    private final Shell shell;
    private final Scripts scripts;

    ScriptRunner(Parser parser, Shell shell, Scripts scripts) {
        this.parser = parser;
        this.shell = shell;
        this.scripts = scripts;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length == 0 || !args[0].startsWith("@")) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("@")) {
                ScriptInput script;
                try {
                    script = scripts.open(arg.substring(1), parser);
                } catch (UsageException e) {
                    // Said here, while standard error is still the terminal's; the exit status follows.
                    System.err.println(e.getMessage());
                    throw new ScriptCommand.ScriptStopped(ExitCode.USAGE.status(), "");
                }
                try (script) {
                    shell.run(script);
                }
                if (script.interrupted()) {
                    System.err.println(ScriptCommand.STOPPED_BETWEEN_COMMANDS);
                    throw new ScriptCommand.ScriptStopped(ExitCode.INTERRUPTED.status(), "");
                }
            }
        }
        return true;
    }
}
