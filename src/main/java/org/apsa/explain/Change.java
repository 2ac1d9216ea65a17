package org.apsa.explain;

import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
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
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            Reading a = before.indicators().get(id);
            Reading b = after.indicators().get(id);
            if (!Objects.equals(describe(a), describe(b))) {
                changes.add(new Change(id, describe(a), describe(b)));
            }
        }
        return changes;
    }

    /** A reading in a few words: its level, with the confidence when below 1. */
    public static String describe(Reading r) {
        if (r == null) {
            return null;
        }
        return r.brief();
    }

    @Override
    public String toString() {
        return indicator + ": " + (from == null ? "unknown" : from) + " -> " + (to == null ? "unknown" : to);
    }
}
