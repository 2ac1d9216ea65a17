package org.apsa.report;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.Outlook;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.apsa.fact.PlainText.count;

/**
 * What the reports keep of one assessment: a few hundred bytes instead of the assessment
 * with its proof trees. Made on the thread that assessed, so the rest of the batch never
 * holds an assessment.
 *
 * @param number      the fact set's position in the batch, from 1
 * @param scores      the scores, in the knowledge base's order of outlooks
 * @param likelihoods the ICD 203 term of each score, in {@link Outlook} order
 * @param topUnmet    the unmet prescription whose meeting would raise the best outlook most; null when none
 * @param levels      the rank of each indicator's level, in vocabulary order; -1 when unknown
 * @param brief       the leader's explanation in a few lines: its strongest pieces of evidence and what they rest on
 */
public record Row(long number, String id, String title, String asOf, String status, String leading, double[] scores,
                  String[] likelihoods, PrescriptionResult topUnmet, byte[] levels, List<String> brief, KnowledgeBase knowledgeBase) {

    /** Pieces of evidence the brief explanation names. */
    static final int BRIEF_REASONS = 3;

    /** @param withBrief whether to read the brief explanation; only the Markdown and HTML reports show it */
    public static Row of(long number, Assessment a, boolean withBrief) {
        KnowledgeBase kb = a.knowledgeBase();
        double[] scores = new double[kb.outlooks().size()];
        String[] likelihoods = new String[scores.length];
        for (ScenarioScore s : a.scenarios()) {
            int i = kb.outlook(s.scenario()).orElseThrow().ordinal();
            scores[i] = s.score();
            likelihoods[i] = s.likelihood();
        }
        PrescriptionResult top = a.prescriptions().stream().filter(p -> !p.met()).findFirst().orElse(null);
        List<IndicatorDef> defs = kb.vocabulary().indicators();
        byte[] levels = new byte[defs.size()];
        for (int i = 0; i < defs.size(); i++) {
            Reading r = a.factSet().indicators().get(defs.get(i).id());
            levels[i] = (byte) (r == null ? -1 : defs.get(i).scale().rank(r.level()));
        }
        return new Row(number, a.factSet().id(), a.factSet().title(), a.factSet().asOf(), a.status(), a.leading(),
                scores, likelihoods, top, levels, withBrief ? brief(a) : List.of(), kb);
    }

    public double score(Outlook outlook) {
        return scores[outlook.ordinal()];
    }

    public String likelihood(Outlook outlook) {
        return likelihoods[outlook.ordinal()];
    }

    /** The level of an indicator, or null when the fact set leaves it unknown. */
    public String level(int indicator) {
        return levels[indicator] < 0 ? null : knowledgeBase.vocabulary().indicators().get(indicator).scale().levels().get(levels[indicator]);
    }

    /**
     * The strongest pieces of evidence about the leader, for or against, each with the rule's
     * title and paragraph and the indicators it rests on, read from the assessment's trace.
     */
    static List<String> brief(Assessment a) {
        // Without a leader, the outlook ranked first and what little stands behind it.
        String first = a.leading() != null ? a.leading() : a.scenarios().get(0).scenario();
        TraceNode leader = a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(first + ":"))
                .findFirst().orElse(null);
        List<String> lines = new ArrayList<>();
        if (a.leading() == null) {
            lines.add(String.format(Locale.ROOT, "Too little evidence to name a leader (total evidence %.2f)%s", a.evidence(),
                    leader == null || leader.because().isEmpty() ? "." : "; ranked first: " + a.title(first) + "."));
        }
        if (leader == null) {
            return List.copyOf(lines);
        }
        int header = lines.size();
        for (TraceNode support : leader.because()) {
            if (lines.size() - header == BRIEF_REASONS) {
                break;
            }
            Set<String> indicators = new LinkedHashSet<>();
            leaves(support, indicators);
            double contribution = support.weight() == null ? 0 : support.weight() * (support.confidence() == null ? 1 : support.confidence());
            lines.add(String.format(Locale.ROOT, "%s %+.2f: %s%s%s", contribution >= 0 ? "for" : "against", contribution,
                    support.title() != null ? support.title() : support.rule(),
                    support.source() == null ? "" : " (¶" + support.source() + ")",
                    indicators.isEmpty() ? "" : "; from " + String.join(", ", indicators)));
        }
        int more = leader.because().size() - (lines.size() - header);
        if (more > 0) {
            lines.add("and " + count(more, "smaller piece") + " of evidence");
        }
        return List.copyOf(lines);
    }

    private static void leaves(TraceNode node, Set<String> out) {
        if (node.kind().equals("indicator")) {
            out.add(node.conclusion());
        }
        for (TraceNode child : node.because()) {
            leaves(child, out);
        }
    }
}
