package org.apsa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.ShippedRules;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.engine.TestRules;
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

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Batch throughput end to end (read a {@code .jsonl} file, assess on every core, write
 * {@code assessments.jsonl}) against the floor of only reading and writing records with
 * Jackson, in fact sets per second. Run with
 * {@code mvn -Pbench test-compile exec:exec -Dbench=Batch}, which prints the figures and the
 * ratios ({@link Bench}). The Jackson floors run on one thread, the batch on every core.
 *
 * <p>Two floors, because "the same records" reads two ways: Jackson reading each fact set and
 * writing it back ({@code jacksonReadWrite}), and Jackson reading each fact set and writing an
 * assessment record as the batch does ({@code jacksonReadFactSetWriteAssessment}: the
 * assessments of the first {@value #SAMPLE} fact sets, made once and written in turn, since
 * 20,000 of them as trees would not fit the heap). An assessment record is some 20 times the
 * size of a fact set, so the second floor is the slower one.
 *
 * <p>{@code rules}: {@code shipped} is {@code rules/}; {@code engine-basic} is the shipped
 * scoring plus the engine's test rules, which have prescriptions and so gain computations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dapsa.log.dir=target/bench-logs"})
public class BatchBenchmark {

    static final int RECORDS = 20_000;
    /** How many assessment records the second floor holds as trees and writes in turn. */
    static final int SAMPLE = 200;
    /** The targets: fact sets per second end to end on two cores, and at most this many times Jackson's cost. */
    static final int TARGET_RATE = 10_000;
    static final double TARGET_RATIO = 3.0;

    @Param({"shipped", "engine-basic"})
    public String rules;

    private GeneratedInput generated;
    private Path folder;
    private Path input;
    private Assessor assessor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<JsonNode> assessments = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        generated = new GeneratedInput("apsa-bench", RECORDS);
        folder = generated.folder;
        input = generated.input;
        assessor = rules.equals("shipped") ? ShippedRules.assessor() : new Assessor(TestRules.withShippedScoring("basic"));
        Path sample = folder.resolve("sample.jsonl");
        try (Stream<String> lines = Files.lines(input)) {
            Files.write(sample, lines.limit(SAMPLE).toList());
        }
        Path sampleOut = folder.resolve("sample-out");
        new Batch(assessor).run(new Batch.Options(List.of(sample), sampleOut, Set.<Report>of(), 1, Detail.FULL, null), Batch.Progress.NONE);
        try (Stream<String> lines = Files.lines(sampleOut.resolve("assessments.jsonl"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                assessments.add(mapper.readTree(line));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        generated.delete();
    }

    /** The batch as the command runs it, with assessments.jsonl and errors.jsonl only. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long batchEndToEnd() {
        Batch.Summary summary = new Batch(assessor).run(new Batch.Options(List.of(input), folder.resolve("out"), Set.<Report>of(),
                Runtime.getRuntime().availableProcessors(), Detail.FULL, null), Batch.Progress.NONE);
        return summary.assessed();
    }

    /** The floor: parse each line into a JSON tree and write it back, one line each, with Jackson. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long jacksonReadWrite() throws IOException {
        return readAndWrite((factSet, n) -> factSet);
    }

    /** The second floor: read each fact set and write an assessment record, one line each, with Jackson. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long jacksonReadFactSetWriteAssessment() throws IOException {
        return readAndWrite((factSet, n) -> assessments.get((int) (n % assessments.size())));
    }

    /** Parses each input line with Jackson and writes, one line each, the record {@code written} gives for it. */
    private long readAndWrite(java.util.function.BiFunction<JsonNode, Long, JsonNode> written) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(folder.resolve("copy.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(mapper.writeValueAsString(written.apply(mapper.readTree(line), n)));
                out.write('\n');
                n++;
            }
        }
        return n;
    }

    static void printRatio(Collection<RunResult> results) {
        for (String r : new String[] {"shipped", "engine-basic"}) {
            double batch = score(results, "batchEndToEnd", r);
            if (batch <= 0) {
                continue;
            }
            System.out.printf(java.util.Locale.ROOT, "rules=%s: batch end to end %.0f fact sets/s (target %d: %s)%n",
                    r, batch, TARGET_RATE, batch >= TARGET_RATE ? "met" : "not met");
            printRatio(batch, score(results, "jacksonReadWrite", r), "Jackson reading and writing back the fact sets");
            printRatio(batch, score(results, "jacksonReadFactSetWriteAssessment", r),
                    "Jackson reading the fact sets and writing assessment records");
        }
    }

    private static void printRatio(double batch, double jackson, String floor) {
        if (jackson > 0) {
            double ratio = jackson / batch;
            System.out.printf(java.util.Locale.ROOT, "  against %s: %.0f records/s, cost ratio %.1fx (target %.0fx: %s)%n",
                    floor, jackson, ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "not met");
        }
    }

    private static double score(Collection<RunResult> results, String method, String rules) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method) && rules.equals(r.getParams().getParam("rules")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(0);
    }
}
