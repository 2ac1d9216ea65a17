package org.apsa.explore;

import java.util.List;
import java.util.Set;

/**
 * Which indicators move from sample to sample: the stated ones, the unknown ones, all, or the
 * ones named. An indicator not moved keeps its reading as stated (confidence included), or
 * stays unknown.
 */
public record Vary(Mode mode, Set<String> ids) {

    public enum Mode {
        STATED, UNKNOWN, ALL, NAMED
    }

    public Vary {
        ids = Set.copyOf(ids);
        if ((mode == Mode.NAMED) == ids.isEmpty()) {
            throw new IllegalArgumentException("ids are given with NAMED and only then");
        }
    }

    public static final Vary STATED = new Vary(Mode.STATED, Set.of());
    public static final Vary UNKNOWN = new Vary(Mode.UNKNOWN, Set.of());
    public static final Vary ALL = new Vary(Mode.ALL, Set.of());

    public static Vary named(List<String> ids) {
        return new Vary(Mode.NAMED, Set.copyOf(ids));
    }

    boolean moves(String id, boolean stated) {
        return switch (mode) {
            case STATED -> stated;
            case UNKNOWN -> !stated;
            case ALL -> true;
            case NAMED -> ids.contains(id);
        };
    }

    /** As the command line writes it: {@code all}, or the ids in vocabulary order, comma-separated. */
    public String describe(org.apsa.fact.Vocabulary vocabulary) {
        return mode == Mode.NAMED ? String.join(",", ids.stream().sorted(vocabulary.idOrder()).toList())
                : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
