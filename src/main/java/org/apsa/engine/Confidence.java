package org.apsa.engine;

/**
 * The one range check of the confidence a rule gives a conclusion. Checked when the fact is
 * made, inside the consequence, so that a bad value stops the assessment naming the rule that
 * computed it, not the scoring rule that later adds it up.
 */
final class Confidence {

    private Confidence() {
    }

    /**
     * @param of what the confidence is of, for the message: {@code judgment "x"}
     * @throws IllegalArgumentException when {@code confidence} is not in (0, 1] (NaN included)
     */
    static void require(double confidence, String of) {
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("the confidence of " + of + " must be in (0, 1], was " + confidence
                    + "; compute it from the confidences of the facts the rule matched, with Scoring.weakest(...) "
                    + "or Scoring.weakestOfStrongest(...)");
        }
    }
}
