package org.apsa.explain;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.Scoring;
import org.apsa.fact.Outlook;
import org.apsa.engine.WhatIf;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each indicator moves each outlook's score across its scale (with "unknown" as one
 * more position), all else as stated: a tornado table, largest swing first. A stated
 * indicator is moved at the confidence the analyst gave it, so that its row measures its
 * level alone and its stated level gives the assessment itself; an unknown indicator has no
 * confidence and is tried at 1, as if learned for certain. For unknown
 * indicators it also gives the value of information: whether learning the indicator could
 * change the leading outlook, and by how much it could move the scores.
 */
public final class Sensitivity {

    /**
     * @param current    the stated level, null when unknown
     * @param confidence the confidence every level is tried at: the stated one, 1 when unknown
     * @param swing      per outlook, the highest score minus the lowest across the positions
     * @param leaders    the leading outlook (or null) at each position: each level, then "unknown"
     */
    public record Row(String indicator, String current, double confidence, Map<String, Double> swing, double largest,
                      Map<String, String> leaders) {

        public boolean couldChangeLeader(String leading) {
            return leaders.values().stream().anyMatch(l -> !java.util.Objects.equals(l, leading));
        }
    }

    /**
     * An unknown indicator ranked by what learning it could change.
     *
     * @param leading           the leading outlook now; null when none leads (too little evidence)
     * @param couldChangeLeader whether some level of it gives another leader than now, or, with
     *                          none now, names one
     */
    public record InformationValue(String indicator, String leading, boolean couldChangeLeader, double largestSwing,
                                   Map<String, String> leaders) {
    }

    public static final String UNKNOWN = "unknown";

    private Sensitivity() {
    }

    public static List<Row> of(Assessor assessor, FactSet facts) {
        List<Row> rows = new ArrayList<>();
        KnowledgeBase kb = assessor.rules().knowledgeBase();
        try (WhatIf live = assessor.whatIf(facts)) {
            for (IndicatorDef def : kb.vocabulary().indicators()) {
                Map<String, DoubleSummaryStatistics> range = new HashMap<>();
                Map<String, String> leaders = new LinkedHashMap<>();
                List<String> positions = new ArrayList<>(def.scale().levels());
                positions.add(UNKNOWN);
                for (String position : positions) {
                    Map<String, Reading> change = new HashMap<>();
                    change.put(def.id(), position.equals(UNKNOWN) ? null : Change.reading(facts, def.id(), position));
                    WhatIf.Outcome outcome = live.evaluate(change);
                    leaders.put(position, outcome.leading());
                    outcome.scores().forEach(s -> range.computeIfAbsent(s.scenario(), k -> new DoubleSummaryStatistics())
                            .accept(s.score()));
                }
                Map<String, Double> swing = new LinkedHashMap<>();
                double largest = 0;
                for (Outlook o : kb.outlooks()) {
                    double d = Scoring.round(range.get(o.id()).getMax() - range.get(o.id()).getMin());
                    swing.put(o.id(), d);
                    largest = Math.max(largest, d);
                }
                Reading now = facts.indicators().get(def.id());
                rows.add(new Row(def.id(), now == null ? null : now.level(), now == null ? Reading.CERTAIN : now.confidence(),
                        Collections.unmodifiableMap(swing), largest, Collections.unmodifiableMap(leaders)));
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.largest()).thenComparingInt(r -> kb.vocabulary().order(r.indicator())));
        return rows;
    }

    /** The unknown indicators of an assessment, most worth learning first. */
    public static List<InformationValue> valueOfInformation(Assessment assessment, List<Row> rows) {
        return rows.stream()
                .filter(r -> r.current() == null)
                .map(r -> new InformationValue(r.indicator(), assessment.leading(), r.couldChangeLeader(assessment.leading()),
                        r.largest(), r.leaders()))
                .sorted(Comparator.comparing((InformationValue v) -> !v.couldChangeLeader())
                        .thenComparingDouble(v -> -v.largestSwing())
                        .thenComparingInt(v -> assessment.knowledgeBase().vocabulary().order(v.indicator())))
                .toList();
    }
}
