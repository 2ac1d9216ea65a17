package org.apsa.engine;

/**
 * An intermediate conclusion a rule draws from indicators or other judgments, such as "the
 * dams are read as a threat". Rules insert judgments logically, so a judgment lasts only while
 * what supports it holds.
 *
 * <p>Its confidence is the least confidence among the facts it rests on. The rules that
 * derive one judgment must exclude each other, so that a judgment is held once; the engine
 * checks this after every assessment.
 */
public record Judgment(String id, double confidence) {

    /** @throws IllegalArgumentException when {@code id} is blank or {@code confidence} is not in (0, 1] */
    public Judgment {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Judgment needs an id, such as \"actor.trust.eroding\"");
        }
        Scoring.requireConfidence(confidence, "judgment \"" + id + "\"");
    }
}
