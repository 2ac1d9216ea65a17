package org.apsa.batch;

import org.apsa.fact.KnowledgeBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.engine.Assessor;
import org.apsa.engine.TestRules;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.render.Detail;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchTest {

    static final Path MIXED = Path.of("src/test/resources/batch/mixed");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Assessor assessor;

    @TempDir
    Path temp;

    @BeforeAll
    static void compile() {
        assessor = new Assessor(TestRules.withShippedScoring("basic"));
    }

    private Batch.Summary run(Path out, int threads, Path... inputs) {
        return new Batch(assessor).run(new Batch.Options(List.of(inputs), out, EnumSet.allOf(Report.class), threads, Detail.FULL, null), Batch.Progress.NONE);
    }

    @Test
    void aMixedFolderIsAssessedInInputOrderWithEveryProblemInErrorsJsonl() throws IOException {
        Path out = temp.resolve("out");

        Batch.Summary summary = run(out, 2, MIXED);

        assertThat(summary.files()).as("schema and text files skipped").isEqualTo(6);
        assertThat(summary.assessed()).isEqualTo(6);
        assertThat(summary.invalidInputs()).as("typos.json, a broken line, a duplicate id").isEqualTo(3);
        assertThat(summary.problems()).isEqualTo(4);
        assertThat(summary.byLeading()).containsEntry("deep-integration", 3L).containsEntry("chaos", 1L)
                .containsEntry("insufficient-evidence", 2L);
        assertThat(names(out)).containsExactly("assessments.jsonl", "errors.jsonl", "report.html", "report.md", "summary.csv");

        List<JsonNode> assessments = jsonLines(out.resolve("assessments.jsonl"));
        assertThat(assessments).extracting(a -> a.path("factSet").path("id").asText()).containsExactly(
                "baseline-2014-12", "optimist-2014-12", "crisis-2015-06", "open-2016-01", "line-2015-06-b", "undated");
        assertThat(assessments).allSatisfy(a -> {
            assertThat(a.path("scenarios")).hasSize(4);
            assertThat(a.has("prescriptions") && a.has("trace") && a.has("status")).isTrue();
        });

        List<JsonNode> errors = jsonLines(out.resolve("errors.jsonl"));
        assertThat(errors).extracting(e -> e.path("file").asText() + ":" + e.path("line").asInt() + ":" + e.path("column").asInt())
                .containsExactly(
                        MIXED.resolve("d-typos.json") + ":4:5",
                        MIXED.resolve("d-typos.json") + ":5:34",
                        MIXED.resolve("views.jsonl") + ":2:33",
                        MIXED.resolve("views.jsonl") + ":3:0");
        assertThat(errors.get(0).path("message").asText()).contains("unknown indicator \"us.presence.transparancy\"");
        assertThat(errors.get(3).path("message").asText())
                .as("an id clash names both places")
                .contains("duplicate id \"baseline-2014-12\"", MIXED.resolve("a-baseline.json").toString());

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv).hasSize(7);
        assertThat(csv.get(0)).startsWith("id,asOf,status,leading,deep-integration,deep-integration.likelihood,");
        assertThat(csv.get(1)).startsWith("baseline-2014-12,2014-12-09,insufficient-evidence,,");
    }

    @Test
    void oneAndFourThreadsWriteTheSameBytes() throws IOException {
        Path many = GeneratedFactSets.write(temp.resolve("many.jsonl"), 400, 7, 6);

        run(temp.resolve("one"), 1, MIXED, many);
        run(temp.resolve("four"), 4, MIXED, many);

        assertThat(names(temp.resolve("four"))).isEqualTo(names(temp.resolve("one")));
        for (String name : names(temp.resolve("one"))) {
            assertThat(Files.readAllBytes(temp.resolve("four").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(temp.resolve("one").resolve(name)));
        }
        assertThat(Files.readAllLines(temp.resolve("one/assessments.jsonl"))).hasSize(406);
    }

    @Test
    void aRunThatFailsHalfWayKeepsNothingOfItAndLeavesEarlierReportsWhole() throws IOException {
        Path many = GeneratedFactSets.write(temp.resolve("many.jsonl"), 600, 11, 3);
        Path out = temp.resolve("out");
        run(out, 2, many);
        Map<String, byte[]> before = contents(out);

        AtomicInteger count = new AtomicInteger();
        Batch failing = new Batch(KnowledgeBase.embedded(), facts -> {
            if (count.incrementAndGet() == 450) {
                throw new RuleBaseException("rule \"x\" failed on fact set \"" + facts.id() + "\"");
            }
            return assessor.assess(facts);
        });
        Batch.Options options = new Batch.Options(List.of(MIXED, many), out, EnumSet.allOf(Report.class), 2, Detail.FULL, null);

        assertThatThrownBy(() -> failing.run(options, Batch.Progress.NONE)).isInstanceOf(RuleBaseException.class);

        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).as("no temporary file left").isEqualTo(before.keySet());
        after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    @Test
    void aRunWithoutReportsRemovesAnEarlierRunsReportsOnlyWhenItSucceeds() throws IOException {
        Path out = temp.resolve("out");
        run(out, 2, MIXED);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Map<String, byte[]> before = contents(out);
        Batch failing = new Batch(KnowledgeBase.embedded(), facts -> {
            throw new RuleBaseException("rule \"x\" failed on fact set \"" + facts.id() + "\"");
        });
        Batch.Options jsonOnly = new Batch.Options(List.of(MIXED.resolve("c-crisis.json")), out, Set.of(), 1, Detail.FULL, null);

        assertThatThrownBy(() -> failing.run(jsonOnly, Batch.Progress.NONE)).isInstanceOf(RuleBaseException.class);
        Map<String, byte[]> afterFailure = contents(out);
        assertThat(afterFailure.keySet()).isEqualTo(before.keySet());
        afterFailure.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));

        Batch.Summary summary = new Batch(assessor).run(jsonOnly, Batch.Progress.NONE);

        assertThat(summary.written()).containsExactly("assessments.jsonl", "errors.jsonl");
        assertThat(summary.removed()).containsExactly("summary.csv", "report.md", "report.html");
        assertThat(names(out)).containsExactly("assessments.jsonl", "errors.jsonl", "notes.txt");
        assertThat(Files.readAllLines(out.resolve("assessments.jsonl"))).hasSize(1);
    }

    @Test
    void aRunThatFailsIntoAnEmptyFolderLeavesItEmpty() throws IOException {
        Path out = temp.resolve("fresh");
        Batch failing = new Batch(KnowledgeBase.embedded(), facts -> {
            throw new RuleBaseException("the rules fired 20000 times on fact set \"" + facts.id() + "\"");
        });

        assertThatThrownBy(() -> failing.run(new Batch.Options(List.of(MIXED), out, Set.of(Report.HTML), 1, Detail.FULL, null), Batch.Progress.NONE))
                .isInstanceOf(RuleBaseException.class);

        assertThat(names(out)).isEmpty();
    }

    @Test
    void aFolderInTheWayOfAReportStopsTheRunBeforeAnythingIsWritten() throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out.resolve("report.html"));

        assertThatThrownBy(() -> run(out, 1, MIXED))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("report.html is a folder");

        assertThat(names(out)).containsExactly("report.html");
    }

    /** Fixture of the defect: --out inside an input folder was taken, and the next run read the results as inputs. */
    @Test
    void anOutputFolderInsideAnInputFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path input = Files.createDirectories(temp.resolve("in"));
        Files.copy(MIXED.resolve("c-crisis.json"), input.resolve("c.json"));

        assertThatThrownBy(() -> run(input.resolve("results"), 1, input)).isInstanceOf(OutputException.class)
                .hasMessageStartingWith("--out " + input.resolve("results") + " lies in the input folder " + input);

        assertThat(names(input)).containsExactly("c.json");
    }

    /** Fixture of the defect: an empty input folder exited 0 and replaced the earlier results with empty files. */
    @Test
    void anEmptyInputIsRefusedAndLeavesTheEarlierResultsAlone() throws IOException {
        Path out = temp.resolve("out");
        run(out, 1, MIXED.resolve("c-crisis.json"));
        Map<String, byte[]> before = contents(out);
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a fact file");

        assertThatThrownBy(() -> run(out, 1, empty)).isInstanceOf(NoInputsException.class)
                .hasMessage("no fact files (.json, .jsonl) in " + empty + ": nothing to assess, so " + out
                        + " was left as it was; give the files or folders that hold the fact sets");

        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    /** Inputs that cannot be read, and nothing else: invalid, and the earlier results stay. */
    @Test
    void inputsThatAllCannotBeReadAreInvalidAndLeaveTheEarlierResultsAlone() throws Exception {
        Path out = temp.resolve("out");
        run(out, 1, MIXED.resolve("c-crisis.json"));
        Map<String, byte[]> before = contents(out);
        Path pipe = SpecialFiles.fifo(temp.resolve("stream.jsonl"));

        assertThatThrownBy(() -> run(out, 1, pipe)).isInstanceOf(InvalidFactSetException.class)
                .hasMessage(pipe + ": is a named pipe (FIFO), not a file: batch reads only regular files, whose end it can reach "
                        + "without waiting; save the data to a .json or .jsonl file and give that\n"
                        + out + ": no fact file could be read, so " + out + " was left as it was");

        assertThat(contents(out).keySet()).isEqualTo(before.keySet());
    }

    /**
     * Fixtures of the defects: a named pipe in the input blocked the run, and links that lead
     * nowhere were skipped without a word. Each is an invalid input, listed in errors.jsonl in
     * its place, and every readable fact set is still assessed.
     */
    @Test
    void aNamedPipeAndADanglingLinkAreInvalidInputsAndTheRestIsAssessed() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(MIXED.resolve("a-baseline.json"), in.resolve("a.json"));
        Files.createSymbolicLink(in.resolve("b-dangling.json"), in.resolve("gone.json"));
        SpecialFiles.fifo(in.resolve("c-pipe.jsonl"));
        Files.copy(MIXED.resolve("c-crisis.json"), in.resolve("d.json"));
        Path out = temp.resolve("out");

        Batch.Summary summary = run(out, 2, in);

        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.invalidInputs()).isEqualTo(2);
        assertThat(jsonLines(out.resolve("errors.jsonl"))).extracting(e -> e.path("file").asText() + ": " + e.path("message").asText())
                .containsExactly(in.resolve("b-dangling.json") + ": a link to " + in.resolve("gone.json")
                                + ", which does not exist: skipped; remove the link or restore its target",
                        in.resolve("c-pipe.jsonl") + ": is a named pipe (FIFO), not a file: batch reads only regular files, whose end "
                                + "it can reach without waiting; save the data to a .json or .jsonl file and give that");
    }

    /** Fixture of the defect: a subfolder without read permission stopped the batch with an internal error. */
    @Test
    void aSubfolderWithoutReadPermissionIsAnInvalidInputAndTheRestIsAssessed() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(MIXED.resolve("a-baseline.json"), in.resolve("a.json"));
        Path locked = Files.createDirectories(in.resolve("locked"));
        Files.copy(MIXED.resolve("c-crisis.json"), locked.resolve("c.json"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "this user reads any folder (root)");

            Batch.Summary summary = run(temp.resolve("out"), 1, in);

            assertThat(summary.assessed()).isEqualTo(1);
            assertThat(summary.invalidInputs()).isEqualTo(1);
            assertThat(summary.firstProblems().get(0).format()).startsWith(locked + ": this folder cannot be read (permission denied)");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Fixture of the defect: the records in flight were threads × 64 whatever the heap, so 256
     * threads held some 400 MB of results. With a small heap the window shrinks to what fits.
     */
    @Test
    void theRecordsInFlightAreBoundedByTheHeapNotByTheThreads() throws IOException {
        Path many = GeneratedFactSets.write(temp.resolve("many.jsonl"), 600, 5, 6);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Batch counting = new Batch(KnowledgeBase.embedded(), facts -> {
            started.incrementAndGet();
            return assessor.assess(facts);
        });
        Batch.Progress progress = new Batch.Progress() {
            @Override
            public void advanced(long done) {
                mostInFlight.accumulateAndGet((int) (started.get() - done), Math::max);
            }
        };
        // A fifth of 2 MB: a few dozen results in flight at most, not 8 × 64.
        Batch.Options small = new Batch.Options(List.of(many), temp.resolve("out"), Set.of(), 8, Detail.FULL, null, 2L << 20, System.in);

        counting.run(small, progress);

        List<String> lines = Files.readAllLines(temp.resolve("out/assessments.jsonl"));
        assertThat(lines).hasSize(600);
        // A result is taken to cost its line twice over; the running average is at least the shortest line's cost.
        long shortest = lines.stream().mapToInt(String::length).min().orElseThrow();
        long bound = Math.max(Batch.MIN_WINDOW, (2L << 20) / Batch.HEAP_SHARE / (2 * shortest));
        assertThat(bound).as("far below threads × 64").isLessThan(8 * 64 / 4);
        assertThat(mostInFlight.get()).isBetween(1, (int) bound);
    }

    /**
     * Fixture of the defect: invalid records counted in the estimate of what a result in flight
     * costs, at a kilobyte each, so a run of them let as many assessments as the threads allow
     * be in flight at once, each of tens of kilobytes. The first assessment after them is held
     * until the reading thread waits for it: the records that started meanwhile were let into
     * the window, which only assessments may widen, and none has been written yet.
     */
    @Test
    void invalidRecordsDoNotWidenTheWindowForTheAssessmentsAfterThem() throws Exception {
        Path input = temp.resolve("mixed.jsonl");
        java.util.Random random = new java.util.Random(3);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            lines.append("{\"id\":\"bad-").append(i).append("\",\"indicators\":{\"no.such.indicator\":\"high\"}}\n");
        }
        for (int i = 1; i <= 200; i++) {
            lines.append(GeneratedFactSets.line(random, i, 3)).append('\n');
        }
        Files.writeString(input, lines);
        // The others take no time, so that all the window lets in has started while the first is held.
        org.apsa.engine.Assessment any = assessor.assess(new org.apsa.fact.FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(MIXED.resolve("c-crisis.json")));
        Thread reading = Thread.currentThread();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger startedWhileHeld = new AtomicInteger();
        // The first in input order is held, whichever thread calls first: the window waits on it alone.
        Batch holdingTheFirst = new Batch(KnowledgeBase.embedded(), facts -> {
            started.incrementAndGet();
            if (facts.id().equals("gen-1")) {
                startedWhileHeld.set(whenWaiting(reading, started));
            }
            return any;
        });
        // A fifth of 2 MB holds six results at the first estimate (64 KB), which stays until an assessment is written.
        long heap = 2L << 20;
        int window = (int) (heap / Batch.HEAP_SHARE / Batch.FIRST_RESULT_ESTIMATE);

        Batch.Summary summary = holdingTheFirst.run(new Batch.Options(List.of(input), temp.resolve("out"), Set.of(), 2, Detail.FULL, null, heap, System.in),
                Batch.Progress.NONE);

        assertThat(summary.assessed()).isEqualTo(200);
        assertThat(summary.invalidInputs()).isEqualTo(300);
        assertThat(startedWhileHeld.get()).as("assessments started while the first was held, at most the window of %d", window)
                .isBetween(1, window);
    }

    /**
     * Waits until {@code reading} waits (for the result held) and {@code count} has stopped
     * moving, at most ten seconds; returns the count.
     */
    private static int whenWaiting(Thread reading, AtomicInteger count) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        int seen = -1;
        while (System.nanoTime() < until && (reading.getState() != Thread.State.WAITING || count.get() != seen)) {
            seen = count.get();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count.get();
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : names(folder)) {
            contents.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return contents;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }
}
