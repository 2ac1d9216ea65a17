package org.apsa.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The batch job in local[1] against local[2] on the same fact sets (40,000 by default, in 40
 * JSON Lines files made from the shipped examples), after a warm-up run that compiles the rules:
 * fact sets a second on each, and the ratio. Not a test: the figures depend on the machine and
 * its load, which is printed with them (docs/spark.md).
 *
 * <p>{@code mvn -f spark/pom.xml -Pbench verify -DskipTests [-Dbench.records=N]}
 */
public final class SparkBenchmark {

    private static final int FILES = 40;

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        Path dir = Files.createTempDirectory("apsa-spark-bench-");
        Path in = write(dir.resolve("in"), records);
        Path warm = write(dir.resolve("warm"), Math.min(records, 2_000));
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        run("local[2]", warm, dir.resolve("out-warm"));
        double one = run("local[1]", in, dir.resolve("out-1"));
        double two = run("local[2]", in, dir.resolve("out-2"));
        double rateOne = records / one;
        double rateTwo = records / two;
        System.out.printf(Locale.ROOT, "SparkBenchmark: %,d fact sets in %d files, %d processors, load average %.2f%n",
                records, FILES, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  local[1]: %.1f s, %.0f fact sets/s%n", one, rateOne);
        System.out.printf(Locale.ROOT, "  local[2]: %.1f s, %.0f fact sets/s%n", two, rateTwo);
        System.out.printf(Locale.ROOT, "  ratio local[2]/local[1]: %.2fx (1.7x or more expected on two idle cores)%n", rateTwo / rateOne);
    }

    private static double run(String master, Path in, Path out) {
        System.setProperty("spark.master", master);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = ApsaSpark.run(new String[] {"batch", in.toString(), "--out", out.toString(), "--partitions", String.valueOf(FILES)},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("the job failed (" + status + "): " + err.toString(StandardCharsets.UTF_8));
        }
        return seconds;
    }

    private static Path write(Path folder, int records) throws IOException {
        Files.createDirectories(folder);
        List<String> examples = MixedInput.examples();
        for (int f = 0; f < FILES; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = f; i < records; i += FILES) {
                lines.append(MixedInput.withId(examples.get(i % examples.size()), "bench-" + i)).append('\n');
            }
            Files.writeString(folder.resolve(String.format(Locale.ROOT, "part-%02d.jsonl", f)), lines);
        }
        return folder;
    }
}
