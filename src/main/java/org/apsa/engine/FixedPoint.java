package org.apsa.engine;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers as {@link String#format} writes them with one fixed-point pattern, remembered.
 * Proof trees write every piece of support's weight, confidence and contribution and every
 * score; the same values recur from fact set to fact set, and {@code String.format} was a
 * tenth of a batch's time. The text is {@code String.format}'s own, so nothing changes.
 */
final class FixedPoint {

    /** Distinct values remembered per pattern: scores to four places alone can take 10,001. */
    static final int REMEMBERED = 16_384;

    private final String pattern;
    private final Map<Double, String> known = new ConcurrentHashMap<>();

    FixedPoint(String pattern) {
        this.pattern = pattern;
    }

    String format(double value) {
        String text = known.get(value);
        if (text == null) {
            text = String.format(Locale.ROOT, pattern, value);
            if (known.size() < REMEMBERED) {
                known.put(value, text);
            }
        }
        return text;
    }
}
