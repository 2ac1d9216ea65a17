package org.apsa.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Evaluation;
import org.apsa.engine.Outlook;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable assessment (knowledge model §5). Keys come in a fixed order and
 * absent values are left out, so the same assessment always gives the same bytes.
 */
public final class AssessmentJson {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private AssessmentJson() {
    }

    /** Indented, for one assessment on screen or in a file. */
    public static String pretty(Assessment a) {
        return write(PRETTY, tree(a)) + "\n";
    }

    /** One line, for {@code .jsonl} output. */
    public static String line(Assessment a) {
        return write(COMPACT, tree(a));
    }

    public static Map<String, Object> tree(Assessment a) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> factSet = new LinkedHashMap<>();
        put(factSet, "id", a.factSet().id());
        put(factSet, "title", a.factSet().title());
        put(factSet, "asOf", a.factSet().asOf());
        root.put("factSet", factSet);
        root.put("status", a.status());
        root.put("leading", a.leading());
        root.put("evidence", a.evidence());
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioScore s : a.scenarios()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.scenario());
            put(m, "title", Outlook.find(s.scenario()).map(Outlook::title).orElse(null));
            m.put("score", s.score());
            m.put("likelihood", s.likelihood());
            m.put("rank", s.rank());
            m.put("net", s.net());
            scenarios.add(m);
        }
        root.put("scenarios", scenarios);
        List<Object> evaluation = new ArrayList<>();
        for (Evaluation e : a.evaluation()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", e.scenario());
            m.put("aspect", e.aspect());
            m.put("text", e.text());
            m.put("source", e.source());
            evaluation.add(m);
        }
        root.put("evaluation", evaluation);
        List<Object> judgments = new ArrayList<>();
        for (JudgmentResult j : a.judgments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", j.id());
            m.put("rule", j.rules().isEmpty() ? null : j.rules().get(0));
            m.put("rules", j.rules());
            m.put("confidence", j.confidence());
            judgments.add(m);
        }
        root.put("judgments", judgments);
        List<Object> prescriptions = new ArrayList<>();
        for (PrescriptionResult p : a.prescriptions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("actor", p.actor());
            m.put("source", p.source());
            m.put("text", p.text());
            m.put("indicator", p.indicator());
            m.put("target", p.target());
            m.put("met", p.met());
            m.put("gain", p.gain());
            prescriptions.add(m);
        }
        root.put("prescriptions", prescriptions);
        root.put("trace", a.trace().stream().map(AssessmentJson::node).toList());
        root.put("firings", a.firings());
        return root;
    }

    static Map<String, Object> node(TraceNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.kind());
        m.put("conclusion", n.conclusion());
        put(m, "rule", n.rule());
        put(m, "title", n.title());
        put(m, "source", n.source());
        put(m, "weight", n.weight());
        put(m, "confidence", n.confidence());
        put(m, "note", n.note());
        m.put("because", n.because().stream().map(AssessmentJson::node).toList());
        return m;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String write(ObjectMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
