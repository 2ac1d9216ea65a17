package org.apsa.bench;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.ContainmentBypass;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.RuleBaseLoader;
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
        facts = new FactSetReader().readOne(Path.of("facts", factSet + ".json"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reusing.close();
    }

    @Benchmark
    public Assessment assess() {
        return assessor.assess(facts);
    }

    @Benchmark
    public Assessment assessReusing() {
        return reusing.assess(facts);
    }

    /** Prints, for each method and fact set that ran both ways, the two means and what the guards cost. */
    static void printRatio(Collection<RunResult> results) {
        boolean any = false;
        for (String method : new String[] {"assess", "assessReusing"}) {
            for (String fact : new String[] {"baseline-2014-12", "analyst-a-2015-06"}) {
                Optional<Result<?>> shipped = score(results, method, fact, "shipped");
                Optional<Result<?>> bypassed = score(results, method, fact, "bypassed");
                if (shipped.isEmpty() || bypassed.isEmpty()) {
                    continue;
                }
                double s = shipped.get().getScore();
                double b = bypassed.get().getScore();
                double ratio = s / b;
                double error = ratio * Math.hypot(relative(shipped.get()), relative(bypassed.get()));
                System.out.printf(Locale.ROOT, "containment, %s of %s: shipped %.1f ± %.1f µs, bypassed %.1f ± %.1f µs, "
                                + "ratio %.3f ± %.3f: the guards cost %+.1f%% (target at most %.0f%%: %s)%n",
                        method, fact, s, shipped.get().getScoreError(), b, bypassed.get().getScoreError(), ratio, error,
                        (ratio - 1) * 100, TARGET * 100, ratio - 1 <= TARGET ? "met" : "not met");
                any = true;
            }
        }
        if (any) {
            System.out.printf(Locale.ROOT, "load average (1 min) at the end: %.2f on %d processors%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double relative(Result<?> r) {
        double error = r.getScoreError();
        return Double.isNaN(error) ? 0 : error / r.getScore();
    }

    private static Optional<Result<?>> score(Collection<RunResult> results, String method, String fact, String containment) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method)
                        && fact.equals(r.getParams().getParam("factSet"))
                        && containment.equals(r.getParams().getParam("containment")))
                .<Result<?>>map(RunResult::getPrimaryResult)
                .findFirst();
    }
}
