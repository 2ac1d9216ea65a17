package org.apsa.bench;

import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.Outlook;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.fact.FactSet;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The analyst's explanation questions on the 2014 baseline, once warm, on one thread:
 * one assessment (with prescription gains and traces), and why-not for all four outlooks
 * plus sensitivity (target: well inside 500 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dapsa.log.dir=target/bench-logs"})
public class ExplanationBenchmark {

    private Assessor assessor;
    private FactSet baseline;

    @Setup
    public void setUp() {
        assessor = ShippedRules.assessor();
        baseline = ShippedFacts.read("baseline-2014-12");
    }

    @Benchmark
    public Assessment assessBaseline() {
        return assessor.assess(baseline);
    }

    @Benchmark
    public void whyNotAllFourPlusSensitivity(Blackhole sink) {
        Assessment assessment = assessor.assess(baseline);
        for (Outlook outlook : org.apsa.fact.KnowledgeBase.embedded().outlooks()) {
            sink.consume(WhyNot.of(assessor, assessment, outlook.id()));
        }
        sink.consume(Sensitivity.of(assessor, baseline));
    }
}
