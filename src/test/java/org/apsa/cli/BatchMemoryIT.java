package org.apsa.cli;

import org.apsa.batch.GeneratedFactSets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both documented limits at once, on the packaged jar: {@code --threads 256} in a heap of
 * {@code -Xmx256m}. With 64 records in flight per thread whatever the heap, such a run held
 * some 400 MB of results and hung or died out of memory; the records in flight are now
 * bounded by the heap. The output is the same bytes as one thread's.
 */
class BatchMemoryIT {

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    /**
     * Fixture of the defect: 4,000 fact sets with titles of 30,000 characters (each assessment
     * line some 55 KB, so the defect shows with few fact sets) filled the heap of a run at
     * -Xmx256m --threads 256.
     */
    @Test
    void twoHundredFiftySixThreadsInAHeapOf256MegabytesFinishWithTheBytesOfOneThread() throws Exception {
        Random random = new Random(23);
        String title = "A title long enough to make each assessment line heavy ".repeat(600).substring(0, 30_000).strip();
        Path input = cwd.resolve("heavy.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 4_000; i++) {
                String line = GeneratedFactSets.line(random, i, 12);
                out.write(line.replaceFirst("^\\{\"id\":\"gen-" + i + "\"", "{\"id\":\"gen-" + i + "\",\"title\":\"" + title + "\""));
                out.write('\n');
            }
        }
        assertThat(Files.size(input)).as("the titles are in").isGreaterThan(4_000L * 30_000);

        assertSameBytesAtTheLimits(input, 4_000, "-Xmx256m", 600);
    }

    /**
     * The soak: 200,000 generated fact sets at -Xmx256m, --threads 256 against --threads 1
     * (docs/reliability.md). On request:
     * {@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BatchMemoryIT -Dgroups=soak -DexcludedGroups=none}.
     */
    @Test
    @Tag("soak")
    void soakTwoHundredThousandFactSets() throws Exception {
        int factSets = Integer.getInteger("apsa.soak.factSets", 200_000);
        Path input = GeneratedFactSets.write(cwd.resolve("many.jsonl"), factSets, 23, 12);
        assertSameBytesAtTheLimits(input, factSets, "-Xmx256m", 7200);
    }

    private void assertSameBytesAtTheLimits(Path input, int factSets, String heap, long seconds) throws Exception {
        long started = System.nanoTime();
        Jar.Run wide = Jar.run(cwd, logs, List.of(heap), Map.of(), seconds, "batch", input.toString(), "--out", "wide",
                "--threads", "256", "--format", "jsonl,csv", "--rules", Jar.PROJECT.resolve("rules").toString());
        long wideMillis = (System.nanoTime() - started) / 1_000_000;
        Jar.Run one = Jar.run(cwd, logs, List.of(heap), Map.of(), seconds, "batch", input.toString(), "--out", "one",
                "--threads", "1", "--format", "jsonl,csv", "--rules", Jar.PROJECT.resolve("rules").toString());

        assertThat(wide.exit()).as(wide.err()).isZero();
        assertThat(wide.err()).isEmpty();
        assertThat(wide.out()).contains("Assessed " + factSets + " fact sets from 1 file");
        assertThat(one.exit()).as(one.err()).isZero();
        for (String name : List.of("assessments.jsonl", "errors.jsonl", "summary.csv")) {
            assertThat(Files.mismatch(cwd.resolve("wide").resolve(name), cwd.resolve("one").resolve(name))).as(name).isEqualTo(-1L);
        }
        System.out.printf("batch of %d fact sets at %s: --threads 256 in %d ms, same bytes as --threads 1%n", factSets, heap, wideMillis);
    }
}
