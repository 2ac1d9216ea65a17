package org.apsa.engine;

import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The result of assessing one fact set: everything the rules concluded, with the trace of
 * how. Immutable; renderers turn it into text, JSON and the rest.
 *
 * @param status    {@link #ASSESSED} or {@link #INSUFFICIENT_EVIDENCE}
 * @param leading   the leading outlook's id; null with insufficient evidence
 * @param evidence  the total weight of evidence (sum of |contribution|) behind the scores
 * @param firings   how many rule firings the assessment took
 * @param firedRules how often each rule fired, by rule name (what-if firings for gains excluded)
 * @param judgmentTrace the proof trees of each judgment that held, by judgment id
 * @param knowledgeBase the domain of the rules that assessed it: its outlooks' titles and order for the reports
 */
public record Assessment(FactSet factSet, String status, String leading, List<ScenarioScore> scenarios,
                         double evidence, List<JudgmentResult> judgments, List<Evaluation> evaluation,
                         List<PrescriptionResult> prescriptions, List<TraceNode> trace, int firings,
                         Map<String, Integer> firedRules, Map<String, List<TraceNode>> judgmentTrace,
                         KnowledgeBase knowledgeBase) {

    public static final String ASSESSED = "assessed";
    public static final String INSUFFICIENT_EVIDENCE = "insufficient-evidence";

    public Assessment {
        scenarios = List.copyOf(scenarios);
        judgments = List.copyOf(judgments);
        evaluation = List.copyOf(evaluation);
        prescriptions = List.copyOf(prescriptions);
        trace = List.copyOf(trace);
        firedRules = Collections.unmodifiableMap(new TreeMap<>(firedRules));
        judgmentTrace = Collections.unmodifiableMap(new TreeMap<>(judgmentTrace));
    }

    /** The title of an outlook of its knowledge base; its id when the knowledge base has no such outlook. */
    public String title(String outlook) {
        return knowledgeBase.outlookTitle(outlook);
    }

    public Optional<ScenarioScore> scenario(String id) {
        return scenarios.stream().filter(s -> s.scenario().equals(id)).findFirst();
    }

    public double score(String id) {
        return scenario(id).map(ScenarioScore::score).orElseThrow();
    }

    public boolean holds(String judgment) {
        return judgments.stream().anyMatch(j -> j.id().equals(judgment));
    }

    public Optional<PrescriptionResult> prescription(String id) {
        return prescriptions.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A judgment that held, with the rules that derived it. */
    public record JudgmentResult(String id, double confidence, List<String> rules) {
        public JudgmentResult {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One recommendation of the article and whether this fact set meets it.
     *
     * @param gain for an unmet one, how much meeting it would change the score of the
     *             knowledge base's best outlook (computed by re-assessing); null for a met one
     */
    public record PrescriptionResult(String id, String actor, String source, String text, String indicator,
                                     String target, boolean met, Double gain, String rule) {
    }
}
