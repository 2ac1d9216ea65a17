package org.apsa.explain;

import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The single changes an analyst could make to a fact set: every other level of every
     * indicator, known or unknown ("if we learned X were high").
     */
    static List<Change> singles(Vocabulary vocabulary, FactSet facts) {
        List<Change> changes = new ArrayList<>();
        for (IndicatorDef def : vocabulary.indicators()) {
            Reading now = facts.indicators().get(def.id());
            for (String level : def.scale().levels()) {
                if (now == null || !now.level().equals(level)) {
                    changes.add(new Change(def.id(), now == null ? null : now.level(), level));
                }
            }
        }
        return changes;
    }

    /** The readings some changes give a fact set, as {@link #reading} makes them; null for unknown. */
    static Map<String, Reading> apply(FactSet facts, List<Change> changes) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Change c : changes) {
            readings.put(c.indicator(), c.to() == null ? null : reading(facts, c.indicator(), c.to()));
        }
        return readings;
    }

    /**
     * An indicator of a fact set at a level, all else as stated. A stated indicator keeps the
     * confidence the analyst gave it, so that moving it along its scale measures the level
     * alone, not a change of certainty too, and at its stated level it is the stated reading
     * itself. An unknown indicator has no confidence to keep: it is taken as learned for
     * certain (confidence 1).
     */
    static Reading reading(FactSet facts, String indicator, String level) {
        Reading now = facts.indicators().get(indicator);
        if (now == null) {
            return Reading.of(level);
        }
        return now.level().equals(level) ? now : new Reading(level, now.confidence(), null);
    }

    @Override
    public String toString() {
        return indicator + ": " + (from == null ? "unknown" : from) + " -> " + (to == null ? "unknown" : to);
    }
}
