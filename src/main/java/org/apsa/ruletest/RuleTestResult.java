package org.apsa.ruletest;

import org.apsa.engine.Assessment;

import java.util.List;

/**
 * The outcome of one rule test.
 *
 * @param failures   each unmet expectation, as "what: expected X, got Y"; empty when it passed
 * @param assessment the assessment of the test's facts, for showing why it failed
 */
public record RuleTestResult(List<String> failures, Assessment assessment) {

    public RuleTestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
