package org.apsa.bench;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.ContainmentBypass;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.RuleBaseLoader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the engine's guards against misbehaving rules cost ({@code org.apsa.engine.Containment}:
 * the watchdog's registration and the time taken at each firing of the rules, the halt check,
 * the limit on one rule's firings; the exit guard is a shutdown hook and costs nothing while
 * the rules fire): the same assessment with the guards as shipped and with them bypassed, in
 * a fork of its own each. Run with
 * {@code mvn -Pbench test-compile exec:exec -Dbench=Containment}, which prints both figures
 * and their ratio ({@link Bench}); the target is a cost of at most 5%.
 *
 * <p>{@code assess} is one assessment as {@code assess} makes it (a new session, the gains of
 * the unmet prescriptions by re-assessment, proof trees); {@code assessReusing} as a batch
 * makes it (a reset session reused, the gains firing only the rules that change the scores),
 * where the firings are cheaper and a fixed cost per firing weighs more. The baseline has the
 * most indicators of the shipped fact sets (28) and 14 unmet prescriptions; analyst-a's
 * assessment takes longest of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g", "-Dapsa.log.dir=target/bench-logs"})
public class ContainmentBenchmark {

    /** The most the guards may cost, as a share of an assessment. */
    static final double TARGET = 0.05;

    @Param({"baseline-2014-12", "analyst-a-2015-06"})
    public String factSet;

    @Param({"shipped", "bypassed"})
    public String containment;

    private Assessor assessor;
    private Assessor.Reusing reusing;
    private FactSet facts;

    @Setup(Level.Trial)
    public void setUp() {
        ContainmentBypass.set(containment.equals("bypassed"));
        assessor = new Assessor(RuleBaseLoader.load(Path.of("rules")));
        reusing = assessor.reusingSessions();
        facts = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts", factSet + ".json"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reusing.close();
    }

    @Benchmark
    public Assessment assess(Cpu cpu) {
        long start = cpu.now();
        Assessment a = assessor.assess(facts);
        cpu.add(start);
        return a;
    }

    @Benchmark
    public Assessment assessReusing(Cpu cpu) {
        long start = cpu.now();
        Assessment a = reusing.assess(facts);
        cpu.add(start);
        return a;
    }

    /**
     * The processor time of the thread that assesses, besides JMH's wall time: on a machine
     * shared with other work the wall time counts the time the thread waited for a core.
     * Reading the clock costs about a microsecond, alike with the guards and without.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanos;
        public long assessments;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            assessments = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void add(long start) {
            cpuNanos += now() - start;
            assessments++;
        }
    }

    /**
     * Prints, for each method and fact set that ran both ways, the two means and what the
     * guards cost, in wall time (JMH's score, ± its 99.9% interval) and in processor time of
     * the assessing thread. The target is judged met or not only when the interval allows.
     */
    static void printRatio(Collection<RunResult> results) {
        boolean any = false;
        for (String method : new String[] {"assess", "assessReusing"}) {
            for (String fact : new String[] {"baseline-2014-12", "analyst-a-2015-06"}) {
                Optional<RunResult> shipped = run(results, method, fact, "shipped");
                Optional<RunResult> bypassed = run(results, method, fact, "bypassed");
                if (shipped.isEmpty() || bypassed.isEmpty()) {
                    continue;
                }
                Result<?> s = shipped.get().getPrimaryResult();
                Result<?> b = bypassed.get().getPrimaryResult();
                double ratio = s.getScore() / b.getScore();
                double error = ratio * Math.hypot(relative(s), relative(b));
                double cpu = cpuPerAssessment(shipped.get()) / cpuPerAssessment(bypassed.get());
                System.out.printf(Locale.ROOT, "containment, %s of %s: shipped %.1f ± %.1f µs, bypassed %.1f ± %.1f µs; "
                                + "ratio %.3f ± %.3f, the guards cost %+.1f%% (target at most %.0f%%: %s); "
                                + "processor time %.1f against %.1f µs, ratio %.3f%n",
                        method, fact, s.getScore(), s.getScoreError(), b.getScore(), b.getScoreError(), ratio, error,
                        (ratio - 1) * 100, TARGET * 100, verdict(ratio, error),
                        cpuPerAssessment(shipped.get()) / 1e3, cpuPerAssessment(bypassed.get()) / 1e3, cpu);
                any = true;
            }
        }
        if (any) {
            System.out.printf(Locale.ROOT, "load average (1 min) at the end: %.2f on %d processors%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static String verdict(double ratio, double error) {
        if (ratio + error - 1 <= TARGET) {
            return "met";
        }
        if (ratio - error - 1 > TARGET) {
            return "not met";
        }
        return "not settled, the interval is wider than the target";
    }

    /** Nanoseconds of processor time per assessment, from the {@link Cpu} counters; NaN when missing. */
    private static double cpuPerAssessment(RunResult r) {
        Result<?> nanos = r.getSecondaryResults().get("cpuNanos");
        Result<?> count = r.getSecondaryResults().get("assessments");
        return nanos == null || count == null ? Double.NaN : nanos.getScore() / count.getScore();
    }

    private static double relative(Result<?> r) {
        double error = r.getScoreError();
        return Double.isNaN(error) ? 0 : error / r.getScore();
    }

    private static Optional<RunResult> run(Collection<RunResult> results, String method, String fact, String containment) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method)
                        && fact.equals(r.getParams().getParam("factSet"))
                        && containment.equals(r.getParams().getParam("containment")))
                .findFirst();
    }
}
