package org.apsa.bench;

import org.apsa.ShippedRules;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.render.Detail;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code batch --detail}: the rate end to end at each level with the shipped rules, as
 * {@link BatchBenchmark#batchEndToEnd} measures it at {@code full}, and the bytes a line takes.
 * Run with {@code mvn -Pbench test-compile exec:exec -Dbench=BatchDetail}; each level's size
 * per fact set is printed when its runs end, its rate against the targets at the end, and each
 * iteration's rate per CPU-second with the load average ({@link CpuMeter}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dapsa.log.dir=target/bench-logs"})
public class BatchDetailBenchmark {

    static final int RECORDS = BatchBenchmark.RECORDS;
    /** The targets: {@code scores} fact sets per second on two cores, {@code lean} bytes per fact set at most. */
    static final int SCORES_RATE = 15_000;
    static final int LEAN_BYTES = 3 * 1024;

    @Param({"full", "lean", "scores"})
    public String detail;

    private GeneratedInput generated;
    private Path folder;
    private Path input;
    private Assessor assessor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        generated = new GeneratedInput("apsa-bench", RECORDS);
        folder = generated.folder;
        input = generated.input;
        assessor = ShippedRules.assessor();
    }

    private final CpuMeter cpu = new CpuMeter("fact sets");

    @Setup(Level.Iteration)
    public void startMeter() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printMeter() {
        cpu.stop("detail=" + detail);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long bytes = Files.size(folder.resolve("out").resolve(Batch.ASSESSMENTS));
        System.out.printf(Locale.ROOT, "%ndetail=%s: assessments.jsonl %,d bytes for %,d fact sets, %,d bytes per fact set%s%n",
                detail, bytes, RECORDS, bytes / RECORDS, detail.equals("lean")
                        ? " (target " + LEAN_BYTES + ": " + (bytes / RECORDS <= LEAN_BYTES ? "met" : "not met") + ")" : "");
        generated.delete();
    }

    /** The batch as the command runs it at the level, with assessments.jsonl and errors.jsonl only. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long batchEndToEnd() {
        Batch.Summary summary = new Batch(assessor).run(new Batch.Options(List.of(input), folder.resolve("out"), Set.<Report>of(),
                Runtime.getRuntime().availableProcessors(), Detail.valueOf(detail.toUpperCase(Locale.ROOT)), null), Batch.Progress.NONE);
        cpu.count(RECORDS);
        return summary.assessed();
    }

    static void print(Collection<RunResult> results) {
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().startsWith(BatchDetailBenchmark.class.getName())) {
                continue;
            }
            String level = r.getParams().getParam("detail");
            double rate = r.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "detail=%s: batch end to end %.0f fact sets/s%s%n", level, rate, level.equals("scores")
                    ? " (target " + SCORES_RATE + ": " + (rate >= SCORES_RATE ? "met" : "not met") + ")" : "");
        }
    }
}
