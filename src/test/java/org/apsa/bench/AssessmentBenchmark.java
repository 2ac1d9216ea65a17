package org.apsa.bench;

import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One assessment of each shipped fact set once warm (new session, insert, fire, proof trees,
 * prescription gains, dispose), sampled call by call: the distribution (p50, p99) per fact set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dapsa.log.dir=target/bench-logs"})
public class AssessmentBenchmark {

    @Param({"baseline-2014-12", "analyst-a-2015-06", "analyst-b-2015-06", "korean-crisis-2017-09",
            "archetype-deep-integration", "archetype-shared-dominance", "archetype-polarization", "archetype-chaos",
            "all-prescriptions-met"})
    public String factSet;

    private Assessor assessor;
    private FactSet facts;

    @Setup
    public void setUp() {
        assessor = ShippedRules.assessor();
        facts = ShippedFacts.read(factSet);
    }

    @Benchmark
    public Assessment assess() {
        return assessor.assess(facts);
    }
}
