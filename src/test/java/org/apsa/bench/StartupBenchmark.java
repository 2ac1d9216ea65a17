package org.apsa.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up, measured as a user feels it: one-shot {@code assess} of the baseline, start to
 * exit, three ways in the same run, alternating, {@code N} times each:
 * <ul>
 *   <li>{@code bin/apsa} of the distribution ({@code target/apsa-VERSION.tar.gz}, unpacked
 *       into a fresh folder), with its class-data sharing archive made and the compiled rules
 *       in the cache;</li>
 *   <li>{@code java -jar target/apsa.jar}, the same cache;</li>
 *   <li>the reference: {@link ReferenceProgram}, Drools used directly on the same rules,
 *       precompiled before the runs to an executable-model kjar by {@link ReferenceKjar}.</li>
 * </ul>
 * Prints for each the median wall time and the median processor time (user + system, which
 * other work on the machine disturbs less), the ratios to the reference, and the load average
 * before and after: a figure taken under load is not the quiet-machine figure. The tool's
 * first run (rules compiled, cache filled) is printed too. It only runs commands, so it
 * measures whatever the launcher and the command-line plumbing are.
 *
 * <p>Run with {@code mvn -q -B -Pbench package exec:exec -DskipTests -Dbench.main=org.apsa.bench.StartupBenchmark [-Dbench=N]}
 * (N runs of each, 7 by default). Linux: processor times are read from {@code /proc}.
 */
public final class StartupBenchmark {

    static final int RUNS = 7;
    private static final Path FACTS = Path.of("facts/baseline-2014-12.json");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : RUNS;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("apsa-startup-");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", work.resolve("home").toString());
        env.put("APSA_CACHE_DIR", work.resolve("cache").toString());
        env.put("APSA_LOG_DIR", work.resolve("logs").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));

        // The reference's kjar, compiled now from rules/ as a Drools user's build would.
        String referencePath = String.join(File.pathSeparator, "target/test-classes", "target/classes", "target/lib/*");
        Path kjar = Path.of("target/bench/reference-rules.jar");
        run(List.of(java, "-cp", referencePath, ReferenceKjar.class.getName(), "rules", kjar.toString()), env);

        Path apsa = unpack(work.resolve("dist"));
        List<String> launcher = List.of(apsa.toString(), "assess", FACTS.toAbsolutePath().toString());
        List<String> jar = List.of(java, "-jar", "target/apsa.jar", "assess", FACTS.toString());
        List<String> reference = List.of(java, "-cp", referencePath, ReferenceProgram.class.getName(), kjar.toString(), FACTS.toString());

        // The first run compiles the rules and fills the cache; the launcher makes its archive meanwhile.
        Sample first = run(launcher, env);
        awaitArchive(work.resolve("home/.apsa/cache/cds"));
        run(launcher, env);
        run(jar, env);
        run(reference, env);

        String loadBefore = loadAverage();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        samples.put("bin/apsa assess (archive made, rules cached)", new ArrayList<>());
        samples.put("java -jar target/apsa.jar assess", new ArrayList<>());
        samples.put("reference: Drools on the precompiled kjar", new ArrayList<>());
        List<List<String>> commands = List.of(launcher, jar, reference);
        for (int i = 0; i < runs; i++) {
            int k = 0;
            for (List<Sample> list : samples.values()) {
                list.add(run(commands.get(k++), env));
            }
        }
        String loadAfter = loadAverage();

        System.out.printf(Locale.ROOT, "start-up, baseline, start to exit: median of %d runs each, alternating%n", runs);
        System.out.printf(Locale.ROOT, "load average (1, 5, 15 min): before %s, after %s; %d processors%n",
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-46s %8s %12s   %s%n", "", "wall", "user+sys", "wall times");
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        samples.forEach((what, list) -> {
            wall.put(what, median(list.stream().map(Sample::wall).toList()));
            cpu.put(what, median(list.stream().map(Sample::cpu).toList()));
            System.out.printf(Locale.ROOT, "%-46s %6.2f s %10.2f s   %s%n", what, wall.get(what), cpu.get(what),
                    list.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.wall())).toList());
        });
        List<Double> w = new ArrayList<>(wall.values());
        List<Double> c = new ArrayList<>(cpu.values());
        System.out.printf(Locale.ROOT, "ratio bin/apsa / reference:  %.2f wall, %.2f user+sys (goal: at most 1.3)%n",
                w.get(0) / w.get(2), c.get(0) / c.get(2));
        System.out.printf(Locale.ROOT, "ratio java -jar / reference: %.2f wall, %.2f user+sys%n", w.get(1) / w.get(2), c.get(1) / c.get(2));
        System.out.printf(Locale.ROOT, "bin/apsa assess, first run (rules compiled, cache filled, archive begun): %.2f s wall%n", first.wall());
        delete(work);
    }

    /** The run's folder (the unpacked distribution, its archive, the caches), once measured. */
    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    /** target/apsa-VERSION.tar.gz unpacked into {@code into}; its bin/apsa. */
    private static Path unpack(Path into) throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("apsa-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/apsa-VERSION.tar.gz; run with 'package'"));
        }
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar could not unpack " + archive);
        }
        try (Stream<Path> top = Files.list(into)) {
            return top.findFirst().orElseThrow().resolve("bin/apsa");
        }
    }

    /** Waits until the launcher's class-data sharing archive is made (in the background of its first run). */
    private static void awaitArchive(Path folder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"))) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("bin/apsa made no class-data sharing archive in " + folder + " within 10 minutes");
    }

    /** One run's wall time and the processor time (user + system) of the process, in seconds. */
    private record Sample(double wall, double cpu) {
    }

    private static Sample run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File("target/startup-benchmark.err"));
        builder.environment().keySet().removeAll(List.of("APSA_RULES", "APSA_CDS", "APSA_CDS_DIR", "JAVA_OPTS", "JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        double cpuBefore = childrenCpu();
        long start = System.nanoTime();
        Process p = builder.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        // The exit status is collected by then, and with it the child's processor time.
        double cpu = childrenCpu() - cpuBefore;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + "; see target/startup-benchmark.err");
        }
        return new Sample(wall, cpu);
    }

    /**
     * The processor time of this process's ended and collected children, user + system, in
     * seconds ({@code cutime} and {@code cstime} of /proc/self/stat, in clock ticks of 1/100 s);
     * NaN where there is no /proc.
     */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 16 and 17 of stat(5); counted here from field 3, the one after the name.
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
