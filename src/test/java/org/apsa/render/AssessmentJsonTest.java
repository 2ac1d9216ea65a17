package org.apsa.render;

import org.apsa.fact.KnowledgeBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Evaluation;
import org.apsa.fact.Outlook;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.apsa.provenance.Provenance;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment JSON, written token by token, is byte for byte what serializing the
 * documented tree of keys with Jackson's ObjectMapper gives (the way it was written before),
 * on one line (as a string and as UTF-8) and indented; and the lines a batch writes, with the
 * texts that recur kept encoded, are the same bytes.
 */
class AssessmentJsonTest {

    /** Shared by the tests, so that its texts come from many assessments, some needing escapes. */
    private static final AssessmentJson.Lines LINES = new AssessmentJson.Lines();

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void sameBytesAsTheTreeForEveryShippedFactFile() throws IOException {
        List<FactSet> sets = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".schema.json")).sorted().toList()) {
                sets.add(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(f));
            }
        }
        assertThat(sets).hasSizeGreaterThan(5);
        sets.forEach(AssessmentJsonTest::assertSameAsTree);
    }

    /** The provenance of {@code assess --format json}: tool, version and rules right after the schema version, and no time. */
    @Test
    void theProvenanceComesAfterTheSchemaVersionWithoutItsTime() throws IOException {
        Assessment a = ShippedRules.assessor().assess(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json")));
        Provenance provenance = new Provenance("9.8.7", "my rules", "ab".repeat(32), java.time.Instant.parse("2026-12-07T12:00:00Z"));
        Map<String, Object> expected = new LinkedHashMap<>();
        tree(a).forEach((key, value) -> {
            expected.put(key, value);
            if (key.equals("schemaVersion")) {
                Map<String, Object> made = new LinkedHashMap<>();
                made.put("tool", "apsa");
                made.put("version", "9.8.7");
                made.put("rules", "my rules");
                made.put("rulesFingerprint", "ab".repeat(32));
                expected.put("provenance", made);
            }
        });

        assertThat(AssessmentJson.pretty(a, provenance)).isEqualTo(PRETTY.writeValueAsString(expected) + "\n");
    }

    @Test
    void sameBytesAsTheTreeForGeneratedFactSets() {
        Random random = new Random(7);
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        for (int i = 1; i <= 200; i++) {
            assertSameAsTree(reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
        }
    }

    @Test
    void sameBytesAsTheTreeWithTextThatNeedsEscaping() {
        FactSet odd = new FactSet("odd-1", "A \"quoted\" title \\ with\ttabs, é and \u2028", "described", "2015-06-30",
                Map.of("us.reassurance.consistency", new Reading("low", 0.55, "note with \"quotes\", \u0001 and a\nnew line"),
                        "usChina.militaryExchanges", new Reading("high", 1.0, "ünïcode ✓")), KnowledgeBase.embedded().vocabulary());
        assertSameAsTree(odd);
        assertSameAsTree(FactSet.empty("nothing-known", KnowledgeBase.embedded().vocabulary()));
    }

    @Test
    void batchLinesKeepTheRecurringTextsOnceAndNoMoreThanTheirCapacity() throws IOException {
        Random random = new Random(11);
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        AssessmentJson.Lines lines = new AssessmentJson.Lines();
        AssessmentJson.Lines small = new AssessmentJson.Lines(25, Detail.FULL);
        for (int i = 1; i <= 300; i++) {
            Assessment a = ShippedRules.assessor().assess(reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
            byte[] expected = COMPACT.writeValueAsBytes(tree(a));
            assertThat(lines.utf8(a)).isEqualTo(expected);
            assertThat(small.utf8(a)).isEqualTo(expected);
        }
        // Scores and figures are not kept, so the texts stop growing with the fact sets: the
        // shipped rules and vocabulary make well under a thousand.
        int kept = lines.size();
        assertThat(kept).isBetween(100, 1_000);
        for (int i = 301; i <= 400; i++) {
            lines.utf8(ShippedRules.assessor().assess(reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet()));
        }
        assertThat(lines.size()).isLessThan(kept + 20);
        assertThat(small.size()).isEqualTo(25);
    }

    @Test
    void nullsAndOddTextsComeOutTheSameInBatchLines() throws IOException {
        String emoji = "grinning \uD83D\uDE00 and \uD835\uDD38";
        String lone = "a lone \uD800 surrogate";
        String odd = "a \"quoted\" \\ tab\t, \u00e9, \u2028 and \u0001";
        String tooLong = "x".repeat(AssessmentJson.Lines.LONGEST + 1);
        List<ScenarioScore> scores = List.of(new ScenarioScore("deep-integration", 1.0, 0.4, "unlikely", 1),
                new ScenarioScore("shared-dominance", 0.0, 0.2, "unlikely", 2), new ScenarioScore("polarization", 0.0, 0.2, "unlikely", 3),
                new ScenarioScore("chaos", 0.0, 0.2, "unlikely", 4));
        List<Evaluation> evaluation = List.of(new Evaluation("deep-integration", "stability", emoji, null),
                new Evaluation("deep-integration", odd, lone, "7"));
        List<JudgmentResult> judgments = List.of(new JudgmentResult("j." + emoji, 0.5, List.of()),
                new JudgmentResult("j2", 1.0, List.of(odd, emoji)));
        List<PrescriptionResult> prescriptions = List.of(new PrescriptionResult("p1", null, null, tooLong, "x.y", "high", false, 0.1, null),
                new PrescriptionResult("p2", "us", "9", emoji, "i", "t", true, null, "r"));
        List<TraceNode> trace = List.of(new TraceNode("judgment", "j." + emoji, odd, emoji, null, null, 0.5, lone,
                List.of(new TraceNode("indicator", lone, null, null, null, null, 1.0, null, List.of()))));
        Assessment a = new Assessment(new FactSet("synthetic", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary()), Assessment.ASSESSED, "deep-integration",
                scores, 1.0, judgments, evaluation, prescriptions, trace, 3, Map.of(), Map.of(), KnowledgeBase.embedded());

        // Null texts are written as null where the format has the key, as the tree has them.
        assertThat(COMPACT.writeValueAsString(tree(a))).contains("\"source\":null");
        byte[] expected = COMPACT.writeValueAsBytes(tree(a));
        AssessmentJson.Lines lines = new AssessmentJson.Lines();
        assertThat(lines.utf8(a)).isEqualTo(expected);
        assertThat(lines.utf8(a)).isEqualTo(expected);
    }

    private static void assertSameAsTree(FactSet facts) {
        Assessment a = ShippedRules.assessor().assess(facts);
        try {
            byte[] expected = COMPACT.writeValueAsBytes(tree(a));
            // Twice: the first time encodes the texts, the second copies them.
            assertThat(LINES.utf8(a)).isEqualTo(expected);
            assertThat(LINES.utf8(a)).isEqualTo(expected);
            assertThat(new AssessmentJson.Lines(0, Detail.FULL).utf8(a)).as("no text kept").isEqualTo(expected);
            assertThat(AssessmentJson.pretty(a, null)).isEqualTo(PRETTY.writeValueAsString(tree(a)) + "\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The tree of keys as the format documents it, built with maps. */
    private static Map<String, Object> tree(Assessment a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SchemaVersion.CURRENT);
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
            put(m, "title", org.apsa.fact.KnowledgeBase.embedded().outlook(s.scenario()).map(Outlook::title).orElse(null));
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
        root.put("trace", a.trace().stream().map(AssessmentJsonTest::node).toList());
        root.put("firings", a.firings());
        return root;
    }

    /**
     * A lean line is the full tree without the proof trees, the evaluation, and what a
     * prescription's id names; a line of scores keeps what comes before the evaluation.
     */
    @Test
    void leanAndScoresLinesAreTheFullTreeWithTheirKeysLeftOut() throws IOException {
        Random random = new Random(13);
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        AssessmentJson.Lines lean = new AssessmentJson.Lines(Detail.LEAN);
        AssessmentJson.Lines scores = new AssessmentJson.Lines(Detail.SCORES);
        for (int i = 1; i <= 50; i++) {
            Assessment a = ShippedRules.assessor().assess(reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
            Map<String, Object> leanTree = tree(a);
            leanTree.remove("trace");
            leanTree.remove("evaluation");
            for (Object p : (List<?>) leanTree.get("prescriptions")) {
                ((Map<?, ?>) p).keySet().retainAll(List.of("id", "met", "gain"));
            }
            assertThat(new String(lean.utf8(a), StandardCharsets.UTF_8)).isEqualTo(COMPACT.writeValueAsString(leanTree));
            Map<String, Object> scoresTree = tree(a);
            scoresTree.keySet().retainAll(List.of("schemaVersion", "factSet", "status", "leading", "evidence", "scenarios"));
            assertThat(new String(scores.utf8(a), StandardCharsets.UTF_8)).isEqualTo(COMPACT.writeValueAsString(scoresTree));
        }
    }

    private static Map<String, Object> node(TraceNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.kind());
        m.put("conclusion", n.conclusion());
        put(m, "rule", n.rule());
        put(m, "title", n.title());
        put(m, "source", n.source());
        put(m, "weight", n.weight());
        put(m, "confidence", n.confidence());
        put(m, "note", n.note());
        m.put("because", n.because().stream().map(AssessmentJsonTest::node).toList());
        return m;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

}
