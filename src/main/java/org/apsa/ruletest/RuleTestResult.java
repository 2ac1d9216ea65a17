package org.apsa.ruletest;

import java.util.List;

/**
 * The outcome of one rule test.
 *
 * @param failures each unmet expectation, as "what: expected X, got Y"; empty when it passed
 */
public record RuleTestResult(RuleTest test, List<String> failures) {

    public RuleTestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
