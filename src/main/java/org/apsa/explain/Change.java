package org.apsa.explain;

import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** One indicator changed from a level (null: unknown) to another (null: unknown). */
public record Change(String indicator, String from, String to) {

    /** The indicators whose reading differs between two fact sets, in the order of their vocabulary. */
    public static List<Change> between(Vocabulary vocabulary, FactSet before, FactSet after) {
        TreeSet<String> ids = new TreeSet<>(vocabulary.idOrder());
        ids.addAll(before.indicators().keySet());
        ids.addAll(after.indicators().keySet());
        return ids.stream().map(id -> new Change(id, describe(before.indicators().get(id)), describe(after.indicators().get(id))))
                .filter(c -> !Objects.equals(c.from(), c.to())).toList();
    }

    /** A reading in a few words: its level, with the confidence when below 1. */
    public static String describe(Reading r) {
        return r == null ? null : r.brief();
    }

    @Override
    public String toString() {
        return indicator + ": " + (from == null ? "unknown" : from) + " -> " + (to == null ? "unknown" : to);
    }
}
