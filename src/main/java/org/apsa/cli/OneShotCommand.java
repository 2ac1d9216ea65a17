package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.shell.boot.NonInteractiveShellRunnerCustomizer;
import org.springframework.shell.jline.NonInteractiveShellRunner;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A one-shot run ({@code apsa assess FILE}): Spring Shell's non-interactive runner takes the
 * program's arguments as one command line, and the shell runs it as it runs a line typed at
 * its prompt or read from a script, with the same parsing, help, failures and exit statuses.
 * What this adds to the runner: {@code --version}/{@code -V} and {@code --help}/{@code -h}
 * in place of a command, as other command-line tools take them; each argument kept as the
 * one word it is (an empty one, or one with quotes or backslashes in it), read back by the
 * shell's own line parser, where the runner would join them with spaces for JLine's default
 * parser to split again; and {@code @FILE} left to
 * {@link Scripts}.
 */
@Component
class OneShotCommand implements NonInteractiveShellRunnerCustomizer {

    /** The shell's line parser, which keeps an empty word ({@code ""}) where JLine's default drops it. */
    private final Parser parser;

    OneShotCommand(Parser parser) {
        this.parser = parser;
    }

    @Override
    public void customize(NonInteractiveShellRunner runner) {
        runner.setLineParser(parser);
        runner.setCommandsFromArgs(OneShotCommand::line);
    }

    /** The command line that {@code args} say, quoted for the runner's line parser; none for a script or the shell. */
    static List<String> line(String[] args) {
        if (args.length == 0 || args[0].startsWith("@")) {
            return List.of();
        }
        List<String> words = new ArrayList<>(Arrays.asList(args));
        switch (words.get(0)) {
            case "--version", "-V" -> words.set(0, "version");
            case "--help", "-h" -> words.set(0, "help");
            default -> {
            }
        }
        if (words.get(words.size() - 1).isEmpty()) {
            // The shell takes a last empty word for the place of the cursor after a line typed (ToolShell):
            // one more keeps an empty last argument.
            words.add("");
        }
        return List.of(words.stream().map(OneShotCommand::quoted).collect(Collectors.joining(" ")));
    }

    /** A word in double quotes, its quotes and backslashes escaped: JLine's line parser gives it back as it was. */
    static String quoted(String word) {
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
