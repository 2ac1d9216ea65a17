package org.apsa.fact;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for ids, levels and commands: the nearest candidate by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * " (did you mean "X"?)" with the candidate nearest to {@code input} (see {@link #closest}),
     * to end a message with; empty when none is near enough.
     */
    public static String didYouMean(String input, Collection<String> candidates) {
        return didYouMean(closest(input, candidates));
    }

    /** " (did you mean "X"?)" for a suggestion found otherwise; empty for none. */
    public static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(s -> " (did you mean \"" + s + "\"?)").orElse("");
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
        // The distance costs input × candidate steps, and a fact file may hold a key or level
        // tens of thousands of characters long. Each extra character costs at least one edit,
        // so an input half again as long as every candidate is beyond the threshold (a third
        // of its length) and cannot be an affix: no suggestion, without computing any distance.
        int longest = candidates.stream().mapToInt(String::length).max().orElse(0);
        if (input.length() >= 3 && input.length() > longest * 3 / 2.0) {
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

    /**
     * Edit distance where a change of case alone costs half an edit and two swapped
     * neighbours ("hihg", "titel") cost one, since that is the commonest typing slip; plain
     * Levenshtein charged it two and so missed the suggestion for short words.
     */
    static double distance(String a, String b) {
        double[][] d = new double[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                double substitution = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 0.5 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
