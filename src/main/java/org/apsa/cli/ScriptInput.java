package org.apsa.cli;

import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;
import org.springframework.shell.Utils;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commands of a script ({@code @FILE}, {@code script FILE}), one a line, read as UTF-8. Blank
 * lines and comments ({@code #} or {@code //} first on the line) are skipped, and a line ending
 * in a backslash goes on on the next. While a command of the script runs, its file and line
 * are known ({@link #position()}), so that a failure can say where it was.
 */
final class ScriptInput implements InputProvider, Closeable {

    private static final Pattern CONTINUED = Pattern.compile("(.*)\\\\\\s*$");
    private static final Pattern COMMENT = Pattern.compile("\\s*(#|//).*");
    /** "file:line" of the script command running on this thread; scripts may run scripts. */
    private static final ThreadLocal<String> POSITION = new ThreadLocal<>();

    private final Path file;
    private final List<String> lines;
    private final Parser parser;
    private final String outer;
    private int line;

    private ScriptInput(Path file, List<String> lines, Parser parser) {
        this.file = file;
        this.lines = lines;
        this.parser = parser;
        this.outer = POSITION.get();
    }

    /** @throws UsageException when the file is missing, a folder or unreadable */
    static ScriptInput open(String file, Parser parser) {
        Optional<String> problem = OneShot.scriptProblem(file);
        if (problem.isPresent()) {
            throw new UsageException(problem.get());
        }
        Path path = Path.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new ScriptInput(path, lines(path, bytes), parser);
    }

    /** The lines of a script, each decoded as UTF-8; a line that is not is refused before anything runs. */
    private static List<String> lines(Path file, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                try {
                    lines.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
                } catch (CharacterCodingException e) {
                    throw new UsageException(file + ":" + (lines.size() + 1) + ": not UTF-8 text; save the script as UTF-8");
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Where the script command that is running came from, as "file:line"; empty outside scripts. */
    static Optional<String> position() {
        return Optional.ofNullable(POSITION.get());
    }

    @Override
    public Input readInput() {
        StringBuilder command = new StringBuilder();
        int first = 0;
        while (line < lines.size()) {
            String text = lines.get(line++);
            if (command.isEmpty() && (text.isBlank() || COMMENT.matcher(text).matches())) {
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
            restore();
            return null;
        }
        POSITION.set(file + ":" + first);
        String text = command.toString();
        ParsedLine parsed = parser.parse(text, text.length());
        return new Input() {
            @Override
            public String rawText() {
                return parsed.line();
            }

            @Override
            public List<String> words() {
                return Utils.sanitizeInput(parsed.words());
            }
        };
    }

    private void restore() {
        if (outer == null) {
            POSITION.remove();
        } else {
            POSITION.set(outer);
        }
    }

    @Override
    public void close() {
        restore();
    }
}
