package org.apsa.fact;

import java.util.List;

/**
 * An ordered set of levels an indicator can take. The order is the article's
 * direction of the scale (low to high, calm to crisis) and gives each level its rank.
 */
public record Scale(List<String> levels) {

    public Scale {
        levels = List.copyOf(levels);
    }

    /** The position of a level on this scale, or -1 when the scale does not have it. */
    public int rank(String level) {
        // An immutable list throws on indexOf(null); a missing level is simply not on the scale.
        return level == null ? -1 : levels.indexOf(level);
    }

    public boolean allows(String level) {
        return rank(level) >= 0;
    }

    /** The levels as the user writes them: {@code low | medium | high}. */
    public String describe() {
        return String.join(" | ", levels);
    }
}
