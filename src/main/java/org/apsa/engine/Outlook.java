package org.apsa.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The article's four outlooks (¶2), an exhaustive set. The order is the article's order of
 * desirability (¶7): deep integration best, falling into chaos worst. It also breaks ties
 * when two outlooks have the same score, so results never depend on insertion order.
 */
public enum Outlook {
    DEEP_INTEGRATION("deep-integration", "deep integration", "3"),
    SHARED_DOMINANCE("shared-dominance", "shared dominance of big powers", "4"),
    POLARIZATION("polarization", "polarization", "5"),
    CHAOS("chaos", "falling into chaos", "6");

    private final String id;
    private final String title;
    private final String source;

    Outlook(String id, String title, String source) {
        this.id = id;
        this.title = title;
        this.source = source;
    }

    /** The stable id used in rules, fact files and machine output. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The paragraph that describes it. */
    public String source() {
        return source;
    }

    /** 1 for the most desirable outlook (¶7-¶8), 4 for the worst. */
    public int desirability() {
        return ordinal() + 1;
    }

    public static Optional<Outlook> find(String id) {
        // A map: every Support the rules insert is checked against it.
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    private static final Map<String, Outlook> BY_ID = Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Outlook::id, o -> o));

    public static List<String> ids() {
        return Arrays.stream(values()).map(Outlook::id).toList();
    }
}
