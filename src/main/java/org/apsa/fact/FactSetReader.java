package org.apsa.fact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.io.Utf8Text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads fact sets from {@code .json} files (one object) and {@code .jsonl} files (one object
 * a line), strictly: anything the format does not allow is a problem with file, line and
 * column, and every problem of a record is reported, not only the first. A malformed
 * document stops at the first syntax error, since nothing after it can be trusted.
 *
 * <p>Fact files are untrusted data, so the reader bounds what one file can cost: its size,
 * the length of a line, string or number, and the nesting depth. It never binds input to
 * arbitrary classes.
 */
public final class FactSetReader {

    /** The largest {@code .json} file, and the longest {@code .jsonl} line, accepted. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NESTING_DEPTH = 16;
    /** Keys are short names; the longest id the vocabulary allows has 200 characters. */
    static final int MAX_NAME_LENGTH = 256;
    /**
     * Problems reported for one record before reading it stops: a file of a hundred
     * thousand unknown keys would otherwise give as many lines, and a message of megabytes.
     */
    static final int MAX_PROBLEMS = 100;

    static final Set<String> TOP_LEVEL_KEYS = Set.of("$schema", "id", "title", "description", "asOf", "indicators");
    static final Set<String> READING_KEYS = Set.of("level", "confidence", "note");
    /** What an id may look like; the JSON Schema states the same pattern. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    /**
     * Why {@code id} cannot be a fact set's id, as a fact file is told; empty when it can.
     * Whatever else names a fact set (the shell's {@code new}) asks here, so that one rule
     * and one message hold everywhere.
     */
    public static Optional<String> idProblem(String id) {
        return ID.matcher(id).matches() ? Optional.empty() : Optional.of("id \"" + abbreviate(id)
                + "\" is not usable: use 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }

    /** The shape of {@code asOf}; {@link LocalDate} then checks that the date exists. */
    static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** A JSON number; a string that looks like one gets "write it without quotes". */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private static final Logger LOG = LogManager.getLogger(FactSetReader.class);

    private final JsonFactory json;

    public FactSetReader() {
        json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build();
    }

    /** One record of an input file: a valid fact set, or the problems that make it invalid. */
    public record Entry(String file, long line, FactSet factSet, List<InputProblem> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return factSet != null;
        }
    }

    /**
     * Reads every fact set of a file.
     *
     * @throws InvalidFactSetException with all problems, when any record is invalid
     */
    public List<FactSet> readAll(Path path) {
        List<FactSet> sets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        read(path, entry -> {
            if (entry.valid()) {
                sets.add(entry.factSet());
            } else {
                problems.addAll(entry.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFactSetException(problems);
        }
        return sets;
    }

    /** Reads the one fact set of a file; a {@code .jsonl} file must then hold exactly one line. */
    public FactSet readOne(Path path) {
        return one(path.toString(), readAll(path));
    }

    /** How standard input is named in messages ({@code <stdin>:3:14: ...}). */
    public static final String STANDARD_INPUT = "<stdin>";

    /**
     * Reads the one fact set of a stream, a JSON document such as a {@code .json} file holds,
     * named {@code name} in messages.
     *
     * @throws InvalidFactSetException with its problems, when it is not a valid fact set
     */
    public FactSet readOne(String name, InputStream in) {
        List<FactSet> sets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        read(name, in, false, entry -> {
            if (entry.valid()) {
                sets.add(entry.factSet());
            } else {
                problems.addAll(entry.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFactSetException(problems);
        }
        return one(name, sets);
    }

    private static FactSet one(String name, List<FactSet> sets) {
        if (sets.size() != 1) {
            throw new InvalidFactSetException(new InputProblem(name, 0, 0,
                    sets.isEmpty() ? "holds no fact set; write one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}"
                            : "holds " + sets.size() + " fact sets; this command takes one (use 'batch' for many)"));
        }
        return sets.get(0);
    }

    /**
     * Streams the records of a stream named {@code name} (standard input, say) to {@code sink}
     * as {@link #read(Path, Consumer)} does for a file: one JSON document, or JSON Lines when
     * {@code lines}. The stream is not closed.
     */
    public void read(String name, InputStream in, boolean lines, Consumer<Entry> sink) {
        try {
            if (lines) {
                readLines(name, new BufferedInputStream(in, 64 * 1024), sink);
            } else {
                readDocument(name, in, sink);
            }
        } catch (IOException e) {
            sink.accept(fileProblem(name, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Streams the records of a file to {@code sink} in file order, valid or not, holding
     * one record in memory at a time. Problems with the file itself (missing, unreadable,
     * wrong extension, too large) arrive as one invalid entry.
     */
    private static final String NO_SUCH_FILE = "no such file; check the path (fact files usually live in facts/)";

    public void read(Path path, Consumer<Entry> sink) {
        String file = path.toString();
        // A folder first: "facts/" is not a fact file because it is a folder, not because of its name.
        if (Files.isDirectory(path)) {
            sink.accept(fileProblem(file, "is a folder; give a .json or .jsonl file (the 'batch' command takes folders)"));
            return;
        }
        // Then a missing file, whatever its name: a mistyped path is the likelier cause.
        if (Files.notExists(path)) {
            sink.accept(fileProblem(file, NO_SUCH_FILE));
            return;
        }
        String name = path.getFileName() == null ? file : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean lines = name.endsWith(".jsonl");
        if (!lines && !name.endsWith(".json")) {
            sink.accept(fileProblem(file, "not a fact file: expected a .json file (one fact set) or a .jsonl file (one a line)"));
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            if (lines) {
                readLines(file, in, sink);
            } else {
                readDocument(file, in, sink);
            }
        } catch (NoSuchFileException e) {
            sink.accept(fileProblem(file, NO_SUCH_FILE));
        } catch (AccessDeniedException e) {
            sink.accept(fileProblem(file, "cannot be read: permission denied; check the file's permissions"));
        } catch (IOException e) {
            sink.accept(fileProblem(file, "cannot be read: " + e.getMessage()));
        }
    }

    /** Parses one fact set from text, as if it were the file {@code file}. */
    public Entry parse(String file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(file, 1, bytes, bytes.length, "file");
    }

    private void readDocument(String file, InputStream in, Consumer<Entry> sink) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            sink.accept(fileProblem(file, "is larger than " + (MAX_DOCUMENT_BYTES / (1024 * 1024))
                    + " MiB, the limit for one fact set; split it or use a .jsonl file"));
            return;
        }
        sink.accept(parse(file, 1, bytes, bytes.length, "file"));
    }

    private void readLines(String file, InputStream in, Consumer<Entry> sink) throws IOException {
        // Read in blocks and split at '\n' here: byte by byte, the locked read() and write()
        // calls cost the batch's reading thread a third of its time.
        byte[] block = new byte[64 * 1024];
        byte[] line = new byte[1024];
        int size = 0;
        long number = 1;
        boolean tooLong = false;
        while (true) {
            int read = in.read(block);
            int from = 0;
            for (int i = 0; i < Math.max(read, 0); i++) {
                if (block[i] != '\n') {
                    continue;
                }
                if (!tooLong) {
                    line = append(line, size, block, from, i - from);
                    tooLong = line == null;
                    size = tooLong ? 0 : size + i - from;
                }
                emitLine(file, number, tooLong ? null : line, size, sink);
                line = line == null ? new byte[1024] : line;
                size = 0;
                tooLong = false;
                number++;
                from = i + 1;
            }
            if (read < 0) {
                emitLine(file, number, tooLong ? null : line, size, sink);
                return;
            }
            if (!tooLong) {
                line = append(line, size, block, from, read - from);
                tooLong = line == null;
                size = tooLong ? 0 : size + read - from;
            }
        }
    }

    /** {@code line} (holding {@code size} bytes) with {@code length} bytes of {@code block} added, grown if need be; null past the limit. */
    private static byte[] append(byte[] line, int size, byte[] block, int from, int length) {
        if ((long) size + length > MAX_DOCUMENT_BYTES) {
            return null;
        }
        byte[] into = line;
        if (size + length > into.length) {
            into = Arrays.copyOf(line, (int) Math.min(MAX_DOCUMENT_BYTES, Math.max(2L * line.length, size + length)));
        }
        System.arraycopy(block, from, into, size, length);
        return into;
    }

    /** One line read: too long when {@code bytes} is null, skipped when blank; a final '\r' is not part of it. */
    private void emitLine(String file, long number, byte[] bytes, int size, Consumer<Entry> sink) {
        if (bytes == null) {
            sink.accept(new Entry(file, number, null, List.of(new InputProblem(file, number, 1,
                    "line is longer than " + (MAX_DOCUMENT_BYTES / (1024 * 1024)) + " MiB, the limit for one fact set"))));
            return;
        }
        int length = size > 0 && bytes[size - 1] == '\r' ? size - 1 : size;
        if (!isBlank(bytes, length)) {
            sink.accept(parse(file, number, bytes, length, "line"));
        }
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses one record. {@code unit} is "file" or "line", as the user sees the record.
     *
     * <p>The bytes are decoded strictly as UTF-8 before Jackson sees them, for two reasons:
     * a byte that is not UTF-8 is then reported where it is rather than after it, and
     * columns count characters as editors do, not bytes (a note in Chinese before a typo
     * on the same line used to push the column to the right by two per character).
     */
    private Entry parse(String file, long firstLine, byte[] bytes, int length, String unit) {
        Document doc = new Document(file, firstLine);
        String text = decode(bytes, length, doc);
        if (text == null) {
            return new Entry(file, firstLine, null, doc.problems());
        }
        doc.text = text;
        try (JsonParser parser = json.createParser(text)) {
            doc.parser = parser;
            return read(doc, unit);
        } catch (IOException e) {
            // Only closing can fail here, and a parser over a String has nothing to close.
            return new Entry(file, firstLine, null, List.of(new InputProblem(file, firstLine, 0, "cannot be read: " + e.getMessage())));
        }
    }

    /** Reads with the parser still open: a closed parser no longer knows where it stopped. */
    private static Entry read(Document doc, String unit) {
        try {
            FactSet set = doc.read();
            return new Entry(doc.file, doc.firstLine, doc.problems.isEmpty() ? set : null, doc.problems());
        } catch (TooManyProblems e) {
            // The notice is the last problem; nothing after it is read.
        } catch (StreamConstraintsException e) {
            // Carries no location. Jackson checks a number's length after reading it, before
            // it moves the token position there; the token position is right for the rest.
            String message = "exceeds a safety limit: " + limit(e.getOriginalMessage());
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Number")) {
                doc.problemAtNumberBefore(doc.parser.currentLocation(), message);
            } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Name length")) {
                // Checked once the key is read, while the token is still the one before it.
                doc.problemAtNameBefore(doc.parser.currentLocation(), message);
            } else {
                doc.problemAtToken(message);
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            doc.problemAt(tokenStart(e.getLocation(), message), "malformed JSON: " + plain(message, unit));
        } catch (IOException e) {
            doc.problemAtCurrent("cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // Every bad input is meant to become a problem above; this is the net for a
            // parser failure no test has met yet. The user gets a position, the log the trace.
            LOG.error("Unexpected failure reading {} (record at line {})", doc.file, doc.firstLine, e);
            doc.problemAtCurrent("cannot be read as a fact set (" + e.getClass().getSimpleName()
                    + "); check the JSON around this position");
        }
        return new Entry(doc.file, doc.firstLine, null, doc.problems());
    }

    /**
     * Jackson reports a bad word ({@code high} without quotes, {@code NaN}) where it ends;
     * point at its first letter, where the fix goes.
     */
    private static JsonLocation tokenStart(JsonLocation at, String message) {
        if (at == null || message == null) {
            return at;
        }
        var word = UNRECOGNIZED.matcher(message);
        var number = NON_STANDARD.matcher(message);
        String token = word.matches() ? word.group(1) : number.matches() ? number.group(1) : null;
        if (token == null || at.getColumnNr() <= token.length()) {
            return at;
        }
        return new JsonLocation(at.contentReference(), at.getByteOffset(), at.getCharOffset() - token.length(),
                at.getLineNr(), at.getColumnNr() - token.length());
    }

    /**
     * The record's text, or null after recording where it stops being UTF-8. It is read as
     * every file a user writes is ({@link Utf8Text}): a leading byte-order mark is dropped, at
     * the start of every .jsonl line too, so files joined with {@code cat} still read; dropped,
     * it keeps the columns of the first line right (Jackson skipped it but counted its three
     * bytes).
     */
    private static String decode(byte[] bytes, int length, Document doc) {
        try {
            return Utf8Text.decode(bytes, 0, length);
        } catch (Utf8Text.NotUtf8Exception e) {
            doc.problemAt(e.line(), e.column(), e.getMessage());
            return null;
        }
    }

    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.*)' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*)': was expecting.*", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*)'.*", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);

    /**
     * Jackson's messages name Java types, features and sources; say instead what is wrong
     * in JSON terms and how to fix it. {@code unit} is "file" or "line".
     */
    public static String plain(String message, String unit) {
        if (message == null) {
            return "unreadable input";
        }
        String text = message.strip();
        if (text.startsWith("Unexpected end-of-input")) {
            if (text.contains("string value") || text.contains("VALUE_STRING")) {
                return "the " + unit + " ends inside a string; a missing '\"'?";
            }
            return unit.equals("line")
                    ? "the line ends before the JSON is complete; in a .jsonl file each line holds one whole object"
                    : "the file ends before the JSON is complete; a missing '}' or ']'?";
        }
        var matcher = UNEXPECTED.matcher(text);
        if (matcher.matches()) {
            int code = Integer.parseInt(matcher.group(2));
            String what = character(code, matcher.group(1));
            String rest = matcher.group(3);
            if (code == 0xFEFF) {
                return "a byte-order mark (U+FEFF) here; it may only start the file, so remove it (joined files?)";
            }
            if (code == 0x201C || code == 0x201D || code == 0x2018 || code == 0x2019) {
                return "curly quote " + what + "; JSON takes straight double quotes: \"like this\" (a word processor's doing?)";
            }
            if (rest.contains("comment")) {
                return "comments are not allowed in JSON; remove it (a remark can go in \"description\" or in a reading's \"note\")";
            }
            if (code == '\'') {
                return "single quote found; JSON keys and strings take double quotes: \"like this\"";
            }
            if (rest.startsWith("was expecting double-quote to start field name")) {
                return code == '}' ? "a comma before '}' with no entry after it; remove the comma after the last entry"
                        : "expected a key in double quotes, found " + what;
            }
            if (code == ']' && rest.startsWith("expected a") && rest.contains("value")) {
                return "a comma before ']' with no value after it; remove the comma after the last value";
            }
            if (rest.startsWith("was expecting comma to separate Object entries")) {
                return "expected ',' or '}' after a value, found " + what + "; a missing comma?";
            }
            if (rest.startsWith("was expecting comma to separate Array entries")) {
                return "expected ',' or ']' after a value, found " + what + "; a missing comma?";
            }
            if (rest.startsWith("was expecting a colon")) {
                return "expected ':' after the key, found " + what;
            }
            if (rest.startsWith("expected a") && rest.contains("value")) {
                return "expected a value (a \"string\", a number, an object or an array), found " + what;
            }
            return "unexpected " + what;
        }
        matcher = UNRECOGNIZED.matcher(text);
        if (matcher.matches()) {
            String word = abbreviate(matcher.group(1));
            return "unquoted word '" + word + "'; write text in double quotes (\"" + word + "\"), and true, false, null in lower case";
        }
        matcher = NON_STANDARD.matcher(text);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a JSON number; write a number such as 0.8";
        }
        matcher = CONTROL.matcher(text);
        if (matcher.matches()) {
            int code = Integer.parseInt(matcher.group(1));
            if (code == '\n' || code == '\r') {
                return "a line break inside a string; close the string on its line or write the break as \\n";
            }
            return code == '\t' ? "a tab inside a string; use spaces (a \"description\" may hold a tab written as \\t)"
                    : String.format(Locale.ROOT, "control character U+%04X inside a string; remove it", code);
        }
        return withoutJavaDetails(text);
    }

    /**
     * A character as a message can show it: control and invisible characters by their
     * code point, since quoting them shows nothing.
     */
    private static String character(int code, String quoted) {
        if (code < 0x20 || code == 0x7F) {
            return String.format(Locale.ROOT, "control character U+%04X", code);
        }
        int type = Character.getType(code);
        boolean invisible = Character.isISOControl(code) || Character.isWhitespace(code) || Character.isSpaceChar(code)
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
        return invisible ? String.format(Locale.ROOT, "invisible character U+%04X", code)
                : code > 0x7F ? String.format(Locale.ROOT, "'%s' (U+%04X)", quoted, code) : "'" + quoted + "'";
    }

    /** What a safety limit of {@link StreamReadConstraints} means for a fact file. */
    static String limit(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("String value length")) {
            return "a string longer than " + MAX_STRING_LENGTH + " characters; fact files hold short texts, so check that this is the right file";
        }
        if (text.startsWith("Document nesting depth")) {
            return "nested deeper than " + MAX_NESTING_DEPTH + " levels; a fact set needs three (the object, \"indicators\", a reading)";
        }
        if (text.startsWith("Number value length") || text.startsWith("Number length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters; confidence takes a number such as 0.8";
        }
        if (text.startsWith("Name length")) {
            return "a key longer than " + MAX_NAME_LENGTH + " characters; keys are short names such as \"indicators\" or an indicator id";
        }
        return withoutJavaDetails(text) + " (fact files are small; check that this is the right file)";
    }

    /** Drops Jackson's trailing "(from `StreamReadConstraints...`)", "[Source: ...]" and similar. */
    private static String withoutJavaDetails(String text) {
        String first = text.replaceAll("\\s*\\n.*", "");
        int cut = first.length();
        for (String marker : List.of(" (from `", " (for ", "; enable `", " (not recognized", " at [Source")) {
            int at = first.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String plain = first.substring(0, cut).strip();
        return plain.isEmpty() ? "unreadable input" : Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
    }

    private static Entry fileProblem(String file, String message) {
        return new Entry(file, 0, null, List.of(new InputProblem(file, 0, 0, message)));
    }

    /** Stops reading a record that has too many problems to be worth listing. */
    private static final class TooManyProblems extends RuntimeException {
        TooManyProblems() {
            super("too many problems", null, false, false);
        }
    }

    /** The state of reading one JSON document; collects every problem it can find. */
    private static final class Document {
        private final String file;
        private final long firstLine;
        private final List<InputProblem> problems = new ArrayList<>();
        private JsonParser parser;
        private String text;

        Document(String file, long firstLine) {
            this.file = file;
            this.firstLine = firstLine;
        }

        FactSet read() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                problemAtCurrent("empty: a fact file holds one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}");
                return null;
            }
            JsonLocation start = parser.currentTokenLocation();
            if (token != JsonToken.START_OBJECT) {
                problemAtToken("expected a JSON object {...} holding one fact set, found " + describe(token));
                return null;
            }
            String id = null;
            String title = null;
            String description = null;
            String asOf = null;
            Map<String, Reading> indicators = null;
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                if (!seen.add(key)) {
                    problemAt(keyAt, "duplicate key \"" + key + "\"; each key may appear once");
                    parser.skipChildren();
                    continue;
                }
                switch (key) {
                    case "id" -> id = idValue(value);
                    case "title" -> title = plainText(key, "\"title\"", value, false);
                    case "description" -> description = plainText(key, "\"description\"", value, true);
                    case "$schema" -> text(key, value);
                    case "asOf" -> asOf = date(value);
                    case "indicators" -> indicators = indicators(value);
                    default -> {
                        problemAt(keyAt, "unknown key \"" + key + "\"" + didYouMean(key, sorted(TOP_LEVEL_KEYS))
                                + "; allowed: " + String.join(", ", sorted(TOP_LEVEL_KEYS)));
                        parser.skipChildren();
                    }
                }
            }
            if (id == null && !seen.contains("id")) {
                problemAt(start, "missing \"id\"; add a unique id such as \"id\": \"my-view-2014\"");
            }
            if (indicators == null && !seen.contains("indicators")) {
                problemAt(start, "missing \"indicators\"; add \"indicators\": {} (it may be empty)");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                problemAtToken("found " + describe(trailing) + " after the fact set; a .json file holds one object (a .jsonl file holds one a line)");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new FactSet(id, title, description, asOf, indicators);
        }

        private String idValue(JsonToken value) throws IOException {
            String id = text("id", value);
            Optional<String> problem = id == null ? Optional.empty() : idProblem(id);
            if (problem.isPresent()) {
                problemAtToken(problem.get());
                return null;
            }
            return id;
        }

        private String text(String key, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            problemAtToken("\"" + key + "\" must be a string, found " + describe(value));
            parser.skipChildren();
            return null;
        }

        /**
         * Free text ({@link PlainText}): a control character is a problem at its own position,
         * found by walking the string as written, escapes and all, from its opening quote.
         */
        private String plainText(String key, String what, JsonToken value, boolean lines) throws IOException {
            String text = text(key, value);
            int bad = text == null ? -1 : PlainText.firstForbidden(text, lines);
            if (bad < 0) {
                return text;
            }
            JsonLocation at = parser.currentTokenLocation();
            int start = (int) at.getCharOffset();
            int raw = start + 1;
            for (int decoded = 0; decoded < bad && raw < this.text.length(); decoded++) {
                raw += this.text.charAt(raw) != '\\' ? 1 : this.text.charAt(raw + 1) == 'u' ? 6 : 2;
            }
            problemAt(at.getLineNr(), at.getColumnNr() + (raw - start), PlainText.problem(what, text, bad, lines));
            return null;
        }

        private String date(JsonToken value) throws IOException {
            String text = text("asOf", value);
            if (text == null) {
                return null;
            }
            try {
                // LocalDate alone would also take "+12014-12-09"; the schema and the docs promise YYYY-MM-DD.
                if (!DATE.matcher(text).matches()) {
                    throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
                }
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException e) {
                problemAtToken("asOf \"" + abbreviate(text) + "\" is not a date; write it as YYYY-MM-DD, e.g. \"2014-12-09\"");
                return null;
            }
        }

        private Map<String, Reading> indicators(JsonToken value) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                problemAtToken("\"indicators\" must be an object mapping indicator ids to levels, found " + describe(value));
                parser.skipChildren();
                return null;
            }
            Map<String, Reading> readings = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String id = parser.currentName();
                JsonLocation idAt = parser.currentTokenLocation();
                JsonToken token = parser.nextToken();
                if (!seen.add(id)) {
                    problemAt(idAt, "duplicate indicator \"" + id + "\"; state each indicator once");
                    parser.skipChildren();
                    continue;
                }
                IndicatorDef def = Vocabulary.find(id).orElse(null);
                if (def == null) {
                    problemAt(idAt, "unknown indicator \"" + abbreviate(id) + "\""
                            + Vocabulary.suggest(id).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                            + "; 'apsa vocabulary' and facts/fact-set.schema.json list the known ones");
                    parser.skipChildren();
                    continue;
                }
                Reading reading = reading(def, token);
                if (reading != null) {
                    readings.put(id, reading);
                }
            }
            return readings;
        }

        private Reading reading(IndicatorDef def, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                String level = level(def, parser.getText(), parser.currentTokenLocation());
                return level == null ? null : Reading.of(level);
            }
            if (token != JsonToken.START_OBJECT) {
                problemAtToken("indicator \"" + def.id() + "\" must be a level (" + def.scale().describe()
                        + ") or an object {\"level\": ..., \"confidence\": ..., \"note\": ...}, found " + describe(token));
                parser.skipChildren();
                return null;
            }
            JsonLocation objectAt = parser.currentTokenLocation();
            String level = null;
            double confidence = Reading.CERTAIN;
            String note = null;
            boolean valid = true;
            boolean hasLevel = false;
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                if (!seen.add(key)) {
                    problemAt(keyAt, "duplicate key \"" + key + "\" in indicator \"" + def.id() + "\"; each key may appear once");
                    parser.skipChildren();
                    valid = false;
                    continue;
                }
                switch (key) {
                    case "level" -> {
                        hasLevel = true;
                        if (value == JsonToken.VALUE_STRING) {
                            level = level(def, parser.getText(), parser.currentTokenLocation());
                        } else {
                            problemAtToken("level of \"" + def.id() + "\" must be one of " + def.scale().describe()
                                    + ", as a string, found " + describe(value));
                            parser.skipChildren();
                        }
                        valid &= level != null;
                    }
                    case "confidence" -> {
                        Double c = confidence(def, value);
                        valid &= c != null;
                        confidence = c == null ? Reading.CERTAIN : c;
                    }
                    case "note" -> {
                        note = plainText(def.id() + ".note", "the note of \"" + def.id() + "\"", value, false);
                        valid &= note != null;
                    }
                    default -> {
                        problemAt(keyAt, "unknown key \"" + key + "\" in indicator \"" + def.id() + "\""
                                + didYouMean(key, sorted(READING_KEYS)) + "; allowed: confidence, level, note");
                        parser.skipChildren();
                        valid = false;
                    }
                }
            }
            if (!hasLevel) {
                problemAt(objectAt, "indicator \"" + def.id() + "\" needs a \"level\" (" + def.scale().describe() + ")");
                return null;
            }
            return valid ? new Reading(level, confidence, note) : null;
        }

        private String level(IndicatorDef def, String level, JsonLocation at) {
            if (def.scale().allows(level)) {
                return level;
            }
            problemAt(at, "level \"" + abbreviate(level) + "\" is not on the scale of \"" + def.id() + "\""
                    + Suggestions.closest(level, def.scale().levels()).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                    + "; allowed: " + def.scale().describe());
            return null;
        }

        private Double confidence(IndicatorDef def, JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                String quoted = value == JsonToken.VALUE_STRING && NUMBER.matcher(parser.getText()).matches()
                        ? "; write the number without quotes: " + parser.getText() : "";
                problemAtToken("confidence of \"" + def.id() + "\" must be a number greater than 0 and at most 1, found "
                        + describe(value) + quoted);
                parser.skipChildren();
                return null;
            }
            double c = parser.getDoubleValue();
            if (!(c > 0.0 && c <= 1.0)) {
                problemAtToken("confidence " + parser.getText() + " of \"" + def.id()
                        + "\" is out of range; use a number greater than 0 and at most 1 (1 = certain)");
                return null;
            }
            return c;
        }

        private String describe(JsonToken token) throws IOException {
            if (token == null) {
                return "the end of the input";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "the string \"" + abbreviate(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(parser.getText());
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + parser.getText();
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }

        /** At the start of the number that ends just before {@code end}. */
        void problemAtNumberBefore(JsonLocation end, String message) {
            int stop = (int) Math.min(Math.max(end.getCharOffset(), 0), text.length());
            int start = stop;
            while (start > 0 && "0123456789.eE+-".indexOf(text.charAt(start - 1)) >= 0) {
                start--;
            }
            problemAt(end.getLineNr(), Math.max(1, end.getColumnNr() - (stop - start)), message);
        }

        /** At the opening quote of the key whose closing quote is just before {@code end}. */
        void problemAtNameBefore(JsonLocation end, String message) {
            int stop = (int) Math.min(Math.max(end.getCharOffset(), 0), text.length());
            int start = stop - 2;
            while (start > 0 && !(text.charAt(start) == '"' && text.charAt(start - 1) != '\\')) {
                start--;
            }
            problemAt(end.getLineNr(), Math.max(1, end.getColumnNr() - (stop - Math.max(start, 0))), message);
        }

        void problemAtToken(String message) {
            problemAt(parser.currentTokenLocation(), message);
        }

        void problemAtCurrent(String message) {
            problemAt(parser == null ? null : parser.currentLocation(), message);
        }

        void problemAt(JsonLocation at, String message) {
            long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
            long column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
            problemAt(line, column, message);
        }

        /** {@code line} counts from 1 within the record; 0 when unknown. */
        void problemAt(long line, long column, String message) {
            long at = line < 1 ? 0 : firstLine + line - 1;
            if (problems.size() > MAX_PROBLEMS) {
                return;
            }
            if (problems.size() == MAX_PROBLEMS) {
                problems.add(new InputProblem(file, at, line < 1 ? 0 : column, "more than " + MAX_PROBLEMS
                        + " problems in this record; stopped reading here (fix the ones above, or check that this is a fact file)"));
                throw new TooManyProblems();
            }
            problems.add(new InputProblem(file, at, line < 1 ? 0 : column, message));
        }

        /** The problems in the order of the file, so a user can fix them top to bottom. */
        List<InputProblem> problems() {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingLong(InputProblem::line).thenComparingLong(InputProblem::column));
            return sorted;
        }
    }

    /** {@code allowed} in a fixed order, so that a tie between two candidates always resolves the same way. */
    private static String didYouMean(String key, List<String> allowed) {
        return Suggestions.closest(key, allowed).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cc}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
