package org.apsa.engine;

import org.apsa.fact.Suggestions;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One piece of evidence for (positive weight) or against (negative weight) an outlook,
 * from one rule, scaled by the confidence of the facts behind it. The rule's name is part
 * of the fact, so that two rules giving equal evidence count twice, as they should.
 */
public record Support(String scenario, String rule, double weight, double confidence) {

    /**
     * @throws IllegalArgumentException when {@code scenario} is not an outlook id: evidence
     *                                  for no outlook would be weighed but count for none
     */
    public Support {
        if (Outlook.find(scenario).isEmpty()) {
            throw new IllegalArgumentException("no outlook \"" + scenario + "\""
                    + Suggestions.closest(String.valueOf(scenario), Outlook.ids()).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                    + "; a Support is for one of " + String.join(", ", Outlook.ids()));
        }
    }

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
