package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The commands of a script ({@code @FILE}, {@code script FILE}), one a line, read as UTF-8 (a
 * byte-order mark is skipped). Blank lines and comments ({@code #} or {@code //} first on the
 * line, also within a command continued over lines) are skipped, and a line ending in a
 * backslash goes on on the next. While a command of the script runs, its file and line are
 * known ({@link #position()}), so that a failure can say where it was. {@link Scripts} opens
 * scripts and knows which are running.
 */
final class ScriptInput implements InputProvider, Closeable {

    private static final Pattern CONTINUED = Pattern.compile("(.*)\\\\\\s*$");
    private static final Pattern COMMENT = Pattern.compile("\\s*(#|//).*");

    private final Path file;
    private final Path real;
    private final List<String> lines;
    private final Parser parser;
    private final Scripts scripts;
    private int line;
    /** The first line of the command read last; 0 before the first. */
    private int commandLine;
    private boolean stopped;
    /** Whether a Ctrl-C that the command running then did not notice stopped the script. */
    private boolean interrupted;

    ScriptInput(Path file, Path real, List<String> lines, Parser parser, Scripts scripts) {
        this.file = file;
        this.real = real;
        this.lines = lines;
        this.parser = parser;
        this.scripts = scripts;
    }

    /** The lines of a script, each decoded as UTF-8; a line that is not is refused before anything runs. */
    static List<String> lines(Path file, byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, bom ? 3 : 0, bom ? bytes.length - 3 : bytes.length);
        String text;
        try {
            // A new decoder reports malformed input, leaving the buffer at it.
            text = StandardCharsets.UTF_8.newDecoder().decode(buffer).toString();
        } catch (CharacterCodingException e) {
            long line = 1 + IntStream.range(0, buffer.position()).filter(i -> bytes[i] == '\n').count();
            throw new UsageException(file + ":" + line + ": not UTF-8 text; save the script as UTF-8");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            // What follows the last line's end (or an empty file) is no line.
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    Path file() {
        return file;
    }

    Path real() {
        return real;
    }

    /** Where the command read last came from, as "file:line"; empty before the first. */
    Optional<String> position() {
        return commandLine == 0 ? Optional.empty() : Optional.of(file + ":" + commandLine);
    }

    /** Ends the script after the command that is running; {@code interrupted}: by a Ctrl-C that command did not notice. */
    void stop(boolean interrupted) {
        stopped = true;
        this.interrupted |= interrupted;
    }

    /**
     * Whether a Ctrl-C stopped the script between two commands (the command running when it
     * came finished without noticing it): the caller says so, since no command failed.
     */
    boolean interrupted() {
        return interrupted;
    }

    @Override
    public Input readInput() {
        if (!stopped && Thread.interrupted()) {
            // Ctrl-C came while a command that ignores it ran: the script stops before the next.
            scripts.interrupted();
        }
        if (stopped) {
            return null;
        }
        StringBuilder command = new StringBuilder();
        int first = 0;
        while (line < lines.size()) {
            String text = lines.get(line++);
            if (COMMENT.matcher(text).matches() || command.isEmpty() && text.isBlank()) {
                continue;
            }
            if (first == 0) {
                first = line;
            }
            boolean continued = CONTINUED.matcher(text).matches();
            command.append(continued ? text.replaceFirst(CONTINUED.pattern(), "$1 ") : text);
            if (!continued) {
                break;
            }
        }
        if (command.isEmpty()) {
            return null;
        }
        commandLine = first;
        String text = command.toString();
        return ShellLine.of(parser.parse(text, text.length()));
    }

    /** The script is over: the one that ran it, if any, is the running one again. */
    @Override
    public void close() {
        scripts.closed(this);
    }
}
