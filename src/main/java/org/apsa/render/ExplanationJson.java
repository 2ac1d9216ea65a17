package org.apsa.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.explain.Change;
import org.apsa.explain.JudgmentQuery;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proof trees, what {@code explain} says of a judgment, why-not and sensitivity as JSON, keys in a fixed order. */
public final class ExplanationJson {

    /** Proof-tree nodes are written by {@link AssessmentJson}, so a node reads the same in both. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(TraceNode.class, new StdSerializer<>(TraceNode.class) {
                @Override
                public void serialize(TraceNode node, JsonGenerator json, SerializerProvider provider) throws IOException {
                    AssessmentJson.node(json, node);
                }
            }));

    private ExplanationJson() {
    }

    public static String trace(List<TraceNode> roots) {
        Map<String, Object> m = versioned();
        m.put("trace", roots);
        return write(m);
    }

    /**
     * What {@code explain} says of an id asked about as a judgment. Every answer has a
     * {@code trace} (empty unless the judgment holds), so a reader of proof trees needs no other
     * case; {@code holds} says whether it holds, or {@code indicator} that the id is an indicator's.
     */
    public static String judgment(JudgmentQuery.Answer answer) {
        Map<String, Object> m = versioned();
        if (answer instanceof JudgmentQuery.IsIndicator i) {
            m.put("indicator", i.id());
            m.put("factSet", i.factSet());
            m.put("level", i.reading() == null ? null : i.reading().level());
            m.put("confidence", i.reading() == null ? null : i.reading().confidence());
            m.put("note", i.reading() == null ? null : i.reading().note());
            m.put("trace", List.of());
            return write(m);
        }
        m.put("judgment", answer.id());
        if (answer instanceof JudgmentQuery.Holds h) {
            m.put("holds", true);
            m.put("trace", h.trees());
            return write(m);
        }
        JudgmentQuery.DoesNotHold d = (JudgmentQuery.DoesNotHold) answer;
        m.put("factSet", d.factSet());
        m.put("holds", false);
        m.put("trace", List.of());
        m.put("drawnBy", d.drawnBy().stream().map(drawer -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("rule", drawer.rule().name());
            dm.put("title", drawer.rule().title());
            dm.put("source", drawer.rule().source());
            dm.put("file", drawer.rule().file());
            dm.put("line", drawer.rule().line());
            dm.put("conditions", drawer.conditions());
            dm.put("indicators", drawer.indicators().entrySet().stream().map(e -> {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("id", e.getKey());
                im.put("level", e.getValue() == null ? null : e.getValue().level());
                im.put("confidence", e.getValue() == null ? null : e.getValue().confidence());
                return im;
            }).toList());
            dm.put("judgments", drawer.judgments().entrySet().stream().map(e -> {
                Map<String, Object> jm = new LinkedHashMap<>();
                jm.put("id", e.getKey());
                jm.put("holds", e.getValue());
                return jm;
            }).toList());
            return dm;
        }).toList());
        m.put("drawnByComplete", d.complete());
        return write(m);
    }

    public static String whyNot(WhyNot.Result r) {
        Map<String, Object> m = versioned();
        m.put("scenario", r.scenario());
        m.put("score", r.current().score());
        m.put("rank", r.current().rank());
        m.put("leading", r.leading());
        Map<String, Object> insufficient = null;
        if (r.insufficient() != null) {
            insufficient = new LinkedHashMap<>();
            insufficient.put("evidence", round(r.insufficient().evidence()));
            insufficient.put("needed", r.insufficient().threshold());
        }
        m.put("insufficientEvidence", insufficient);
        m.put("ranksFirst", r.ranksFirst());
        m.put("alreadyLeading", r.alreadyLeading());
        m.put("against", r.against());
        m.put("leaderSupport", r.leaderSupport());
        m.put("putsFirstFound", r.putsFirstFound());
        m.put("putsFirst", r.putsFirst().stream().map(c -> candidate(r, c)).toList());
        m.put("searched", r.searched());
        m.put("found", r.found());
        m.put("changes", r.changes().stream().map(c -> candidate(r, c)).toList());
        return write(m);
    }

    private static Map<String, Object> candidate(WhyNot.Result r, WhyNot.Candidate c) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("changes", c.changes().stream().map(ch -> {
            Map<String, Object> m = change(ch);
            m.put("addsEvidenceOnly", c.evidenceOnly().contains(ch));
            return m;
        }).toList());
        cm.put("scores", c.scores().stream().map(ExplanationJson::score).toList());
        cm.put("addsEvidence", r.addsEvidence(c));
        return cm;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** @param leading the leading outlook now; null when none leads */
    public static String sensitivity(String leading, List<Sensitivity.Row> rows, List<Sensitivity.InformationValue> information) {
        Map<String, Object> m = versioned();
        m.put("sensitivity", rows.stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("indicator", r.indicator());
            rm.put("current", r.current());
            rm.put("confidence", r.confidence());
            rm.put("largest", r.largest());
            rm.put("swing", r.swing());
            rm.put("leaders", r.leaders());
            return rm;
        }).toList());
        m.put("leading", leading);
        m.put("valueOfInformation", information.stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("indicator", v.indicator());
            vm.put("couldChangeLeader", v.couldChangeLeader());
            vm.put("largestSwing", v.largestSwing());
            vm.put("leaders", v.leaders());
            return vm;
        }).toList());
        return write(m);
    }

    /** An output's top object, which opens with the format's version. */
    private static Map<String, Object> versioned() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SchemaVersion.KEY, SchemaVersion.CURRENT);
        return m;
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", c.indicator());
        m.put("from", c.from());
        m.put("to", c.to());
        return m;
    }

    private static Map<String, Object> score(ScenarioScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.scenario());
        m.put("score", s.score());
        m.put("likelihood", s.likelihood());
        m.put("rank", s.rank());
        return m;
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
