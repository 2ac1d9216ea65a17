package org.apsa.fact;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the fact reader with arbitrary bytes, as a {@code .json} and as a {@code .jsonl}
 * file: it never throws, never takes long, and every record it returns is either a fact set
 * or problems with a position, never both, never neither. A problem from the reader's last
 * safety net ("cannot be read as a fact set (SomeException)") counts as a failure too: it
 * means an exception escaped the parsing that every bad input is meant to meet.
 *
 * <p>In {@code mvn test} this runs the committed inputs under
 * {@code src/test/resources/org/apsa/fact/FactSetReaderFuzzTestInputs/}; docs/reliability.md
 * has the command for a fuzzing run, through {@link FactSetReaderFuzzTarget}.
 */
class FactSetReaderFuzzTest {

    /**
     * Made on first use, not when the class loads: in a fuzzing run the agent that adds
     * coverage to the code under test starts after the test class is loaded, and a class
     * loaded before it is not instrumented.
     */
    private static final class Lazily {
        static final FactSetReader READER = warm(new FactSetReader(KnowledgeBase.embedded().vocabulary()));
        static final Path DIR = scratch();

        /** The schema is built once a process, on first use: not what reading one input costs. */
        private static FactSetReader warm(FactSetReader reader) {
            reader.parse("warm-up.json", "{\"id\": \"x\", \"indicators\": {\"mechanism.sco\": \"lo\"}}");
            return reader;
        }
    }

    @FuzzTest(maxDuration = "30s")
    void readingArbitraryBytesGivesFactSetsOrPositionedProblems(byte[] bytes) throws IOException {
        check(bytes);
    }


    static void check(byte[] bytes) throws IOException {
        for (String name : List.of("fuzzed.json", "fuzzed.jsonl")) {
            Path file = Files.write(Lazily.DIR.resolve(name), bytes);
            List<FactSetReader.Entry> entries = new ArrayList<>();

            long start = System.nanoTime();
            Lazily.READER.read(file, entries::add);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("ms to read %d bytes", bytes.length).isLessThan(2_000);
            if (name.endsWith(".json")) {
                assertThat(entries).hasSize(1);
            }
            for (FactSetReader.Entry entry : entries) {
                assertThat(entry.valid()).isEqualTo(entry.problems().isEmpty());
                assertThat(entry.problems()).hasSizeLessThanOrEqualTo(FactSetReader.MAX_PROBLEMS + 1);
                for (InputProblem p : entry.problems()) {
                    assertThat(p.file()).isEqualTo(file.toString());
                    assertThat(p.line()).isNotNegative();
                    assertThat(p.column()).isNotNegative();
                    assertThat(p.message()).isNotBlank().doesNotStartWith("cannot be read as a fact set (");
                }
                if (entry.valid()) {
                    FactSet facts = entry.factSet();
                    assertThat(FactSetReader.ID.matcher(facts.id()).matches()).as(facts.id()).isTrue();
                    facts.indicators().forEach((id, reading) -> {
                        IndicatorDef def = KnowledgeBase.embedded().vocabulary().find(id).orElseThrow();
                        assertThat(def.scale().allows(reading.level())).isTrue();
                        assertThat(reading.confidence()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
                        assertThat(plain(reading.note(), false)).as("a note without control characters").isTrue();
                    });
                    assertThat(plain(facts.title(), false)).as("a title without control characters").isTrue();
                    assertThat(plain(facts.description(), true)).as("a description without control characters").isTrue();
                    // What the reader accepts, the writer writes back to the same fact set.
                    assertThat(Lazily.READER.parse("rewritten.json", FactSetWriter.json(facts, null)).factSet()).isEqualTo(facts);
                }
            }
        }
    }

    private static boolean plain(String text, boolean lines) {
        return text == null || PlainText.firstForbidden(text, lines) < 0;
    }

    /** A folder for the fuzzed file; in memory where the system offers it. */
    private static Path scratch() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "apsa-fuzz") : Files.createTempDirectory("apsa-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
