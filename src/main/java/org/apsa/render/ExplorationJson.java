package org.apsa.render;

import org.apsa.engine.Scoring;
import org.apsa.explore.Exploration;
import org.apsa.explore.SamplingModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An exploration as JSON, keys in a fixed order (docs/explore.md describes each). */
public final class ExplorationJson {

    private static final String STATED = "keeps its level with probability equal to its confidence, otherwise moves to another level, "
            + "each level weighing half as much as the one a step nearer the stated level";

    private record Top(String schemaVersion, FactSet factSet, int samples, long seed, String vary, Model samplingModel,
                       String assessedLeader, List<Lead> leaders, List<Scores> scores, int totalEffectSamples,
                       List<Exploration.Sensitivity> sensitivity, int keptSamples, List<Boxes> boxes, int replayedSamples,
                       List<Rule> firedRules) {
    }

    private record FactSet(String id, String title, String asOf) {
    }

    private record Model(String design, String stated, String unknown, double confidenceInSample, List<Dimension> varied) {
    }

    private record Dimension(String indicator, String stated, Double confidence, Map<String, Double> probabilities) {
    }

    private record Lead(String id, long count, double share, double low, double high, String likelihood) {
    }

    private record Scores(String id, double mean, double p05, double p50, double p95, int[] histogram) {
    }

    private record Boxes(String id, long leads, List<Box> boxes) {
    }

    private record Box(List<Condition> conditions, double density, double coverage, int samples, int leads, int replayed,
                       List<BoxRule> rules) {
    }

    private record Condition(String indicator, List<String> levels) {
    }

    private record BoxRule(String rule, String title, String source, double inBox, double overall) {
    }

    private record Rule(String rule, String title, String source, double share) {
    }

    private ExplorationJson() {
    }

    public static String render(Exploration e) {
        return Json.pretty(new Top(SchemaVersion.CURRENT, new FactSet(e.factSetId(), e.title(), e.asOf()), e.settings().samples(),
                e.settings().seed(), e.settings().vary().describe(e.knowledgeBase().vocabulary()),
                new Model(e.design(), STATED, "each level with equal probability", 1.0,
                        e.dimensions().stream().map(ExplorationJson::dimension).toList()),
                e.assessedLeader(),
                e.leaders().stream().map(l -> new Lead(l.id(), l.count(), l.share(), Scoring.round(l.low()), Scoring.round(l.high()),
                        l.id().equals(Exploration.NO_LEADER) ? null : l.likelihood())).toList(),
                e.scores().stream().map(s -> new Scores(s.outlook(), s.mean(), s.p05(), s.p50(), s.p95(), s.histogram())).toList(),
                e.totalEffectSamples(),
                e.sensitivity(),
                e.keptSamples(),
                e.boxes().stream().map(b -> new Boxes(b.outlook(), b.leads(), b.boxes().stream().map(ExplorationJson::box).toList())).toList(),
                e.replayed(),
                e.firedRules().stream().map(r -> new Rule(r.name(), r.title(), r.source(), r.overall())).toList()));
    }

    private static Dimension dimension(SamplingModel.Dimension d) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int l = 0; l < d.levels().size(); l++) {
            p.put(d.levels().get(l), Scoring.round(d.probabilities()[l]));
        }
        return new Dimension(d.id(), d.stated(), d.stated() == null ? null : d.confidence(), p);
    }

    private static Box box(Exploration.Box box) {
        return new Box(box.conditions().stream().map(c -> new Condition(c.indicator(), c.levels())).toList(), box.density(),
                box.coverage(), box.samples(), box.leads(), box.replayed(),
                box.rules().stream().map(r -> new BoxRule(r.name(), r.title(), r.source(), r.inBox(), r.overall())).toList());
    }
}
