package org.apsa.fact;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for ids, levels and commands: the nearest candidate by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code input}, if it is near enough to be a typo: at most a
     * third of the input's length in edits (case differences count as half), or the input
     * is a case-insensitive suffix or prefix of exactly that candidate.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String candidate : candidates) {
            double d = distance(input, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String lower = input.toLowerCase(Locale.ROOT);
        String bestLower = best.toLowerCase(Locale.ROOT);
        boolean affix = input.length() >= 4 && (bestLower.endsWith(lower) || bestLower.startsWith(lower));
        return bestDistance <= Math.max(1.0, input.length() / 3.0) || affix ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance where a change of case alone costs half an edit. */
    static double distance(String a, String b) {
        double[] previous = new double[b.length() + 1];
        double[] current = new double[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                double substitution = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 0.5 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
