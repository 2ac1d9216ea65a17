package org.apsa.cli;

import org.apsa.batch.GeneratedFactSets;
import org.apsa.engine.TestRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code batch} on the packaged jar: files, statuses, streams, identical bytes, and a run stopped half way. */
class BatchIT {

    private static final Path MIXED = Jar.PROJECT.resolve("src/test/resources/batch/mixed");
    private static String rules;

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @BeforeAll
    static void rules() {
        rules = TestRules.folderWithShippedScoring("basic").toString();
    }

    @Test
    void aMixedFolderWritesEveryFileExitsOneAndGivesTheSameBytesOnOneThreadAsOnFour() throws Exception {
        String nested = MIXED.resolve("nested").toString();

        Jar.Run four = Jar.run(cwd, logs, "batch", nested, MIXED.toString(), "--out", "four", "--format", "csv,md,html", "--threads", "4", "--rules", rules);
        Jar.Run one = Jar.run(cwd, logs, "batch", nested, MIXED.toString(), "--out", "one", "--format", "all", "--threads", "1", "--rules", rules);

        assertThat(four.exit()).as(four.err()).isEqualTo(1);
        assertThat(four.out()).contains("Assessed 6 fact sets from 6 files", "deep integration", "insufficient evidence",
                "Invalid inputs skipped: 3 (4 problems)",
                "Written to four: assessments.jsonl, errors.jsonl, summary.csv, report.md, report.html, run.json");
        assertThat(four.err()).contains(MIXED.resolve("d-typos.json") + ":4:5: unknown indicator",
                MIXED.resolve("views.jsonl") + ":3: duplicate id \"baseline-2014-12\"",
                "four/errors.jsonl: 3 invalid inputs skipped (4 problems), all listed here");
        assertThat(four.err()).doesNotContain("\tat ", "\u001b[");
        assertThat(four.err()).as("no progress bar without a terminal").doesNotContainPattern("fact sets, [0-9]+/s");
        List<String> names = names(cwd.resolve("four"));
        assertThat(names).containsExactly("assessments.jsonl", "errors.jsonl", "report.html", "report.md", "run.json", "summary.csv");
        assertThat(Files.readAllLines(cwd.resolve("four/assessments.jsonl")).get(0)).contains("\"id\":\"open-2016-01\"");
        for (String name : names) {
            // The time a run began, in run.json and under the reports' title, is all that may differ.
            assertThat(withoutTime(cwd.resolve("one").resolve(name))).as(name).isEqualTo(withoutTime(cwd.resolve("four").resolve(name)));
        }
        assertThat(Files.readAllBytes(cwd.resolve("one/assessments.jsonl"))).isEqualTo(Files.readAllBytes(cwd.resolve("four/assessments.jsonl")));
        assertThat(one.out().replaceAll("in [0-9.]+ s \\([0-9]+ per second\\)", "").replace("one", "four"))
                .isEqualTo(four.out().replaceAll("in [0-9.]+ s \\([0-9]+ per second\\)", ""));
    }

    /** A file's text with the time a run began, to the second, put as TIME. */
    private static String withoutTime(Path file) throws java.io.IOException {
        return Files.readString(file).replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "TIME");
    }

    @Test
    void usageErrorsExitTwoAndWriteNothing() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "batch", MIXED.toString(), "--out", "out", "--format", "csv,htm", "--rules", rules);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown format \"htm\" for batch (did you mean \"html\"?)");
        assertThat(cwd.resolve("out")).doesNotExist();
    }

    @Test
    void fileInputsInTheOutputFolderExitTwoAndWriteNothing() throws Exception {
        Path inputs = Files.createDirectories(cwd.resolve("f2"));
        Files.copy(MIXED.resolve("a-baseline.json"), inputs.resolve("a.json"));
        Files.copy(MIXED.resolve("c-crisis.json"), inputs.resolve("c.json"));

        Jar.Run run = Jar.run(cwd, logs, "batch", "f2/a.json", "f2/c.json", "--out", "f2", "--rules", rules);

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out f2 holds the input file f2/a.json: the results would be written among the inputs");
        assertThat(names(inputs)).containsExactly("a.json", "c.json");
    }

    /** Fixtures of the defects: an empty --out wrote into the current folder, one inside an input folder was taken. */
    @Test
    void anEmptyOutOrOneInsideAnInputFolderIsAUsageErrorThatWritesNothing() throws Exception {
        Path in = Files.createDirectories(cwd.resolve("inA"));
        Files.copy(MIXED.resolve("c-crisis.json"), in.resolve("c.json"));

        Jar.Run empty = Jar.run(cwd, logs, "batch", "inA", "--out", "", "--rules", rules);
        Jar.Run inside = Jar.run(cwd, logs, "batch", "inA", "--out", "inA/res", "--rules", rules);

        assertThat(empty.exit()).as(empty.err()).isEqualTo(2);
        assertThat(empty.err()).contains("--out is empty; give the folder for the results, e.g. --out results");
        assertThat(inside.exit()).as(inside.err()).isEqualTo(2);
        assertThat(inside.err()).contains("--out inA/res lies in the input folder inA: the next run of inA would read the results as inputs");
        assertThat(names(cwd)).containsExactly("inA");
        assertThat(names(in)).containsExactly("c.json");
    }

    /**
     * Fixtures of the defects: an empty input folder exited 0 and emptied the earlier results;
     * a named pipe as input blocked for ever.
     */
    @Test
    void anEmptyInputExitsTwoAndAPipeExitsOneWithoutWaitingAndNeitherTouchesEarlierResults() throws Exception {
        Jar.Run first = Jar.run(cwd, logs, "batch", MIXED.resolve("c-crisis.json").toString(), "--out", "res", "--rules", rules);
        assertThat(first.exit()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(cwd.resolve("res/assessments.jsonl"));
        Files.createDirectories(cwd.resolve("empty"));
        Path pipe = org.apsa.batch.SpecialFiles.fifo(cwd.resolve("stream.jsonl"));

        Jar.Run empty = Jar.run(cwd, logs, "batch", "empty", "--out", "res", "--rules", rules);
        Jar.Run piped = Jar.run(cwd, logs, "batch", pipe.toString(), "--out", "res", "--rules", rules);

        assertThat(empty.exit()).as(empty.err()).isEqualTo(2);
        assertThat(empty.err()).contains("no fact files (.json, .jsonl) in empty: nothing to assess, so res was left as it was");
        assertThat(piped.exit()).as(piped.err()).isEqualTo(1);
        assertThat(piped.err()).contains(pipe + ": is a named pipe (FIFO), not a file");
        assertThat(Files.readAllBytes(cwd.resolve("res/assessments.jsonl"))).isEqualTo(before);
    }

    @Test
    void aRunWithFewerReportsRemovesTheEarlierRunsOthersAndSaysSo() throws Exception {
        Jar.Run first = Jar.run(cwd, logs, "batch", MIXED.resolve("nested").toString(), "--out", "b1", "--format", "all", "--rules", rules);
        Jar.Run second = Jar.run(cwd, logs, "batch", MIXED.resolve("c-crisis.json").toString(), "--out", "b1", "--rules", rules);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("Removed");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).endsWith("Written to b1: assessments.jsonl, errors.jsonl, run.json\n"
                + "Removed from an earlier run: summary.csv, report.md, report.html\n");
        assertThat(names(cwd.resolve("b1"))).containsExactly("assessments.jsonl", "errors.jsonl", "run.json");
    }

    @Test
    void aRunStoppedHalfWayLeavesNoPartialFile() throws Exception {
        Path many = GeneratedFactSets.write(cwd.resolve("many.jsonl"), 200_000, 3, 12);
        Path out = cwd.resolve("out");
        Path stdout = cwd.resolve("stdout.txt");
        Path stderr = cwd.resolve("stderr.txt");

        Process process = Jar.start(cwd, logs, stdout, stderr, "batch", many.toString(), "--out", out.toString(),
                "--format", "all", "--rules", rules);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!writing(out) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("still running once it writes: " + Files.readString(stderr)).isTrue();
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(names(out)).as("temporary files removed, nothing renamed into place").isEmpty();
    }

    /** Whether the run has written records into its temporary assessments file. */
    private static boolean writing(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".assessments.jsonl.") && sizeOf(p) > 0);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
