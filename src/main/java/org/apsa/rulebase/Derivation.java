package org.apsa.rulebase;

import java.util.List;

/**
 * A rule whose consequence draws a judgment, with its conditions (the lines of its
 * {@code when} part) as written, comment lines left out.
 */
public record Derivation(RuleInfo rule, List<String> conditions) {

    public Derivation {
        conditions = List.copyOf(conditions);
    }
}
