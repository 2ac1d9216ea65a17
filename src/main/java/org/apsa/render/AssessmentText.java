package org.apsa.render;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Evaluation;
import org.apsa.engine.Recommendation;
import org.apsa.engine.ScenarioScore;

import java.util.List;
import java.util.Locale;

/** The assessment as a short summary for a terminal: ranked outlooks first, then why and what to do. */
public final class AssessmentText {

    private AssessmentText() {
    }

    public static String render(Assessment a, Style style) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold(a.factSet().id()));
        if (a.factSet().title() != null) {
            out.append("  ").append(Literal.oneLine(a.factSet().title()));
        }
        if (a.factSet().asOf() != null) {
            out.append("  (as of ").append(a.factSet().asOf()).append(')');
        }
        out.append("\n\n");
        outlooks(a, style, out);
        evaluation(a, style, out);
        judgments(a, style, out);
        prescriptions(a, style, out);
        return out.toString();
    }

    private static void outlooks(Assessment a, Style style, StringBuilder out) {
        out.append(String.format(Locale.ROOT, "  %-2s %-32s %6s  %s%n", "#", "Outlook", "Score", "Likelihood"));
        for (ScenarioScore s : a.scenarios()) {
            String title = a.title(s.scenario());
            boolean leads = s.scenario().equals(a.leading());
            String rank = s.shownRank(a.scenarios());
            String line = String.format(Locale.ROOT, "  %-2s %-32s %6.2f  %-21s", rank, title, s.score(), s.likelihood());
            // A tie at the top names the more desirable outlook, as the ranks order it; say so.
            out.append(leads ? style.bold(line) + style.accent(rank.startsWith("=") ? "leading (tied; the more desirable, ¶7)" : "leading")
                    : line.stripTrailing()).append('\n');
        }
        if (Assessment.INSUFFICIENT_EVIDENCE.equals(a.status())) {
            out.append('\n').append(style.warn(String.format(Locale.ROOT,
                    "Insufficient evidence to name a leading outlook (evidence %.2f).", a.evidence())))
                    .append("\nThe scores above rest on too little; state more indicators to assess.\n");
        } else {
            out.append(String.format(Locale.ROOT, "%n  Evidence weighed: %.2f%n", a.evidence()));
        }
    }

    private static void evaluation(Assessment a, Style style, StringBuilder out) {
        if (a.evaluation().isEmpty()) {
            return;
        }
        String title = a.title(a.leading());
        out.append('\n').append(style.bold("What the article says of " + title)).append('\n');
        for (Evaluation e : a.evaluation()) {
            out.append(String.format(Locale.ROOT, "  %-14s %s (¶%s)%n", e.aspect(), e.text(), e.source()));
        }
    }

    private static void judgments(Assessment a, Style style, StringBuilder out) {
        out.append('\n').append(style.bold("Judgments (" + a.judgments().size() + ")")).append('\n');
        if (a.judgments().isEmpty()) {
            out.append("  none\n");
        }
        for (JudgmentResult j : a.judgments()) {
            out.append(String.format(Locale.ROOT, "  %-40s %.2f  %s%n", j.id(), j.confidence(), String.join("; ", j.rules())));
        }
    }

    private static void prescriptions(Assessment a, Style style, StringBuilder out) {
        List<PrescriptionResult> unmet = a.prescriptions().stream().filter(p -> !p.met()).toList();
        long met = a.prescriptions().size() - unmet.size();
        out.append('\n').append(style.bold(String.format(Locale.ROOT, "Prescriptions: %d of %d met", met, a.prescriptions().size())))
                .append('\n');
        if (!unmet.isEmpty()) {
            out.append("  Unmet, by what meeting each would add to " + a.knowledgeBase().best().title() + ":\n");
            // The actors' column is as wide as the longest actor the knowledge base addresses.
            int actorWidth = a.knowledgeBase().actorIds().stream().mapToInt(String::length).max().orElse(1);
            for (PrescriptionResult p : unmet) {
                out.append(String.format(Locale.ROOT, "  %+7.3f  %-" + actorWidth + "s ¶%-3s %s (%s -> %s)%n",
                        p.gain() == null ? 0.0 : p.gain(), p.actor(), p.source(), p.text(), p.indicator(), p.target()));
            }
        }
    }
}
