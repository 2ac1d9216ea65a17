package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.kie.api.runtime.KieSession;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What explanation costs: one session on the baseline (new session, insert, fire, read the
 * scores, dispose) as a program without tracing would run it, the same with the firing
 * listener attached, and the same with the listener plus the proof trees read from truth
 * maintenance (an assessment without the prescription gains). Target: the listener costs at
 * most 1.3 times the session without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dapsa.log.dir=target/bench-logs"})
public class TracingBenchmark {

    private RuleBase rules;
    private FactSet baseline;
    private List<Indicator> indicators;

    @Setup
    public void setUp() {
        rules = RuleBaseLoader.load(Path.of("rules"));
        baseline = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
        indicators = new ArrayList<>();
        baseline.indicators().forEach((id, reading) -> indicators.add(Indicator.of(baseline.vocabulary(), id, reading)));
    }

    @Benchmark
    public List<Object> sessionWithoutTracing() {
        return run(false, false);
    }

    @Benchmark
    public List<Object> sessionWithFiringListener() {
        return run(true, false);
    }

    @Benchmark
    public List<Object> sessionWithListenerAndProofTrees() {
        return run(true, true);
    }

    private List<Object> run(boolean listener, boolean trees) {
        KieSession session = rules.newSession();
        try {
            if (listener) {
                session.addEventListener(new FiringRecorder());
            }
            for (Indicator indicator : indicators) {
                session.insert(indicator);
            }
            session.fireAllRules(Assessor.FIRING_LIMIT);
            List<Object> out = new ArrayList<>(session.getObjects(o -> o instanceof ScenarioScore));
            if (trees) {
                Justifications justifications = Justifications.of(session);
                Assessor.Conclusions conclusions = Assessor.Conclusions.read(justifications, baseline, org.apsa.fact.KnowledgeBase.embedded());
                TraceBuilder traces = new TraceBuilder(rules, justifications, conclusions);
                out.add(traces.build());
                out.add(traces.judgments());
            }
            return out;
        } finally {
            session.dispose();
        }
    }
}
