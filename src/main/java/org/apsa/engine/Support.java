package org.apsa.engine;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One piece of evidence for (positive weight) or against (negative weight) an outlook,
 * from one rule, scaled by the confidence of the facts behind it. The rule's name is part
 * of the fact, so that two rules giving equal evidence count twice, as they should.
 */
public record Support(String scenario, String rule, double weight, double confidence) {

    /** For rule consequences: {@code insertLogical(new Support(kcontext, "chaos", 2.0, $c));} */
    public Support(RuleContext rule, String scenario, double weight, double confidence) {
        this(scenario, rule.getRule().getName(), weight, confidence);
    }

    /** What this piece adds to its outlook's net evidence. */
    public double contribution() {
        return weight * confidence;
    }

    /** How much evidence this piece is, whatever its direction. */
    public double magnitude() {
        return Math.abs(contribution());
    }
}
