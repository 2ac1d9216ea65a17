package org.apsa.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.SamplingModel;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An exploration as JSON, keys in a fixed order (docs/explore.md describes each). */
public final class ExplorationJson {


    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplorationJson() {
    }

    public static String render(Exploration e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SchemaVersion.KEY, SchemaVersion.CURRENT);
        Map<String, Object> factSet = new LinkedHashMap<>();
        factSet.put("id", e.factSetId());
        factSet.put("title", e.title());
        factSet.put("asOf", e.asOf());
        m.put("factSet", factSet);
        m.put("samples", e.settings().samples());
        m.put("seed", e.settings().seed());
        m.put("vary", e.settings().vary().describe(e.knowledgeBase().vocabulary()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("design", e.design());
        model.put("stated", "keeps its level with probability equal to its confidence, otherwise moves to another level, "
                + "each level weighing half as much as the one a step nearer the stated level");
        model.put("unknown", "each level with equal probability");
        model.put("confidenceInSample", 1.0);
        List<Object> dims = new ArrayList<>();
        for (SamplingModel.Dimension d : e.dimensions()) {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("indicator", d.id());
            dim.put("stated", d.stated());
            dim.put("confidence", d.stated() == null ? null : d.confidence());
            Map<String, Object> p = new LinkedHashMap<>();
            for (int l = 0; l < d.levels().size(); l++) {
                p.put(d.levels().get(l), Explorer.round(d.probabilities()[l]));
            }
            dim.put("probabilities", p);
            dims.add(dim);
        }
        model.put("varied", dims);
        m.put("samplingModel", model);
        m.put("assessedLeader", e.assessedLeader());
        m.put("leaders", e.leaders().stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", l.id());
            x.put("count", l.count());
            x.put("share", l.share());
            x.put("low", Explorer.round(l.low()));
            x.put("high", Explorer.round(l.high()));
            x.put("likelihood", l.id().equals(Exploration.NO_LEADER) ? null : l.likelihood());
            return x;
        }).toList());
        m.put("scores", e.scores().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.outlook());
            x.put("mean", s.mean());
            x.put("p05", s.p05());
            x.put("p50", s.p50());
            x.put("p95", s.p95());
            x.put("histogram", s.histogram());
            return x;
        }).toList());
        m.put("totalEffectSamples", e.totalEffectSamples());
        m.put("sensitivity", e.sensitivity().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("indicator", s.indicator());
            x.put("firstOrder", s.firstOrder());
            x.put("total", s.total());
            x.put("largest", s.largest());
            return x;
        }).toList());
        m.put("keptSamples", e.keptSamples());
        m.put("boxes", e.boxes().stream().map(b -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", b.outlook());
            x.put("leads", b.leads());
            x.put("boxes", b.boxes().stream().map(ExplorationJson::box).toList());
            return x;
        }).toList());
        m.put("replayedSamples", e.replayed());
        m.put("firedRules", e.firedRules().stream().map(r -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("rule", r.name());
            y.put("title", r.title());
            y.put("source", r.source());
            y.put("share", r.overall());
            return y;
        }).toList());
        return write(m);
    }

    private static Map<String, Object> box(Exploration.Box box) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("conditions", box.conditions().stream().map(c -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("indicator", c.indicator());
            y.put("levels", c.levels());
            return y;
        }).toList());
        x.put("density", box.density());
        x.put("coverage", box.coverage());
        x.put("samples", box.samples());
        x.put("leads", box.leads());
        x.put("replayed", box.replayed());
        x.put("rules", box.rules().stream().map(r -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("rule", r.name());
            y.put("title", r.title());
            y.put("source", r.source());
            y.put("inBox", r.inBox());
            y.put("overall", r.overall());
            return y;
        }).toList());
        return x;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
