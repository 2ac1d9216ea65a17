package org.apsa.rulebase;

import java.util.List;

/**
 * A rule whose consequence draws a judgment, with its conditions (the lines of its
 * {@code when} part) as written, comment lines left out, and the indicator and judgment ids
 * they compare, in order.
 */
public record Derivation(RuleInfo rule, List<String> conditions, List<String> indicators, List<String> judgments) {

    public Derivation {
        conditions = List.copyOf(conditions);
        indicators = List.copyOf(indicators);
        judgments = List.copyOf(judgments);
    }
}
