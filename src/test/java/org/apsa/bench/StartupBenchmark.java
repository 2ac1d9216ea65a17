package org.apsa.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up, measured as a user feels it: one-shot {@code assess} of the baseline from
 * {@code java -jar} to exit, against the reference program (Drools used directly) on the
 * same rules and fact file, in the same run, alternating, after one warm-up run of each.
 * Prints each median of {@link #RUNS} runs and the ratio.
 *
 * <p>Run with {@code mvn -q -Pbench package exec:exec -DskipTests -Dbench.main=org.apsa.bench.StartupBenchmark}.
 */
public final class StartupBenchmark {

    static final int RUNS = 5;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> tool = List.of(java, "-jar", "target/apsa.jar", "assess", "facts/baseline-2014-12.json");
        List<String> reference = List.of(java, "-cp", classpath, ReferenceProgram.class.getName(), "rules",
                "facts/baseline-2014-12.json");
        time(tool);
        time(reference);
        List<Double> toolTimes = new ArrayList<>();
        List<Double> referenceTimes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            toolTimes.add(time(tool));
            referenceTimes.add(time(reference));
        }
        double t = median(toolTimes);
        double r = median(referenceTimes);
        System.out.printf(Locale.ROOT, "assess, start to exit (median of %d): %.2f s  runs %s%n", RUNS, t, toolTimes);
        System.out.printf(Locale.ROOT, "reference program        (median of %d): %.2f s  runs %s%n", RUNS, r, referenceTimes);
        System.out.printf(Locale.ROOT, "ratio tool / reference: %.2f%n", t / r);
    }

    private static double time(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File("target/startup-benchmark.err")).start();
        int exit = p.waitFor();
        double seconds = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + "; see target/startup-benchmark.err");
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
