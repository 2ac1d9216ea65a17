package org.apsa.explain;

import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single changes an analyst could make to a fact set: every other level of every
 * indicator, known or unknown ("if we learned X were high"), and the reading each change
 * gives (see {@link #reading}).
 */
final class Candidates {

    private Candidates() {
    }

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
}
