package org.apsa.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up, measured as a user feels it: one-shot {@code assess} of the baseline from
 * {@code java -jar} to exit, against the reference program (Drools used directly) on the
 * same rules and fact file, in the same run, alternating, after one warm-up run of each (the
 * tool's fills its compiled-rule cache, in a fresh folder). Prints each median of
 * {@link #RUNS} runs and the ratio; then, for information, the first run (a compile) and runs
 * with a class-data sharing archive of the tool's classes, which a launcher could pass.
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
        Path cache = Files.createTempDirectory("apsa-startup-cache");
        Map<String, String> env = Map.of("APSA_CACHE_DIR", cache.toString());
        List<String> tool = List.of(java, "-jar", "target/apsa.jar", "assess", "facts/baseline-2014-12.json");
        List<String> reference = List.of(java, "-cp", classpath, ReferenceProgram.class.getName(), "rules",
                "facts/baseline-2014-12.json");
        // The first run compiles the rules and fills the cache; the runs measured then find them there.
        double first = time(tool, env);
        time(reference, env);
        List<Double> toolTimes = new ArrayList<>();
        List<Double> referenceTimes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            toolTimes.add(time(tool, env));
            referenceTimes.add(time(reference, env));
        }
        Path archive = cache.resolve("apsa.jsa");
        List<String> withCds = new ArrayList<>(tool);
        withCds.add(1, "-XX:SharedArchiveFile=" + archive);
        List<String> dump = new ArrayList<>(tool);
        dump.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        time(dump, env);
        List<Double> cdsTimes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            cdsTimes.add(time(withCds, env));
        }
        double t = median(toolTimes);
        double r = median(referenceTimes);
        System.out.printf(Locale.ROOT, "assess, start to exit (median of %d): %.2f s  runs %s%n", RUNS, t, toolTimes);
        System.out.printf(Locale.ROOT, "reference program        (median of %d): %.2f s  runs %s%n", RUNS, r, referenceTimes);
        System.out.printf(Locale.ROOT, "ratio tool / reference: %.2f%n", t / r);
        System.out.printf(Locale.ROOT, "assess, first run after a rule change (compiles and fills the cache): %.2f s%n", first);
        System.out.printf(Locale.ROOT, "assess with a class-data sharing archive (median of %d): %.2f s  runs %s%n",
                RUNS, median(cdsTimes), cdsTimes);
    }

    private static double time(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File("target/startup-benchmark.err"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
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
