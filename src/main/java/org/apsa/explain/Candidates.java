package org.apsa.explain;

import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The single changes an analyst could make to a fact set: every other level of every
 * indicator, known or unknown ("if we learned X were high"), stated with full confidence.
 */
final class Candidates {

    private Candidates() {
    }

    static List<Change> singles(FactSet facts) {
        List<Change> changes = new ArrayList<>();
        for (IndicatorDef def : Vocabulary.indicators()) {
            Reading now = facts.indicators().get(def.id());
            for (String level : def.scale().levels()) {
                if (now == null || !now.level().equals(level)) {
                    changes.add(new Change(def.id(), now == null ? null : now.level(), level));
                }
            }
        }
        return changes;
    }

    static Map<String, Reading> apply(List<Change> changes) {
        Map<String, Reading> readings = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            readings.put(c.indicator(), Reading.of(c.to()));
        }
        return readings;
    }
}
