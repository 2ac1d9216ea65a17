package org.apsa.bench;

import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleCache;
import org.apsa.rulebase.RuleChecks;
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
import java.util.concurrent.TimeUnit;

/**
 * Building the shipped rule base once warm. A reload after a change under {@code rules/}, as
 * the shell does it: read every DRL file, compile to the executable model, make the
 * knowledge base, describe the rules (target: under a second). And a load of unchanged rules
 * from the compiled-rule cache, as every run after the first does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Dapsa.log.dir=target/bench-logs"})
public class ReloadBenchmark {

    private final Path rules = Path.of("rules");
    private final RuleCache cache = RuleCache.at(Path.of("target/bench-rule-cache"));

    @Setup
    public void fillTheCache() {
        RuleBaseLoader.load(rules, cache, RuleChecks.NONE);
    }

    @Benchmark
    public RuleBase reloadShippedRules() {
        return RuleBaseLoader.load(rules, RuleCache.off(), RuleChecks.NONE);
    }

    @Benchmark
    public RuleBase loadShippedRulesFromCache() {
        return RuleBaseLoader.load(rules, cache, RuleChecks.NONE);
    }
}
