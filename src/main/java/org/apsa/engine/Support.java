package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Suggestions;
import org.apsa.rulebase.RuleBase;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One piece of evidence for (positive weight) or against (negative weight) an outlook,
 * from one rule, scaled by the confidence of the facts behind it.
 *
 * <p>Each one a rule inserts is a piece of evidence of its own, however like another it is:
 * two rules giving equal evidence count twice, and so do two firings of one rule (one per
 * deteriorating hotspot, say). That is why this is a class with identity equality and not a
 * record: truth maintenance merges a logical insertion into an equal fact already held, and
 * the score's {@code accumulate} would then count once what the proof tree shows twice.
 */
public final class Support {

    private final String scenario;
    private final String rule;
    private final double weight;
    private final double confidence;

    /**
     * @param kb the knowledge base of the rules that insert it, whose outlooks it may be for
     * @throws IllegalArgumentException when {@code scenario} is not an outlook id (evidence
     *                                  for no outlook would be weighed but count for none),
     *                                  {@code weight} is not a finite number or
     *                                  {@code confidence} is not in (0, 1]
     */
    public Support(KnowledgeBase kb, String scenario, String rule, double weight, double confidence) {
        if (kb.outlook(scenario).isEmpty()) {
            throw new IllegalArgumentException("no outlook \"" + scenario + "\""
                    + Suggestions.didYouMean(String.valueOf(scenario), kb.outlookIds())
                    + "; a Support is for one of " + String.join(", ", kb.outlookIds()));
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("the weight of a Support for " + scenario + " must be a finite number, was " + weight
                    + "; weights are constants such as 0.5 or -1.0 (rules/README.md, \"Weight conventions\")");
        }
        Scoring.requireConfidence(confidence, "a Support for " + scenario);
        this.scenario = scenario;
        this.rule = rule;
        this.weight = weight;
        this.confidence = confidence;
    }

    /** For rule consequences: {@code insertLogical(new Support(kcontext, "some-outlook", 2.0, $c));} */
    public Support(RuleContext rule, String scenario, double weight, double confidence) {
        this(RuleBase.knowledgeBaseOf(rule.getKieRuntime().getKieBase()), scenario, rule.getRule().getName(), weight, confidence);
    }

    /** The outlook this is evidence for or against. */
    public String scenario() {
        return scenario;
    }

    /** The rule that inserted it. */
    public String rule() {
        return rule;
    }

    public double weight() {
        return weight;
    }

    public double confidence() {
        return confidence;
    }

    /** What this piece adds to its outlook's net evidence. */
    public double contribution() {
        return weight * confidence;
    }

    /** How much evidence this piece is, whatever its direction. */
    public double magnitude() {
        return Math.abs(contribution());
    }

    @Override
    public String toString() {
        return "Support[scenario=" + scenario + ", rule=" + rule + ", weight=" + weight + ", confidence=" + confidence + "]";
    }
}
