package org.apsa.bench;

import org.apsa.fact.KnowledgeBase;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.fact.FactSetReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What reading one fact set costs, on one thread: a batch line as the batch benchmark
 * generates it (about two thirds of the indicators, a quarter of them with a confidence), the
 * baseline fact set as a file holds it, and a line with three problems (an unknown indicator,
 * a level off the scale, a confidence out of range). {@code mvn -Pbench test-compile exec:exec
 * -Dbench=FactSetReader}; the figures are in docs/batch.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dapsa.log.dir=target/bench-logs"})
public class FactSetReaderBenchmark {

    private static final int LINES = 1_000;

    private final FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
    private String[] lines;
    private String baseline;
    private String invalid;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(GeneratedInput.SEED);
        lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = GeneratedFactSets.line(random, i + 1, GeneratedInput.DATES);
        }
        baseline = Files.readString(Path.of("facts", "baseline-2014-12.json"), StandardCharsets.UTF_8);
        invalid = "{\"id\":\"bad\",\"indicators\":{\"us.presence.transparancy\":\"low\",\"mechanism.sco\":\"hihg\","
                + "\"china.publicGoods\":{\"level\":\"high\",\"confidence\":2}}}";
    }

    @Benchmark
    public FactSetReader.Entry batchLine() {
        next = next + 1 == LINES ? 0 : next + 1;
        return reader.parse("input.jsonl", lines[next]);
    }

    @Benchmark
    public FactSetReader.Entry baselineFile() {
        return reader.parse("baseline-2014-12.json", baseline);
    }

    @Benchmark
    public FactSetReader.Entry lineWithThreeProblems() {
        return reader.parse("input.jsonl", invalid);
    }
}
