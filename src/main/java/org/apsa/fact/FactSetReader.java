package org.apsa.fact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.io.Utf8Text;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads fact sets from {@code .json} files (one object) and {@code .jsonl} files (one object
 * a line), strictly: anything the format does not allow is a problem with file, line and
 * column, and every problem of a record is reported, not only the first. What a fact set may
 * hold is said once, by the JSON Schema ({@link FactSetSchema}, checked by
 * {@link FactSetValidator}); this class reads the file and its JSON: one object a record, no
 * key twice, strict UTF-8, bounded sizes. A malformed record gets its first syntax error
 * alone, since nothing in it can be trusted.
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

    /** What an id may look like, as the fact-set schema states it. */
    static final Pattern ID = Pattern.compile(FactSetSchema.pattern("/properties/id"));
    /**
     * Why {@code id} cannot be a fact set's id, as a fact file is told; empty when it can.
     * Whatever else names a fact set (the shell's {@code new}) asks here, so that one rule
     * and one message hold everywhere.
     */
    public static Optional<String> idProblem(String id) {
        return ID.matcher(id).matches() ? Optional.empty() : Optional.of("id \"" + abbreviate(id)
                + "\" is not usable: use 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }

    /** Control characters and lone surrogates (a Java pattern matches a surrogate pair as one code point). */
    private static final Pattern SHOWN_AS_QUESTION_MARK = Pattern.compile("\\p{Cc}|[\\ud800-\\udfff]");

    private static final Logger LOG = LogManager.getLogger(FactSetReader.class);

    private final JsonFactory json;
    private final Vocabulary vocabulary;

    /** A reader of fact sets in a knowledge base's vocabulary: an indicator of another is an unknown one. */
    public FactSetReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
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

    /**
     * Reads the one fact set of a file; a {@code .jsonl} file must then hold exactly one
     * record. Reading stops at a second one, so a file of a million lines costs no more.
     */
    public FactSet readOne(Path path) {
        return one(path.toString(), sink -> read(path, path.toString(), sink));
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
        return one(name, sink -> read(name, in, false, sink));
    }

    /** The one fact set of the first two records {@code reading} gives of {@code name}, or its problems. */
    private static FactSet one(String name, Consumer<Consumer<Entry>> reading) {
        List<Entry> entries = new ArrayList<>(2);
        try {
            reading.accept(entry -> {
                entries.add(entry);
                if (entries.size() == 2) {
                    throw new Stop();
                }
            });
        } catch (Stop e) {
            // Two records are all it takes to refuse the file.
        }
        if (entries.isEmpty()) {
            throw new InvalidFactSetException(new InputProblem(name, 0, 0,
                    "holds no fact set; write one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}"));
        }
        List<InputProblem> problems = new ArrayList<>(entries.get(0).problems());
        if (entries.size() > 1) {
            problems.add(new InputProblem(name, entries.get(1).line(), 1,
                    "a second fact set starts here; this command takes one (use 'batch' for many)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactSetException(problems);
        }
        return entries.get(0).factSet();
    }

    private static final String NO_SUCH_FILE = "no such file; check the path (fact files usually live in facts/)";

    /**
     * Streams the records of a stream named {@code name} (standard input, say) to {@code sink}
     * as {@link #read(Path, Consumer)} does for a file: one JSON document, or JSON Lines when
     * {@code lines}. The stream is not closed.
     */
    public void read(String name, InputStream in, boolean lines, Consumer<Entry> sink) {
        try {
            InputStream buffered = new BufferedInputStream(in, 64 * 1024);
            if (lines) {
                readLines(name, buffered, sink);
            } else {
                readDocument(name, buffered, sink);
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
    public void read(Path path, Consumer<Entry> sink) {
        read(path, path.toString(), sink);
    }

    /**
     * As {@link #read(Path, Consumer)}, naming the file {@code file} in messages: a job that
     * reads a file by another path (absolute, on another machine) names it as the user gave it.
     */
    public void read(Path path, String file, Consumer<Entry> sink) {
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
        try (InputStream in = Files.newInputStream(path)) {
            read(file, in, lines, sink);
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
        return new Document(file, 1, "file").read(bytes, bytes.length);
    }

    private void readDocument(String file, InputStream in, Consumer<Entry> sink) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            sink.accept(fileProblem(file, "is larger than " + (MAX_DOCUMENT_BYTES / (1024 * 1024))
                    + " MiB, the limit for one fact set; split it or use a .jsonl file"));
            return;
        }
        sink.accept(new Document(file, 1, "file").read(bytes, bytes.length));
    }

    /**
     * Lines end at '\n', "\r\n" or a lone '\r' (as {@link java.io.BufferedReader#readLine()}
     * has them), so a file from an old Mac editor reads as lines, not as one record.
     */
    private void readLines(String file, InputStream in, Consumer<Entry> sink) throws IOException {
        // Read in blocks and split here: byte by byte, the locked read() and write()
        // calls cost the batch's reading thread a third of its time.
        byte[] block = new byte[64 * 1024];
        Line line = new Line();
        long number = 1;
        boolean afterReturn = false;
        for (int read; (read = in.read(block)) >= 0; ) {
            int from = 0;
            for (int i = 0; i < read; i++) {
                if (block[i] == '\n' && afterReturn) {
                    // The '\n' of a "\r\n": the line ended at the '\r'.
                    afterReturn = false;
                    from = i + 1;
                    continue;
                }
                afterReturn = block[i] == '\r';
                if (block[i] == '\n' || afterReturn) {
                    line.write(block, from, i - from);
                    line.emit(file, number++, sink);
                    from = i + 1;
                }
            }
            line.write(block, from, read - from);
        }
        line.emit(file, number, sink);
    }

    /** The bytes of one line, growing as needed up to the limit; past it, only that it was too long. */
    private final class Line extends ByteArrayOutputStream {
        private boolean tooLong;

        Line() {
            super(1024);
        }

        @Override
        public void write(byte[] block, int from, int length) {
            tooLong |= (long) count + length > MAX_DOCUMENT_BYTES;
            if (!tooLong) {
                super.write(block, from, length);
            }
        }

        /** Gives the line read to {@code sink}, unless it is blank, and starts the next one. */
        void emit(String file, long number, Consumer<Entry> sink) {
            if (tooLong) {
                sink.accept(new Entry(file, number, null, List.of(new InputProblem(file, number, 1,
                        "line is longer than " + (MAX_DOCUMENT_BYTES / (1024 * 1024)) + " MiB, the limit for one fact set"))));
            } else if (!isBlank()) {
                sink.accept(new Document(file, number, "line").read(buf, count));
            }
            reset();
            tooLong = false;
        }

        private boolean isBlank() {
            for (int i = 0; i < count; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    return false;
                }
            }
            return true;
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
            if (rest.startsWith("was expecting comma to separate ")) {
                char close = rest.startsWith("was expecting comma to separate Object") ? '}' : ']';
                return "expected ',' or '" + close + "' after a value, found " + what + "; a missing comma?";
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

    /**
     * Stops reading: a record that has too many problems to be worth listing, or a file whose
     * records are no longer wanted.
     */
    private static final class Stop extends RuntimeException {
        Stop() {
            super("stop reading", null, false, false);
        }
    }

    /** The state of reading one record; collects every problem it can find. */
    private final class Document {
        private final String file;
        private final long firstLine;
        /** "file" or "line", as the user sees the record. */
        private final String unit;
        private final List<InputProblem> problems = new ArrayList<>();
        private JsonParser parser;
        private String text;

        Document(String file, long firstLine, String unit) {
            this.file = file;
            this.firstLine = firstLine;
            this.unit = unit;
        }

        /**
         * Parses the record's bytes.
         *
         * <p>The bytes are decoded strictly as UTF-8 before Jackson sees them, for two reasons:
         * a byte that is not UTF-8 is then reported where it is rather than after it, and
         * columns count characters as editors do, not bytes (a note in Chinese before a typo
         * on the same line used to push the column to the right by two per character). They
         * are read as every file a user writes is ({@link Utf8Text}): a leading byte-order mark
         * is dropped, at the start of every .jsonl line too, so files joined with {@code cat}
         * still read; dropped, it keeps the columns of the first line right (Jackson skipped it
         * but counted its three bytes).
         */
        Entry read(byte[] bytes, int length) {
            try {
                text = Utf8Text.decode(bytes, 0, length);
            } catch (Utf8Text.NotUtf8Exception e) {
                problemAt(e.line(), e.column(), e.getMessage());
                return entry(null);
            }
            try (JsonParser opened = json.createParser(text)) {
                parser = opened;
                return entry(readOpen());
            } catch (IOException e) {
                // Only closing can fail here, and a parser over a String has nothing to close.
                return new Entry(file, firstLine, null, List.of(new InputProblem(file, firstLine, 0, "cannot be read: " + e.getMessage())));
            }
        }

        private Entry entry(FactSet set) {
            return new Entry(file, firstLine, problems.isEmpty() ? set : null, problems());
        }

        /** Reads with the parser still open: a closed parser no longer knows where it stopped. */
        private FactSet readOpen() {
            try {
                return factSet();
            } catch (Stop e) {
                // Nothing after the problem past the limit is read; problems() adds the notice.
            } catch (StreamConstraintsException e) {
                // Carries no location. Jackson checks a number's length after reading it, before
                // it moves the token position there; the token position is right for the rest.
                String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
                String message = "exceeds a safety limit: " + limit(original);
                JsonLocation at = parser.currentLocation();
                if (original.startsWith("Number")) {
                    problemBefore(at, numberStart(offset(at)), message);
                } else if (original.startsWith("Name length")) {
                    // Checked once the key is read, while the token is still the one before it.
                    problemBefore(at, nameStart(offset(at)), message);
                } else {
                    problemAt(parser.currentTokenLocation(), message);
                }
            } catch (JsonProcessingException e) {
                if (!notANumber(e.getLocation())) {
                    problemAtWord(e.getLocation(), e.getOriginalMessage());
                }
            } catch (IOException e) {
                problemAt(parser.currentLocation(), "cannot be read: " + e.getMessage());
            } catch (RuntimeException e) {
                // Every bad input is meant to become a problem above; this is the net for a
                // parser failure no test has met yet. The user gets a position, the log the trace.
                LOG.error("Unexpected failure reading {} (record at line {})", file, firstLine, e);
                problemAt(parser.currentLocation(), "cannot be read as a fact set (" + e.getClass().getSimpleName()
                        + "); check the JSON around this position");
            }
            return null;
        }

        /**
         * What the file format says is read here (one JSON object, nothing after it, no key
         * twice); what a fact set may hold is the schema's ({@link FactSetValidator}).
         */
        private FactSet factSet() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                problemAt(parser.currentLocation(), "empty: a fact file holds one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}");
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                problemAt(parser.currentTokenLocation(), "expected a JSON object {...} holding one fact set, found "
                        + describe(token, parser.getText()));
                return null;
            }
            JsonTree tree = JsonTree.read(parser, json, text, this::repeated);
            JsonToken trailing = tree.stopped() ? null : parser.nextToken();
            if (trailing != null) {
                problemAt(parser.currentTokenLocation(), "found " + describe(trailing, parser.getText())
                        + " after the fact set; a .json file holds one object (a .jsonl file holds one a line)");
            }
            for (FactSetValidator.Problem problem : FactSetValidator.check(tree, vocabulary, MAX_PROBLEMS + 1)) {
                problemAt(problem.at().line(), problem.at().column(), problem.message());
            }
            return problems.isEmpty() ? bind(tree) : null;
        }

        /** A key given twice; its first value is the one checked. */
        private void repeated(List<String> object, String key, JsonTree.Place at) {
            String name = abbreviate(key);
            boolean indicators = !object.isEmpty() && object.get(0).equals("indicators");
            problemAt(at.line(), at.column(), indicators && object.size() == 1 ? "duplicate indicator \"" + name + "\"; state each indicator once"
                    : "duplicate key \"" + name + "\"" + (indicators && object.size() == 2 ? " in indicator \"" + object.get(1) + "\"" : "")
                    + "; each key may appear once");
            if (problems.size() > MAX_PROBLEMS) {
                throw new Stop();
            }
        }

        /**
         * The fact set of a record the schema accepts; it checks nothing more (a confidence that
         * underflows to 0, such as {@code 1e-999}, is refused by the validator, which reads doubles).
         */
        private FactSet bind(JsonTree tree) {
            JsonNode root = tree.root();
            Map<String, Reading> readings = new LinkedHashMap<>();
            root.path("indicators").fields().forEachRemaining(indicator -> {
                JsonNode value = indicator.getValue();
                if (value.isTextual()) {
                    readings.put(indicator.getKey(), Reading.of(value.asText()));
                    return;
                }
                JsonNode note = value.path("note");
                readings.put(indicator.getKey(), new Reading(value.path("level").asText(),
                        value.path("confidence").asDouble(Reading.CERTAIN), note.isTextual() ? note.asText() : null));
            });
            return new FactSet(root.path("id").asText(), optional(root, "title"), optional(root, "description"),
                    optional(root, "asOf"), readings, vocabulary);
        }

        private static String optional(JsonNode object, String key) {
            JsonNode value = object.path(key);
            return value.isTextual() ? value.asText() : null;
        }

        /**
         * A word that starts as a number ({@code 0x1}, {@code 1O}) is one problem, told at its
         * start: Jackson reads the number up to the first letter and then stops at the letter
         * as if a comma were missing. True when {@code at} is such a letter, and the problem told.
         */
        private boolean notANumber(JsonLocation at) {
            int offset = at == null ? -1 : (int) at.getCharOffset();
            if (offset < 1 || offset >= text.length() || !Character.isLetter(text.charAt(offset))
                    || !Character.isDigit(text.charAt(offset - 1))) {
                return false;
            }
            int end = offset;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            int start = numberStart(offset);
            problemBefore(at, start, "malformed JSON: '" + abbreviate(text.substring(start, end))
                    + "' is not a JSON number; write a decimal number such as 0.8");
            return true;
        }

        /**
         * A syntax error, told at the first letter of a bad word ({@code high} without quotes,
         * {@code NaN}), where the fix goes: Jackson reports it where the word ends, or (since
         * 2.20) where it starts.
         */
        private void problemAtWord(JsonLocation at, String jackson) {
            String message = "malformed JSON: " + plain(jackson, unit);
            var word = jackson == null ? null : UNRECOGNIZED.matcher(jackson);
            var number = jackson == null ? null : NON_STANDARD.matcher(jackson);
            String token = word == null ? null : word.matches() ? word.group(1) : number.matches() ? number.group(1) : null;
            if (at == null || token == null || at.getColumnNr() <= token.length()
                    || at.getCharOffset() >= 0 && at.getCharOffset() < text.length() && text.startsWith(token, (int) at.getCharOffset())) {
                problemAt(at, message);
            } else {
                problemBefore(at, offset(at) - token.length(), message);
            }
        }

        private int offset(JsonLocation at) {
            return (int) Math.min(Math.max(at.getCharOffset(), 0), text.length());
        }

        /** Where the number that ends just before {@code end} starts. */
        private int numberStart(int end) {
            int start = end;
            while (start > 0 && JsonTree.NUMBER_CHARACTERS.indexOf(text.charAt(start - 1)) >= 0) {
                start--;
            }
            return start;
        }

        /** Where the key whose closing quote is just before {@code end} opens. */
        private int nameStart(int end) {
            int start = end - 2;
            while (start > 0 && !(text.charAt(start) == '"' && text.charAt(start - 1) != '\\')) {
                start--;
            }
            return Math.max(start, 0);
        }

        /** At offset {@code start} of the text, on the line of {@code at} and before it. */
        private void problemBefore(JsonLocation at, int start, String message) {
            problemAt(at.getLineNr(), Math.max(1, at.getColumnNr() - (offset(at) - start)), message);
        }

        private void problemAt(JsonLocation at, String message) {
            long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
            long column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
            problemAt(line, column, message);
        }

        /** {@code line} counts from 1 within the record; 0 when unknown. */
        private void problemAt(long line, long column, String message) {
            problems.add(new InputProblem(file, line < 1 ? 0 : firstLine + line - 1, line < 1 ? 0 : column, message));
        }

        /**
         * The problems in the order of the file, so a user can fix them top to bottom; past
         * {@value #MAX_PROBLEMS}, a notice where the next one is instead of the rest.
         */
        private List<InputProblem> problems() {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingLong(InputProblem::line).thenComparingLong(InputProblem::column));
            if (sorted.size() <= MAX_PROBLEMS) {
                return sorted;
            }
            InputProblem next = sorted.get(MAX_PROBLEMS);
            List<InputProblem> kept = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            kept.add(new InputProblem(file, next.line(), next.column(), "more than " + MAX_PROBLEMS
                    + " problems in this record; stopped reading here (fix the ones above, or check that this is a fact file)"));
            return kept;
        }
    }

    /** A JSON value as a message names it: {@code token} says what it is, {@code written} is its text. */
    static String describe(JsonToken token, String written) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + abbreviate(written) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(written);
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + written;
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Text from the input as a message shows it: one line, short, no control character or lone surrogate. */
    static String abbreviate(String text) {
        String oneLine = SHOWN_AS_QUESTION_MARK.matcher(text).replaceAll("?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
