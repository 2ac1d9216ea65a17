package org.apsa.render;

import org.apsa.engine.Scoring;
import org.apsa.engine.TraceNode;
import org.apsa.explain.JudgmentQuery;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.fact.Reading;

import java.util.List;
import java.util.Map;

/** Proof trees, what {@code explain} says of a judgment, why-not and sensitivity as JSON, keys in a fixed order. */
public final class ExplanationJson {

    private record Trace(String schemaVersion, List<TraceNode> trace) {
    }

    private record IsIndicator(String schemaVersion, String indicator, String factSet, String level, Double confidence, String note,
                               List<TraceNode> trace) {
    }

    private record Holds(String schemaVersion, String judgment, boolean holds, List<TraceNode> trace) {
    }

    private record DoesNotHold(String schemaVersion, String judgment, String factSet, boolean holds, List<TraceNode> trace,
                               List<Drawer> drawnBy, boolean drawnByComplete) {
    }

    private record Drawer(String rule, String title, String source, String file, int line, List<String> conditions,
                          List<IndicatorNow> indicators, List<JudgmentNow> judgments) {
    }

    private record IndicatorNow(String id, String level, Double confidence) {
    }

    private record JudgmentNow(String id, boolean holds) {
    }

    private record WhyNotResult(String schemaVersion, String scenario, double score, int rank, String leading,
                                Insufficient insufficientEvidence, boolean ranksFirst, boolean alreadyLeading, List<TraceNode> against,
                                List<TraceNode> leaderSupport, int putsFirstFound, List<Candidate> putsFirst, int searched, int found,
                                List<Candidate> changes) {
    }

    private record Insufficient(double evidence, double needed) {
    }

    private record Candidate(List<CandidateChange> changes, List<Score> scores, boolean addsEvidence) {
    }

    private record CandidateChange(String indicator, String from, String to, boolean addsEvidenceOnly) {
    }

    private record Score(String id, double score, String likelihood, int rank) {
    }

    private record SensitivityResult(String schemaVersion, List<Row> sensitivity, String leading, List<Information> valueOfInformation) {
    }

    private record Row(String indicator, String current, double confidence, double largest, Map<String, Double> swing,
                       Map<String, String> leaders) {
    }

    private record Information(String indicator, boolean couldChangeLeader, double largestSwing, Map<String, String> leaders) {
    }

    private ExplanationJson() {
    }

    public static String trace(List<TraceNode> roots) {
        return Json.pretty(new Trace(SchemaVersion.CURRENT, roots));
    }

    /**
     * What {@code explain} says of an id asked about as a judgment. Every answer has a
     * {@code trace} (empty unless the judgment holds), so a reader of proof trees needs no other
     * case; {@code holds} says whether it holds, or {@code indicator} that the id is an indicator's.
     */
    public static String judgment(JudgmentQuery.Answer answer) {
        if (answer instanceof JudgmentQuery.IsIndicator i) {
            Reading r = i.reading();
            return Json.pretty(new IsIndicator(SchemaVersion.CURRENT, i.id(), i.factSet(), r == null ? null : r.level(),
                    r == null ? null : r.confidence(), r == null ? null : r.note(), List.of()));
        }
        if (answer instanceof JudgmentQuery.Holds h) {
            return Json.pretty(new Holds(SchemaVersion.CURRENT, h.id(), true, h.trees()));
        }
        JudgmentQuery.DoesNotHold d = (JudgmentQuery.DoesNotHold) answer;
        return Json.pretty(new DoesNotHold(SchemaVersion.CURRENT, d.id(), d.factSet(), false, List.of(), d.drawnBy().stream()
                .map(drawer -> new Drawer(drawer.rule().name(), drawer.rule().title(), drawer.rule().source(), drawer.rule().file(),
                        drawer.rule().line(), drawer.conditions(), drawer.indicators().entrySet().stream()
                        .map(e -> new IndicatorNow(e.getKey(), e.getValue() == null ? null : e.getValue().level(),
                                e.getValue() == null ? null : e.getValue().confidence())).toList(),
                        drawer.judgments().entrySet().stream().map(e -> new JudgmentNow(e.getKey(), e.getValue())).toList()))
                .toList(), d.complete()));
    }

    public static String whyNot(WhyNot.Result r) {
        return Json.pretty(new WhyNotResult(SchemaVersion.CURRENT, r.scenario(), r.current().score(), r.current().rank(), r.leading(),
                r.insufficient() == null ? null : new Insufficient(Scoring.round(r.insufficient().evidence()), r.insufficient().threshold()),
                r.ranksFirst(), r.alreadyLeading(), r.against(), r.leaderSupport(), r.putsFirstFound(), candidates(r, r.putsFirst()),
                r.searched(), r.found(), candidates(r, r.changes())));
    }

    private static List<Candidate> candidates(WhyNot.Result r, List<WhyNot.Candidate> candidates) {
        return candidates.stream().map(c -> new Candidate(
                c.changes().stream()
                        .map(ch -> new CandidateChange(ch.indicator(), ch.from(), ch.to(), c.evidenceOnly().contains(ch))).toList(),
                c.scores().stream().map(s -> new Score(s.scenario(), s.score(), s.likelihood(), s.rank())).toList(),
                r.addsEvidence(c))).toList();
    }

    /** @param leading the leading outlook now; null when none leads */
    public static String sensitivity(String leading, List<Sensitivity.Row> rows, List<Sensitivity.InformationValue> information) {
        return Json.pretty(new SensitivityResult(SchemaVersion.CURRENT,
                rows.stream().map(r -> new Row(r.indicator(), r.current(), r.confidence(), r.largest(), r.swing(), r.leaders())).toList(),
                leading,
                information.stream().map(v -> new Information(v.indicator(), v.couldChangeLeader(), v.largestSwing(), v.leaders())).toList()));
    }
}
