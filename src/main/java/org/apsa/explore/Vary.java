package org.apsa.explore;

import org.apsa.fact.Suggestions;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> KEYWORDS = List.of("stated", "unknown", "all");
    private static final String USE = "use stated, unknown, all, or indicator ids separated by commas";

    public static Vary named(List<String> ids) {
        return new Vary(Mode.NAMED, Set.copyOf(ids));
    }

    /** What {@link #parse} refuses; its message says what is wrong and how to write it, and names no option. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * {@code --vary} as written: {@code stated}, {@code unknown}, {@code all}, or indicator ids of
     * {@code vocabulary}, comma-separated.
     *
     * @throws Invalid for an id the vocabulary does not hold (with the nearest id or keyword) or
     *                 nothing given
     */
    public static Vary parse(String given, Vocabulary vocabulary) {
        String text = given == null ? "" : given.trim();
        Vary keyword = switch (text) {
            case "stated" -> STATED;
            case "unknown" -> UNKNOWN;
            case "all" -> ALL;
            default -> null;
        };
        if (keyword != null) {
            return keyword;
        }
        List<String> ids = new ArrayList<>();
        for (String item : text.split(",")) {
            String id = item.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (vocabulary.find(id).isEmpty()) {
                throw new Invalid("unknown indicator \"" + id + "\""
                        + Suggestions.didYouMean(vocabulary.suggest(id).or(() -> Suggestions.closest(id, KEYWORDS)))
                        + "; " + USE);
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new Invalid("nothing given; " + USE);
        }
        return named(ids);
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
    public String describe(Vocabulary vocabulary) {
        return mode == Mode.NAMED ? String.join(",", ids.stream().sorted(vocabulary.idOrder()).toList())
                : mode.name().toLowerCase(Locale.ROOT);
    }
}
