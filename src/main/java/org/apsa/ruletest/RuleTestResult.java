package org.apsa.ruletest;

import org.apsa.engine.TraceNode;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one rule test.
 *
 * @param failures each unmet expectation, as "what: expected X, got Y", or the one line
 *                 "rules failed: ..." of a {@code defect}; empty when it passed
 * @param defect   whether the rules could not finish the assessment (a loop, a throwing consequence)
 * @param trace    the trace of the outlooks and judgments the unmet expectations are about, so
 *                 that the author sees which rules got there instead
 * @param time     how long the test took
 */
public record RuleTestResult(RuleTest test, List<String> failures, boolean defect, List<TraceNode> trace, Duration time) {

    public RuleTestResult {
        failures = List.copyOf(failures);
        trace = List.copyOf(trace);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
