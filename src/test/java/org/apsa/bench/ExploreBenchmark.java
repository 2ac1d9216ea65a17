package org.apsa.bench;

import org.apsa.ShippedRules;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.Vary;
import org.apsa.fact.FactSet;
import org.apsa.render.Detail;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Exploration throughput on every core, in samples per second: {@code explore} of the 2014
 * baseline with {@code --vary all}, end to end (sampling, the lean path, total effects, PRIM and
 * the replayed firings), against the batch's rate in records per second on the same cores
 * (read a {@code .jsonl} file, assess each record in full, write {@code assessments.jsonl}).
 * Run with {@code mvn -Pbench test-compile exec:exec -Dbench=Explore}, which prints both and
 * their ratio ({@link Bench}). Target: 20,000 samples/s on two cores. Each iteration also prints
 * its rate per CPU-second and the load average ({@link CpuMeter}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dapsa.log.dir=target/bench-logs"})
public class ExploreBenchmark {

    static final int SAMPLES = 20_000;
    static final int RECORDS = 5_000;
    static final int TARGET_RATE = 20_000;

    private Assessor assessor;
    private FactSet baseline;
    private GeneratedInput generated;
    private Path folder;
    private Path input;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        assessor = ShippedRules.assessor();
        baseline = ShippedFacts.read("baseline-2014-12");
        generated = new GeneratedInput("apsa-explore-bench", RECORDS);
        folder = generated.folder;
        input = generated.input;
    }

    private final CpuMeter exploreCpu = new CpuMeter("samples");
    private final CpuMeter batchCpu = new CpuMeter("records");

    @Setup(Level.Iteration)
    public void startMeters() {
        exploreCpu.start();
        batchCpu.start();
    }

    @TearDown(Level.Iteration)
    public void printMeters() {
        exploreCpu.stop("explore");
        batchCpu.stop("batch");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        generated.delete();
    }

    /** {@code explore facts/baseline-2014-12.json --samples 20000 --vary all} on every core. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public Exploration exploreBaselineVaryAll() {
        Exploration e = new Explorer(assessor).explore(baseline,
                new Explorer.Options(SAMPLES, 1, Vary.ALL, Runtime.getRuntime().availableProcessors()));
        exploreCpu.count(SAMPLES);
        return e;
    }

    /** The batch as the command runs it, for the per-record rate beside the exploration's. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long batchRecords() {
        long assessed = new Batch(assessor).run(new Batch.Options(List.of(input), folder.resolve("out"), Set.<Report>of(),
                Runtime.getRuntime().availableProcessors(), Detail.FULL, null), Batch.Progress.NONE).assessed();
        batchCpu.count(RECORDS);
        return assessed;
    }

    static void printRatio(Collection<RunResult> results) {
        double explore = score(results, "exploreBaselineVaryAll");
        if (explore <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "explore, baseline, --vary all: %.0f samples/s on %d cores (target %d: %s)%n", explore,
                Runtime.getRuntime().availableProcessors(), TARGET_RATE, explore >= TARGET_RATE ? "met" : "not met");
        double batch = score(results, "batchRecords");
        if (batch > 0) {
            System.out.printf(Locale.ROOT, "  against the batch: %.0f records/s; a sample costs 1/%.1f of a batch record%n", batch,
                    explore / batch);
        }
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("ExploreBenchmark." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(0);
    }
}
