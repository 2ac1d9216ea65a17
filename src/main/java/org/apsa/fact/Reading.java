package org.apsa.fact;

import java.util.Locale;

/**
 * What an analyst states about one indicator.
 *
 * @param level      a level of the indicator's scale
 * @param confidence how sure the analyst is, in (0, 1]; 1 when not given
 * @param note       why, usually citing a paragraph or a source; may be null
 */
public record Reading(String level, double confidence, String note) {

    public static final double CERTAIN = 1.0;

    public Reading {
        if (level == null) {
            throw new IllegalArgumentException("level is required");
        }
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
        }
    }

    public static Reading of(String level) {
        return new Reading(level, CERTAIN, null);
    }

    /** In a few words: the level, with the confidence when below 1, as in {@code low (0.60)}. */
    public String brief() {
        return confidence == CERTAIN ? level : String.format(Locale.ROOT, "%s (%.2f)", level, confidence);
    }
}
