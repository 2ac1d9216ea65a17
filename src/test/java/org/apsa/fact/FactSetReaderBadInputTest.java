package org.apsa.fact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every defect in src/test/resources/facts/bad/ must come out as problems with the exact
 * wording and the exact line and column, so that a change to either shows up here.
 */
class FactSetReaderBadInputTest {

    static final Path BAD = Path.of("src", "test", "resources", "facts", "bad");

    private static final String SCALE_OF_DISTRUST = "allowed: low | medium | high";
    private static final String KNOWN_IDS = "'apsa vocabulary' and facts/fact-set.schema.json list the known ones";
    private static final String OUT_OF_RANGE = "is out of range; use a number greater than 0 and at most 1 (1 = certain)";
    private static final String TOP_LEVEL = "allowed: $schema, asOf, description, id, indicators, title";

    /** Each of its records is valid alone; ids must be unique within a batch, which the batch checks. */
    static final String BATCH_ONLY = "duplicate-id.jsonl";

    private final FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());

    // --- vocabulary --------------------------------------------------------------

    @Test
    void unknownIndicatorIdIsReportedWithTheNearestKnownId() {
        assertProblems("unknown-indicator-id.json",
                ":4:5: unknown indicator \"us.presence.transparancy\" (did you mean \"us.presence.transparency\"?); " + KNOWN_IDS);
    }

    @Test
    void unknownIndicatorIdFarFromEveryKnownIdGetsNoSuggestion() {
        assertProblems("unknown-indicator-no-suggestion.json", ":4:5: unknown indicator \"weather.monsoon\"; " + KNOWN_IDS);
    }

    @Test
    void levelOutsideTheScaleIsReportedWithTheAllowedLevels() {
        assertProblems("level-outside-scale.json",
                ":4:34: level \"hihg\" is not on the scale of \"usChina.strategicDistrust\" (did you mean \"high\"?); " + SCALE_OF_DISTRUST,
                ":5:32: level \"war\" is not on the scale of \"hotspot.koreanPeninsula\"; allowed: stable | tense | deteriorating | crisis");
    }

    @Test
    void levelsAreCaseSensitiveButTheRightCaseIsSuggested() {
        assertProblems("level-wrong-case.json",
                ":4:34: level \"High\" is not on the scale of \"usChina.strategicDistrust\" (did you mean \"high\"?); " + SCALE_OF_DISTRUST);
    }

    @Test
    void nullAsALevelIsAProblemNamingTheLevels() {
        assertProblems("level-null.json",
                ":4:34: indicator \"usChina.strategicDistrust\" must be a level (low | medium | high) or an object"
                        + " {\"level\": ..., \"confidence\": ..., \"note\": ...}, found null",
                ":5:43: level of \"hotspot.koreanPeninsula\" must be one of stable | tense | deteriorating | crisis,"
                        + " as a string, found null");
    }

    @Test
    void numberAsALevelIsAProblem() {
        assertProblems("level-as-number.json",
                ":4:34: indicator \"usChina.strategicDistrust\" must be a level (low | medium | high) or an object"
                        + " {\"level\": ..., \"confidence\": ..., \"note\": ...}, found the number 3");
    }

    @Test
    void readingWithoutLevelIsReportedAtTheReading() {
        assertProblems("reading-without-level.json",
                ":4:34: indicator \"usChina.strategicDistrust\" needs a \"level\" (low | medium | high)");
    }

    @Test
    void unknownKeyInReadingIsReportedWithTheNearestKey() {
        assertProblems("unknown-key-in-reading.json",
                ":4:53: unknown key \"confidense\" in indicator \"usChina.strategicDistrust\" (did you mean \"confidence\"?);"
                        + " allowed: confidence, level, note");
    }

    // --- confidence --------------------------------------------------------------

    @Test
    void confidenceZeroIsOutOfRange() {
        assertProblems("confidence-zero.json", ":4:67: confidence 0 of \"usChina.strategicDistrust\" " + OUT_OF_RANGE);
    }

    @Test
    void confidenceAboveOneIsOutOfRange() {
        assertProblems("confidence-above-one.json", ":4:67: confidence 1.5 of \"usChina.strategicDistrust\" " + OUT_OF_RANGE);
    }

    @Test
    void negativeConfidenceIsOutOfRange() {
        assertProblems("confidence-negative.json", ":4:67: confidence -0.5 of \"usChina.strategicDistrust\" " + OUT_OF_RANGE);
    }

    @Test
    void confidenceTooLargeForADoubleIsOutOfRangeAndNamedAsWritten() {
        assertProblems("confidence-overflow.json", ":4:67: confidence 1e999 of \"usChina.strategicDistrust\" " + OUT_OF_RANGE);
    }

    /** 1e-999 is above 0: what is wrong is that it cannot be told from 0 once read. */
    @Test
    void confidenceTooSmallForADoubleIsSaidToUnderflowAndNamedAsWritten() {
        assertProblems("confidence-underflow.json", ":4:67: confidence 1e-999 of \"usChina.strategicDistrust\" is too small"
                + " to be told from 0 (it underflows); use a number greater than 0 and at most 1, such as 0.001");
    }

    @Test
    void confidenceAsStringSaysToDropTheQuotes() {
        assertProblems("confidence-as-string.json",
                ":4:67: confidence of \"usChina.strategicDistrust\" must be a number greater than 0 and at most 1,"
                        + " found the string \"0.8\"; write the number without quotes: 0.8");
    }

    /** Told once, at the number: not also as a confidence 0 out of range, read before the 'x'. */
    @Test
    void hexadecimalConfidenceIsOneProblemAtTheNumber() {
        assertProblems("confidence-hexadecimal.json",
                ":4:67: malformed JSON: '0x1' is not a JSON number; write a decimal number such as 0.8");
    }

    @Test
    void notANumberIsMalformedAndReportedAtItsFirstLetter() {
        assertProblems("confidence-nan.json", ":4:67: malformed JSON: 'NaN' is not a JSON number; write a number such as 0.8");
    }

    // --- keys --------------------------------------------------------------------

    @Test
    void duplicateTopLevelKeyIsReportedAtTheSecondOccurrence() {
        assertProblems("duplicate-top-level-key.json", ":4:3: duplicate key \"id\"; each key may appear once");
    }

    @Test
    void duplicateIndicatorIsReportedAtTheSecondOccurrence() {
        assertProblems("duplicate-indicator.json",
                ":5:5: duplicate indicator \"usChina.strategicDistrust\"; state each indicator once");
    }

    @Test
    void duplicateKeyInReadingIsReported() {
        assertProblems("duplicate-key-in-reading.json",
                ":4:53: duplicate key \"level\" in indicator \"usChina.strategicDistrust\"; each key may appear once");
    }

    @Test
    void aKeyGivenTwiceInsideAnUnknownKeysValueIsADuplicateKey(@TempDir Path dir) throws IOException {
        Path file = write(dir, "duplicate-in-unknown.json", "{\"id\": \"x\", \"extra\": {\"a\": 1, \"a\": 2}, \"indicators\": {}}");
        assertThat(formatted(file)).containsExactly(
                file + ":1:13: unknown key \"extra\"; " + TOP_LEVEL,
                file + ":1:31: duplicate key \"a\"; each key may appear once");
    }

    /** Past a thousand keys an object is read no further; a key after them is not called missing. */
    @Test
    void aRecordReadInPartIsNotSaidToMissWhatComesLater(@TempDir Path dir) throws IOException {
        StringBuilder keys = new StringBuilder("{\"id\": \"many\"");
        for (int i = 0; i < 2_000; i++) {
            keys.append(", \"k").append(i).append("\": 0");
        }
        Path file = write(dir, "many-keys-first.json", keys.append(", \"indicators\": {}}").toString());
        List<String> problems = formatted(file);
        assertThat(problems).hasSize(FactSetReader.MAX_PROBLEMS + 1).noneMatch(p -> p.contains("missing"));
        assertThat(problems.get(0)).isEqualTo(file + ":1:16: unknown key \"k0\"; " + TOP_LEVEL);
    }

    @Test
    void unknownTopLevelKeyIsReportedWithTheNearestKey() {
        assertProblems("unknown-top-level-key.json", ":3:3: unknown key \"titel\" (did you mean \"title\"?); " + TOP_LEVEL);
    }

    @Test
    void missingIdIsReportedAtTheObject() {
        assertProblems("missing-id.json", ":1:1: missing \"id\"; add a unique id such as \"id\": \"my-view-2014\"");
    }

    @Test
    void missingIndicatorsIsReportedAtTheObject() {
        assertProblems("missing-indicators.json", ":1:1: missing \"indicators\"; add \"indicators\": {} (it may be empty)");
    }

    @Test
    void indicatorsThatAreNotAnObjectAreReported() {
        assertProblems("indicators-not-object.json",
                ":3:17: \"indicators\" must be an object mapping indicator ids to levels, found an array");
    }

    @Test
    void idWithASpaceIsNotUsable() {
        assertProblems("id-not-usable.json",
                ":2:9: id \"my view\" is not usable: use 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }

    @Test
    void idAsNumberIsReported() {
        assertProblems("id-as-number.json", ":2:9: \"id\" must be a string, found the number 2014");
    }

    @Test
    void titleThatIsNotAStringIsReported() {
        assertProblems("title-not-string.json", ":3:12: \"title\" must be a string, found an array");
    }

    @Test
    void dateThatDoesNotExistIsReported() {
        assertProblems("bad-asof-date.json",
                ":3:11: asOf \"2014-13-09\" is not a date; write it as YYYY-MM-DD, e.g. \"2014-12-09\"");
    }

    // --- malformed JSON ----------------------------------------------------------

    @Test
    void trailingCommaIsMalformedWithTheFix() {
        assertProblems("malformed-trailing-comma.json",
                ":5:3: malformed JSON: a comma before '}' with no entry after it; remove the comma after the last entry");
    }

    @Test
    void truncatedFileIsMalformedAtItsEnd() {
        assertProblems("truncated.json", ":4:37: malformed JSON: the file ends inside a string; a missing '\"'?");
    }

    @Test
    void emptyFileIsReported() {
        assertProblems("empty.json",
                ":1:1: empty: a fact file holds one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}");
    }

    @Test
    void arrayAtTheTopIsReported() {
        assertProblems("array-at-top.json", ":1:1: expected a JSON object {...} holding one fact set, found an array");
    }

    @Test
    void secondObjectInAJsonFileIsReported() {
        assertProblems("two-objects.json",
                ":2:1: found an object after the fact set; a .json file holds one object (a .jsonl file holds one a line)");
    }

    @Test
    void commentIsMalformedAndSaysWhereRemarksGo() {
        assertProblems("comment.json", ":2:3: malformed JSON: comments are not allowed in JSON;"
                + " remove it (a remark can go in \"description\" or in a reading's \"note\")");
    }

    @Test
    void singleQuotesAreMalformed() {
        assertProblems("single-quotes.json",
                ":2:3: malformed JSON: single quote found; JSON keys and strings take double quotes: \"like this\"");
    }

    @Test
    void curlyQuotesFromAWordProcessorAreNamedAsSuch() {
        assertProblems("curly-quotes.json", ":4:5: malformed JSON: curly quote '\u201c' (U+201C); JSON takes straight double quotes:"
                + " \"like this\" (a word processor's doing?)");
    }

    /** A UTF-8 byte-order mark starts a file harmlessly (facts/good/byte-order-mark.json); a second one does not. */
    @Test
    void byteOrderMarkAfterTheStartIsNamedNotShownAsAnInvisibleCharacter() {
        assertProblems("byte-order-mark-twice.json", ":1:1: malformed JSON: a byte-order mark (U+FEFF) here;"
                + " it may only start the file, so remove it (joined files?)");
    }

    @Test
    void unexpectedNonAsciiCharacterIsShownWithItsCodePoint(@TempDir Path dir) throws IOException {
        Path nbsp = write(dir, "no-break-space.json", "{\"id\": \"x\",\u00a0\"indicators\": {}}");
        Path arrow = write(dir, "arrow.json", "{\"id\": \"x\", \"indicators\": \u2192}");
        assertThat(formatted(nbsp)).containsExactly(nbsp + ":1:12: malformed JSON: expected a key in double quotes,"
                + " found invisible character U+00A0");
        assertThat(formatted(arrow)).containsExactly(arrow + ":1:27: malformed JSON: expected a value (a \"string\","
                + " a number, an object or an array), found '\u2192' (U+2192)");
    }

    @Test
    void unquotedLevelIsReportedAtItsFirstLetter(@TempDir Path dir) throws IOException {
        Path file = write(dir, "unquoted-level.json", "{\"id\": \"x\", \"indicators\": {\"usChina.strategicDistrust\": high}}");
        assertThat(formatted(file)).containsExactly(file + ":1:57: malformed JSON: unquoted word 'high';"
                + " write text in double quotes (\"high\"), and true, false, null in lower case");
    }

    @Test
    void missingCommaIsReportedAtTheNextKey(@TempDir Path dir) throws IOException {
        Path file = write(dir, "missing-comma.json", "{\"id\": \"x\" \"indicators\": {}}");
        assertThat(formatted(file)).containsExactly(
                file + ":1:12: malformed JSON: expected ',' or '}' after a value, found '\"'; a missing comma?");
    }

    @Test
    void lineBreakInsideAStringIsReportedWhereItIs(@TempDir Path dir) throws IOException {
        Path file = write(dir, "line-break-in-string.json", "{\"id\": \"x\n\", \"indicators\": {}}");
        assertThat(formatted(file)).containsExactly(file + ":1:10: malformed JSON: a line break inside a string;"
                + " close the string on its line or write the break as \\n");
    }

    /**
     * Written as JSON escapes, control characters are valid JSON, and a terminal showing the
     * title or a note would act on them: clear the screen, retitle the window, recolour.
     * Each is reported where it is written; a description may hold line breaks and tabs.
     */
    @Test
    void controlCharactersInATitleANoteOrADescriptionAreProblemsWhereTheyAreWritten() {
        assertProblems("escaped-control-characters.json",
                ":3:21: \"title\" holds a line break (U+000A); it is one line of text: join the lines"
                        + " (longer text goes in \"description\") (2 more control characters after it)",
                ":4:74: \"description\" holds the control character escape (U+001B), which a terminal would act on; remove it",
                ":6:76: the note of \"region.alignment\" holds the control character escape (U+001B), which a terminal"
                        + " would act on; remove it (2 more control characters after it)",
                ":7:67: the note of \"usChina.strategicDistrust\" holds a tab (U+0009); it is one line of text: use spaces",
                ":8:79: the note of \"china.publicGoods\" holds a control character (U+009B), which a terminal would act on;"
                        + " remove it");
    }

    /**
     * Half of a surrogate pair can be written as a JSON escape, and no output can hold it: a
     * terminal shows "?", a JSON line keeps an escape that jq refuses. A whole pair is an
     * ordinary character.
     */
    @Test
    void loneSurrogatesInTextAreProblemsWhereTheyAreWritten() {
        assertProblems("lone-surrogate.json",
                ":3:28: \"title\" holds a lone surrogate (U+D83D), half of a character that cannot be written out;"
                        + " remove it or write the whole character",
                ":5:53: the note of \"mechanism.sco\" holds a lone surrogate (U+DC00), half of a character that cannot"
                        + " be written out; remove it or write the whole character");
    }

    @Test
    void aRawTabInAStringSaysWhereATabMayBe() {
        assertProblems("control-character-in-string.json",
                ":3:16: malformed JSON: a tab inside a string; use spaces (a \"description\" may hold a tab written as \\t)");
    }

    @Test
    void missingClosingBraceIsReportedAtTheEnd(@TempDir Path dir) throws IOException {
        Path file = write(dir, "missing-brace.json", "{\"id\": \"x\", \"indicators\": {}");
        assertThat(formatted(file)).containsExactly(
                file + ":1:29: malformed JSON: the file ends before the JSON is complete; a missing '}' or ']'?");
    }

    // --- several problems, lines ---------------------------------------------------

    @Test
    void everyProblemOfARecordIsReportedInFileOrder() {
        assertProblems("several-errors.json",
                ":1:1: missing \"id\"; add a unique id such as \"id\": \"my-view-2014\"",
                ":2:3: unknown key \"titel\" (did you mean \"title\"?); " + TOP_LEVEL,
                ":3:11: asOf \"09/12/2014\" is not a date; write it as YYYY-MM-DD, e.g. \"2014-12-09\"",
                ":5:5: unknown indicator \"us.presence.transparancy\" (did you mean \"us.presence.transparency\"?); " + KNOWN_IDS,
                ":6:34: level \"hihg\" is not on the scale of \"usChina.strategicDistrust\" (did you mean \"high\"?); " + SCALE_OF_DISTRUST,
                ":7:59: confidence 2 of \"china.publicGoods\" " + OUT_OF_RANGE,
                ":8:25: indicator \"region.alignment\" needs a \"level\" (balanced | leaning | taking-sides)");
    }

    @Test
    void badJsonlLineDoesNotSpoilTheGoodOnes() {
        List<FactSetReader.Entry> entries = entries(BAD.resolve("jsonl-one-bad-line.jsonl"));
        assertThat(entries).extracting(FactSetReader.Entry::line).containsExactly(1L, 2L, 3L);
        assertThat(entries).extracting(FactSetReader.Entry::valid).containsExactly(true, false, true);
        assertThat(entries.get(0).factSet().id()).isEqualTo("first");
        assertThat(entries.get(0).factSet().indicators().get("usChina.strategicDistrust")).isEqualTo(Reading.of("high"));
        assertThat(entries.get(2).factSet().id()).isEqualTo("third");
        assertThat(entries.get(1).problems()).extracting(InputProblem::format).containsExactly(
                BAD.resolve("jsonl-one-bad-line.jsonl") + ":2:62: level \"hihg\" is not on the scale of"
                        + " \"usChina.strategicDistrust\" (did you mean \"high\"?); " + SCALE_OF_DISTRUST);
    }

    @Test
    void readAllReportsTheBadJsonlLine() {
        Path file = BAD.resolve("jsonl-one-bad-line.jsonl");
        assertThatThrownBy(() -> reader.readAll(file))
                .isInstanceOfSatisfying(InvalidFactSetException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageStartingWith(file + ":2:62: level \"hihg\"");
    }

    @Test
    void objectSpreadOverTwoJsonlLinesIsReportedOnBoth() {
        assertProblems("jsonl-object-over-two-lines.jsonl",
                ":1:16: malformed JSON: the line ends before the JSON is complete; in a .jsonl file each line holds one whole object",
                ":2:2: expected a JSON object {...} holding one fact set, found the string \"indicators\"");
    }

    // --- limits and encodings --------------------------------------------------------

    /** A record that cannot be read whole is not checked against the schema: its limit is its one problem. */
    @Test
    void deepNestingStopsAtTheLimit() {
        assertProblems("deep-nesting.json",
                ":4:74: exceeds a safety limit: nested deeper than 16 levels; a fact set needs three"
                        + " (the object, \"indicators\", a reading)");
    }

    /** Written here rather than committed: 64 KiB of one letter says nothing in a diff. */
    @Test
    void veryLongStringStopsAtTheLimit(@TempDir Path dir) throws IOException {
        Path file = write(dir, "very-long-string.json", "{\n  \"id\": \"very-long-string\",\n  \"description\": \""
                + "x".repeat(FactSetReader.MAX_STRING_LENGTH + 1) + "\",\n  \"indicators\": {}\n}\n");
        assertThat(formatted(file)).containsExactly(file + ":3:18: exceeds a safety limit: a string longer than 65536"
                + " characters; fact files hold short texts, so check that this is the right file");
    }

    @Test
    void veryLongNumberStopsAtTheLimit(@TempDir Path dir) throws IOException {
        Path file = write(dir, "very-long-number.json", "{\"id\": \"n\", \"indicators\": {\"mechanism.sco\":"
                + " {\"level\": \"low\", \"confidence\": 0." + "1".repeat(100) + "}}}");
        assertThat(formatted(file)).containsExactly(file + ":1:76: exceeds a safety limit: a number longer than 64"
                + " characters; confidence takes a number such as 0.8");
    }

    @Test
    void veryLongKeyStopsAtTheLimit() {
        assertProblems("very-long-key.json", ":4:5: exceeds a safety limit: a key longer than 256 characters;"
                + " keys are short names such as \"indicators\" or an indicator id");
    }

    /** Written here rather than committed: 4 MiB of made-up keys says nothing in a diff. */
    @Test
    void manyProblemsStopAfterAHundredQuickly(@TempDir Path dir) throws IOException {
        StringBuilder keys = new StringBuilder("{\"id\": \"many\", \"indicators\": {");
        for (int i = 0; keys.length() < FactSetReader.MAX_DOCUMENT_BYTES - 100; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 0");
        }
        Path file = write(dir, "many-unknown-keys.json", keys.append("}}").toString());

        long start = System.nanoTime();
        List<String> problems = formatted(file);

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to read").isLessThan(2_000);
        assertThat(problems).hasSize(FactSetReader.MAX_PROBLEMS + 1);
        assertThat(problems.get(0)).startsWith(file + ":1:31: unknown indicator \"k0\"");
        assertThat(problems.get(FactSetReader.MAX_PROBLEMS)).isEqualTo(file + ":1:921: more than 100 problems in this record;"
                + " stopped reading here (fix the ones above, or check that this is a fact file)");
    }

    /** Latin-1 "é" (0xE9) where UTF-8 was expected, as an old editor would save it. */
    @Test
    void invalidUtf8IsReportedAtTheBadByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("invalid-utf8.json");
        byte[] head = "{\n  \"id\": \"invalid-utf8\",\n  \"title\": \"caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\",\n  \"indicators\": {}\n}\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(file, bytes);
        assertThat(formatted(file)).containsExactly(
                file + ":3:16: not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void columnsCountCharactersNotBytes(@TempDir Path dir) throws IOException {
        Path file = write(dir, "wide-characters.json",
                "{\"id\": \"x\", \"title\": \"亚太安全\", \"titel\": \"typo\", \"indicators\": {}}");
        assertThat(formatted(file)).containsExactly(
                file + ":1:30: unknown key \"titel\" (did you mean \"title\"?); " + TOP_LEVEL);
    }

    @Test
    void byteOrderMarkDoesNotShiftTheColumnsOfTheFirstLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF{\"id\": \"x\", \"titel\": \"typo\", \"indicators\": {}}").getBytes(StandardCharsets.UTF_8));
        assertThat(formatted(file)).containsExactly(
                file + ":1:13: unknown key \"titel\" (did you mean \"title\"?); " + TOP_LEVEL);
    }

    // --- files -------------------------------------------------------------------

    @Test
    void wrongExtensionIsNotReadAtAll() {
        assertProblems("wrong-extension.txt",
                ": not a fact file: expected a .json file (one fact set) or a .jsonl file (one a line)");
    }

    @Test
    void missingFileIsReported() {
        assertProblems("no-such-file.json", ": no such file; check the path (fact files usually live in facts/)");
    }

    @Test
    void folderIsReportedAsAFolder() {
        assertThat(formatted(BAD)).containsExactly(
                BAD + ": is a folder; give a .json or .jsonl file (the 'batch' command takes folders)");
    }

    @Test
    void folderNamedLikeAFactFileIsReportedAsAFolder(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("looks-like.json"));
        assertThat(formatted(folder)).containsExactly(
                folder + ": is a folder; give a .json or .jsonl file (the 'batch' command takes folders)");
    }

    @Test
    void everyBadFixtureBecomesProblemsAndNoException() throws IOException {
        try (var files = Files.list(BAD)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().equals(BATCH_ONLY)) {
                    continue;
                }
                List<FactSetReader.Entry> entries = entries(file);
                assertThat(entries).as(file.toString()).isNotEmpty();
                assertThat(entries).as(file.toString()).anyMatch(entry -> !entry.valid());
                for (FactSetReader.Entry entry : entries) {
                    assertThat(entry.valid()).as(file.toString()).isEqualTo(entry.problems().isEmpty());
                }
            }
        }
    }

    private void assertProblems(String fixture, String... expected) {
        Path file = BAD.resolve(fixture);
        List<String> withFile = new ArrayList<>();
        for (String problem : expected) {
            withFile.add(file + problem);
        }
        assertThat(formatted(file)).containsExactlyElementsOf(withFile);
    }

    private List<String> formatted(Path file) {
        return entries(file).stream().flatMap(entry -> entry.problems().stream()).map(InputProblem::format).toList();
    }

    private List<FactSetReader.Entry> entries(Path file) {
        List<FactSetReader.Entry> entries = new ArrayList<>();
        reader.read(file, entries::add);
        return entries;
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
