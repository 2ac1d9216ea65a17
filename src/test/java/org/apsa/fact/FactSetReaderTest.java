package org.apsa.fact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactSetReaderTest {

    static final Path GOOD = Path.of("src", "test", "resources", "facts", "good");

    private final FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());

    @Test
    void readsBareLevelsAndTheOptionalFields() {
        FactSet set = reader.readOne(GOOD.resolve("bare-levels.json"));
        assertThat(set.id()).isEqualTo("bare-levels");
        assertThat(set.title()).isEqualTo("After the 2014 summit season");
        assertThat(set.description()).isEqualTo("Every indicator as a bare level");
        assertThat(set.asOf()).isEqualTo("2014-12-09");
        assertThat(set.indicators()).containsEntry("usChina.strategicDistrust", Reading.of("high"))
                .containsEntry("hotspot.koreanPeninsula", Reading.of("tense"))
                .containsEntry("context.nuclearDeterrence", Reading.of("present"));
    }

    @Test
    void keepsIndicatorsInVocabularyOrderWhateverTheFileOrder() {
        FactSet set = reader.readOne(GOOD.resolve("bare-levels.json"));
        assertThat(set.indicators().keySet()).containsExactly("us.presence.transparency",
                "usChina.strategicDistrust", "hotspot.koreanPeninsula", "context.nuclearDeterrence");
    }

    @Test
    void readsObjectReadingsWithConfidenceAndNote() {
        FactSet set = reader.readOne(GOOD.resolve("object-readings.json"));
        assertThat(set.indicators().get("usChina.strategicDistrust"))
                .isEqualTo(new Reading("high", 0.8, "rebalancing read as containment"));
        assertThat(set.indicators().get("region.alignment")).isEqualTo(Reading.of("leaning"));
        assertThat(set.indicators().get("china.publicGoods")).isEqualTo(new Reading("medium", 1.0, "亚洲基础设施投资银行 (¶10)"));
        assertThat(set.indicators().get("mechanism.sco").confidence()).isEqualTo(0.001);
        assertThat(set.indicators().get("us.presence.transparency")).isEqualTo(Reading.of("low"));
    }

    @Test
    void aDescriptionMayHoldLineBreaksAndTabsWhereATitleAndANoteMayNot() {
        FactSetReader.Entry entry = reader.parse("x.json", "{\"id\": \"x\", \"title\": \"Après « le sommet » — ¶9\","
                + " \"description\": \"First.\\n\\n\\tSecond.\", \"indicators\": {}}");

        assertThat(entry.problems()).isEmpty();
        assertThat(entry.factSet().description()).isEqualTo("First.\n\n\tSecond.");
        assertThat(entry.factSet().title()).isEqualTo("Après « le sommet » — ¶9");
    }

    @Test
    void readsEmptyIndicators() {
        FactSet set = reader.readOne(GOOD.resolve("empty-indicators.json"));
        assertThat(set).isEqualTo(FactSet.empty("empty-indicators", KnowledgeBase.embedded().vocabulary()));
    }

    @Test
    void acceptsTheSchemaReference() {
        FactSet set = reader.readOne(GOOD.resolve("with-schema.json"));
        assertThat(set.indicators()).containsExactly(java.util.Map.entry("usChina.accommodation", Reading.of("partial")));
    }

    @Test
    void acceptsAUtf8ByteOrderMark() {
        assertThat(reader.readOne(GOOD.resolve("byte-order-mark.json")).id()).isEqualTo("bom");
    }

    @Test
    void skipsBlankJsonlLinesAndKeepsTheLineNumbers() {
        List<FactSetReader.Entry> entries = entries(GOOD.resolve("batch.jsonl"));
        assertThat(entries).extracting(FactSetReader.Entry::line).containsExactly(1L, 4L, 5L);
        assertThat(entries).allMatch(FactSetReader.Entry::valid);
        assertThat(entries).extracting(entry -> entry.factSet().id()).containsExactly("first", "second", "third");
        assertThat(entries.get(2).factSet().indicators().get("hotspot.southChinaSea"))
                .isEqualTo(new Reading("tense", 0.6, null));
    }

    @Test
    void readsJsonlWithWindowsLineEnds(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "crlf.jsonl",
                "{\"id\": \"a\", \"indicators\": {}}\r\n\r\n{\"id\": \"b\", \"indicators\": {\"mechanism.sco\": \"hgih\"}}\r\n"
                        + "{\"id\": \"c\", \"indicators\": {}}\r\n");
        List<FactSetReader.Entry> entries = entries(file);
        assertThat(entries).extracting(FactSetReader.Entry::line).containsExactly(1L, 3L, 4L);
        assertThat(entries).extracting(FactSetReader.Entry::valid).containsExactly(true, false, true);
        assertThat(entries.get(1).problems()).extracting(InputProblem::format).containsExactly(file
                + ":3:45: level \"hgih\" is not on the scale of \"mechanism.sco\" (did you mean \"high\"?); allowed: low | medium | high");
    }

    /** Line ends of old Mac editors: each record is read on its own line, numbered as an editor numbers it. */
    @Test
    void readsJsonlWithCarriageReturnsAloneAsLineEnds(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "cr.jsonl",
                "{\"id\": \"a\", \"indicators\": {}}\r\r{\"id\": \"b\", \"indicators\": {\"mechanism.sco\": \"hgih\"}}\r"
                        + "{\"id\": \"c\", \"indicators\": {}}\r\n{\"id\": \"d\", \"indicators\": {}}");
        List<FactSetReader.Entry> entries = entries(file);
        assertThat(entries).extracting(FactSetReader.Entry::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(entries).extracting(FactSetReader.Entry::valid).containsExactly(true, false, true, true);
        assertThat(entries.get(1).problems()).extracting(InputProblem::format).containsExactly(file
                + ":3:45: level \"hgih\" is not on the scale of \"mechanism.sco\" (did you mean \"high\"?); allowed: low | medium | high");
    }

    @Test
    void splitsJsonlLinesOfAnyLengthAndReportsOnlyThoseOverTheLimit(@TempDir Path dir) throws IOException {
        int max = FactSetReader.MAX_DOCUMENT_BYTES;
        String atLimit = "{\"id\": \"at-limit\", \"indicators\": {}}";
        atLimit = atLimit + " ".repeat(max - atLimit.length());
        String overLimit = "{\"id\": \"over\", \"indicators\": {}}";
        overLimit = overLimit + " ".repeat(max + 1 - overLimit.length());
        // "\r\n" ends a line as '\n' does: the '\r' is not part of it.
        Path file = FactSetReaderBadInputTest.write(dir, "long.jsonl", "{\"id\": \"a\", \"indicators\": {}}\n"
                + overLimit + "\n" + atLimit + "\n\n" + atLimit + "\r\n" + "{\"id\": \"b\", \"indicators\": {}}\r\n"
                + overLimit);

        List<FactSetReader.Entry> entries = entries(file);

        assertThat(entries).extracting(FactSetReader.Entry::line).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(entries).extracting(e -> e.valid() ? e.factSet().id() : e.problems().get(0).message())
                .containsExactly("a", "line is longer than 4 MiB, the limit for one fact set", "at-limit",
                        "at-limit", "b",
                        "line is longer than 4 MiB, the limit for one fact set");
    }

    @Test
    void readsALastJsonlLineWithoutALineEnd(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "no-final-newline.jsonl",
                "{\"id\": \"a\", \"indicators\": {}}\n{\"id\": \"b\", \"indicators\": {}}");
        assertThat(reader.readAll(file)).extracting(FactSet::id).containsExactly("a", "b");
    }

    @Test
    void readsAByteOrderMarkAtTheStartOfAJsonlFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, "\uFEFF{\"id\": \"a\", \"indicators\": {}}\n{\"id\": \"b\", \"indicators\": {}}\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(reader.readAll(file)).extracting(FactSet::id).containsExactly("a", "b");
    }

    @Test
    void readOneTakesAJsonlFileOfOneLine() {
        assertThat(reader.readOne(GOOD.resolve("one-line.jsonl")).id()).isEqualTo("only");
    }

    @Test
    void readOneRefusesAJsonlFileOfSeveralLinesAtTheSecond() {
        Path file = GOOD.resolve("batch.jsonl");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOf(InvalidFactSetException.class)
                .hasMessage(file + ":4:1: a second fact set starts here; this command takes one (use 'batch' for many)");
    }

    /** What follows the second record is not read: a broken third line is not reported, a huge file not held. */
    @Test
    void readOneStopsAtTheSecondRecord(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "many.jsonl", "{\"id\": \"a\", \"indicators\": {}}\n\n"
                + "{\"id\": \"b\", \"indicators\": {}}\n{not json at all\n");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::format).containsExactly(
                        file + ":3:1: a second fact set starts here; this command takes one (use 'batch' for many)"));
    }

    @Test
    void readOneReportsTheFirstRecordsProblemsAndTheSecondRecord(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "two.jsonl", "{\"id\": \"a\", \"indicators\": {\"mechanism.sco\": \"lo\"}}\n"
                + "{\"id\": \"b\", \"indicators\": {}}\n");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::format).containsExactly(
                        file + ":1:45: level \"lo\" is not on the scale of \"mechanism.sco\" (did you mean \"low\"?); allowed: low | medium | high",
                        file + ":2:1: a second fact set starts here; this command takes one (use 'batch' for many)"));
    }

    @Test
    void readsASurrogatePairAsOneCharacter() {
        FactSetReader.Entry entry = reader.parse("x.json", "{\"id\": \"x\", \"title\": \"\\ud83d\\ude00 and \ud83c\udf0f\", \"indicators\": {}}");
        assertThat(entry.problems()).isEmpty();
        assertThat(entry.factSet().title()).isEqualTo("\ud83d\ude00 and \ud83c\udf0f");
    }

    @Test
    void readOneRefusesAJsonlFileOfBlankLines(@TempDir Path dir) throws IOException {
        Path file = FactSetReaderBadInputTest.write(dir, "blank.jsonl", "\n  \n\r\n");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOf(InvalidFactSetException.class)
                .hasMessage(file + ": holds no fact set; write one JSON object such as {\"id\": \"my-view\", \"indicators\": {}}");
    }

    @Test
    void readOneReportsAMissingFile() {
        Path file = GOOD.resolve("missing.json");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::format)
                        .containsExactly(file + ": no such file; check the path (fact files usually live in facts/)"));
    }

    @Test
    void aMissingPathIsReportedAsMissingWhateverItsName() {
        for (String name : List.of("missing", "missing.txt", "baseline-2014-12")) {
            Path file = GOOD.resolve(name);
            assertThatThrownBy(() -> reader.readOne(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                    e -> assertThat(e.problems()).extracting(InputProblem::format)
                            .containsExactly(file + ": no such file; check the path (fact files usually live in facts/)"));
        }
    }

    @Test
    void anExistingFileOfAnotherKindIsNotAFactFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "{}");
        assertThatThrownBy(() -> reader.readOne(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::format)
                        .containsExactly(file + ": not a fact file: expected a .json file (one fact set) or a .jsonl file (one a line)"));
    }

    @Test
    void readAllReportsEveryProblemOfAFile() {
        Path file = FactSetReaderBadInputTest.BAD.resolve("several-errors.json");
        assertThatThrownBy(() -> reader.readAll(file)).isInstanceOfSatisfying(InvalidFactSetException.class,
                e -> assertThat(e.problems()).hasSize(7));
    }

    @Test
    void parsesText() {
        FactSetReader.Entry entry = reader.parse("inline", "{\"id\": \"x\", \"indicators\": {\"mechanism.sco\": \"low\"}}");
        assertThat(entry.valid()).isTrue();
        assertThat(entry.factSet().indicators()).containsEntry("mechanism.sco", Reading.of("low"));
    }

    @Test
    void parsesTextWithAProblem() {
        FactSetReader.Entry entry = reader.parse("inline", "{\"id\": \"x\",\n \"indicators\": {\"mechanism.sco\": \"lo\"}}");
        assertThat(entry.valid()).isFalse();
        assertThat(entry.problems()).extracting(InputProblem::format).containsExactly(
                "inline:2:34: level \"lo\" is not on the scale of \"mechanism.sco\" (did you mean \"low\"?); allowed: low | medium | high");
    }

    /** Whatever the bytes, read() reports problems and never throws. */
    @Test
    void neverThrowsOnTruncatedOrCorruptedInput(@TempDir Path dir) throws IOException {
        byte[] good = Files.readAllBytes(GOOD.resolve("object-readings.json"));
        Path file = dir.resolve("mangled.json");
        Random random = new Random(20141209);
        for (int cut = 0; cut < good.length; cut += 3) {
            assertReadsWithoutThrowing(file, java.util.Arrays.copyOf(good, cut));
        }
        for (int round = 0; round < 300; round++) {
            byte[] bytes = good.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            assertReadsWithoutThrowing(file, bytes);
        }
    }

    private void assertReadsWithoutThrowing(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        List<FactSetReader.Entry> entries = new ArrayList<>();
        assertThatCode(() -> reader.read(file, entries::add)).as(new String(bytes, StandardCharsets.UTF_8))
                .doesNotThrowAnyException();
        assertThat(entries).hasSize(1);
        FactSetReader.Entry entry = entries.get(0);
        assertThat(entry.valid()).isEqualTo(entry.problems().isEmpty());
        for (InputProblem problem : entry.problems()) {
            assertThat(problem.message()).as(problem.format()).doesNotContain("`", "Jackson", "java.");
        }
    }

    private List<FactSetReader.Entry> entries(Path file) {
        List<FactSetReader.Entry> entries = new ArrayList<>();
        reader.read(file, entries::add);
        return entries;
    }
}
