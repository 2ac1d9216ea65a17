package org.apsa.ruletest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the assessment of a rule test's facts must show. Every part is optional; a part
 * that is left out is not checked.
 *
 * @param status        {@code assessed} or {@code insufficient-evidence}
 * @param leading       the id of the outlook that must lead
 * @param judgments     judgments that must hold, and ones that must not
 * @param prescriptions recommendations that must be met, and ones that must not
 * @param scores        for some outlooks, the range their score must fall in (bounds inclusive)
 * @param fired         rules that must fire
 * @param notFired      rules that must not fire
 */
record Expectation(String status, String leading, Judgments judgments, Prescriptions prescriptions,
                          Map<String, Range> scores, List<String> fired, List<String> notFired) {

    public Expectation {
        judgments = judgments == null ? new Judgments(null, null) : judgments;
        prescriptions = prescriptions == null ? new Prescriptions(null, null) : prescriptions;
        scores = scores == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(scores));
        fired = fired == null ? List.of() : List.copyOf(fired);
        notFired = notFired == null ? List.of() : List.copyOf(notFired);
    }

    /** True when nothing at all is expected, which would make a test that cannot fail. */
    public boolean isEmpty() {
        return status == null && leading == null && judgments.present().isEmpty() && judgments.absent().isEmpty()
                && prescriptions.met().isEmpty() && prescriptions.unmet().isEmpty() && scores.isEmpty()
                && fired.isEmpty() && notFired.isEmpty();
    }

    /** Judgment ids that must hold ({@code present}) and ones that must not ({@code absent}). */
    record Judgments(List<String> present, List<String> absent) {
        public Judgments {
            present = present == null ? List.of() : List.copyOf(present);
            absent = absent == null ? List.of() : List.copyOf(absent);
        }
    }

    /** Recommendation ids that must be met and ones that must be unmet. */
    record Prescriptions(List<String> met, List<String> unmet) {
        public Prescriptions {
            met = met == null ? List.of() : List.copyOf(met);
            unmet = unmet == null ? List.of() : List.copyOf(unmet);
        }
    }

    /** A closed range for a score; a missing bound is open. */
    record Range(Double min, Double max) {

        public boolean contains(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        @Override
        public String toString() {
            if (min != null && max != null) {
                return "between " + min + " and " + max;
            }
            return min != null ? "at least " + min : "at most " + max;
        }
    }
}
