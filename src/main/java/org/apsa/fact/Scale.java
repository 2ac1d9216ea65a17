package org.apsa.fact;

import java.util.List;

/**
 * An ordered set of levels an indicator can take. The order is the article's
 * direction of the scale (low to high, calm to crisis) and gives each level its rank.
 */
public record Scale(String name, List<String> levels) {

    public static final Scale LMH = new Scale("LMH", List.of("low", "medium", "high"));
    public static final Scale ACCOMMODATION = new Scale("accommodation", List.of("none", "partial", "consensus"));
    public static final Scale ALIGNMENT = new Scale("alignment", List.of("balanced", "leaning", "taking-sides"));
    public static final Scale MECHANISM = new Scale("mechanism", List.of("absent", "nascent", "binding"));
    public static final Scale TALKS = new Scale("talks", List.of("stalled", "active", "upgraded"));
    public static final Scale ARCHITECTURE = new Scale("architecture", List.of("absent", "emerging", "established"));
    public static final Scale HOTSPOT = new Scale("hotspot", List.of("stable", "tense", "deteriorating", "crisis"));
    public static final Scale PRESENCE = new Scale("presence", List.of("absent", "present"));

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
