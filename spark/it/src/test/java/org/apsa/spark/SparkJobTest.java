package org.apsa.spark;

import org.apsa.fact.KnowledgeBase;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.Vary;
import org.apsa.fact.FactSetReader;
import org.apsa.render.Detail;
import org.apsa.render.ExplorationJson;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job in local[2], on Spark's own jars and the job jar alone, against the single-machine
 * batch and explore on the same input: the same bytes, the same numbers.
 */
class SparkJobTest {

    @TempDir
    static Path dir;

    private static final Path RULES = MixedInput.FACTS.resolveSibling("rules");

    @BeforeAll
    static void localSpark() {
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    private static Assessor singleMachine() {
        return new Assessor(RuleBaseLoader.load(EmbeddedRules.folder()));
    }

    /** Runs the job, which must end with {@code status}: 1 for a batch with invalid inputs, as on one machine. */
    /** Runs the job, checks its exit status and returns what it wrote to standard error. */
    private static String job(int status, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int ended = ApsaSpark.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(status, ended, () -> err.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchOnTwoCoresWritesTheBytesOfTheSingleMachineBatch() throws Exception {
        Path in = MixedInput.write(dir.resolve("in"));
        Path one = dir.resolve("one");
        Batch.Summary summary = new Batch(singleMachine()).run(new Batch.Options(List.of(in), one, Set.of(Report.CSV), 2, Detail.FULL, null),
                Batch.Progress.NONE);
        assertTrue(summary.assessed() > 20 && summary.invalidInputs() >= 4, "the input mixes good and bad records: " + summary);

        Path spark = dir.resolve("spark");
        job(1, "batch", in.toString(), "--out", spark.toString(), "--partitions", "3");

        for (String name : List.of("assessments.jsonl", "errors.jsonl", "summary.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(name)), MixedInput.joined(spark.resolve(name)), name);
        }
        String errors = Files.readString(one.resolve("errors.jsonl"));
        assertTrue(errors.contains("duplicate id \\\"a-2\\\"") && errors.contains("enormous"), errors);
    }

    @Test
    void aHadoopPathIsListedAndReadThroughItsFileSystem() throws Exception {
        Path in = MixedInput.write(dir.resolve("in-hadoop"));
        Path one = dir.resolve("one-hadoop");
        new Batch(singleMachine()).run(new Batch.Options(List.of(in), one, Set.of(Report.CSV), 1, Detail.FULL, null), Batch.Progress.NONE);

        Path spark = dir.resolve("spark-hadoop");
        job(1, "batch", in.toUri().toString(), "--out", spark.toUri().toString(), "--partitions", "2");

        // Messages name the files by their URIs; the assessments and the summary are the same bytes.
        for (String name : List.of("assessments.jsonl", "summary.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(name)), MixedInput.joined(spark.resolve(name)), name);
        }
        String errors = new String(MixedInput.joined(spark.resolve("errors.jsonl")), StandardCharsets.UTF_8);
        assertEquals(Files.readString(one.resolve("errors.jsonl")).lines().count(), errors.lines().count());
        assertTrue(errors.contains("\"file\":\"file:" + in.resolve("a.jsonl")), errors);
    }

    @Test
    void mistakesOnTheCommandLineAreUsageErrors() throws Exception {
        job(2, "frobnicate");
        job(2, "batch", "--out", dir.resolve("no-inputs").toString());
        job(2, "explore", MixedInput.FACTS.resolve("baseline-2014-12.json").toString());
        String misspelt = job(2, "explore", MixedInput.FACTS.resolve("baseline-2014-12.json").toString(),
                "--out", dir.resolve("misspelt").toString(), "--vary", "region.alignment,mechanism.disputeManagment");
        assertTrue(misspelt.contains("--vary: unknown indicator \"mechanism.disputeManagment\" (did you mean "
                + "\"mechanism.disputeManagement\"?)"), misspelt);
        job(2, "batch", MixedInput.FACTS.toString(), "--out", MixedInput.FACTS.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        job(2, "batch", empty.toString(), "--out", dir.resolve("out-of-empty").toString());
    }

    @Test
    void rulesGivenWithRulesTravelToTheTasksAndAreCompiledOncePerJvm() throws Exception {
        // A copy of the shipped rules with a note beside them: other files than the embedded ones, so compiled anew.
        Path rules = dir.resolve("my-rules");
        try (var files = Files.walk(RULES)) {
            for (Path f : files.toList()) {
                Path target = rules.resolve(RULES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(rules.resolve("NOTES.txt"), "our copy\n");
        Path in = MixedInput.write(dir.resolve("in-rules"));
        Path one = dir.resolve("one-rules");
        new Batch(singleMachine()).run(new Batch.Options(List.of(in), one, Set.of(Report.CSV), 1, Detail.FULL, null), Batch.Progress.NONE);
        int before = ShippedRules.compilations();

        Path first = dir.resolve("first");
        job(1, "batch", in.toString(), "--out", first.toString(), "--partitions", "4", "--rules", rules.toString());
        job(1, "batch", in.toString(), "--out", dir.resolve("second").toString(), "--partitions", "2", "--rules", rules.toString());

        assertEquals(1, ShippedRules.compilations() - before, "six tasks in one executor JVM share one compiled rule base");
        // The summary, which names no rules folder: the same rules give the same results.
        assertArrayEquals(Files.readAllBytes(one.resolve("summary.csv")), MixedInput.joined(first.resolve("summary.csv")));
    }

    @Test
    void exploreGivesTheSingleMachineNumbersWhateverThePartitions() throws Exception {
        Path file = MixedInput.FACTS.resolve("baseline-2014-12.json");
        int samples = 2_600;
        Exploration alone = new Explorer(singleMachine()).explore(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file),
                new Explorer.Options(samples, 7, Vary.ALL, 2));
        String expected = ExplorationJson.render(alone);
        for (int partitions : new int[] {1, 3}) {
            Path out = dir.resolve("explore-" + partitions);
            job(0, "explore", file.toString(), "--samples", String.valueOf(samples), "--seed", "7", "--out", out.toString(),
                    "--partitions", String.valueOf(partitions));
            assertEquals(expected, Files.readString(out.resolve("exploration.json")), partitions + " partitions");
        }
    }
}
