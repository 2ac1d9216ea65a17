package org.apsa.render;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Evaluation;
import org.apsa.engine.ScenarioScore;

import java.util.Locale;

/** The assessment as a Markdown section, for notes and reports. */
public final class AssessmentMarkdown {

    private AssessmentMarkdown() {
    }

    public static String render(Assessment a) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(Literal.markdown(a.factSet().title() != null ? a.factSet().title() : a.factSet().id())).append("\n\n");
        out.append("Fact set `").append(a.factSet().id()).append('`');
        if (a.factSet().asOf() != null) {
            out.append(", as of ").append(a.factSet().asOf());
        }
        out.append(". ");
        out.append(Assessment.ASSESSED.equals(a.status())
                ? "Leading outlook: **" + a.title(a.leading()) + "**."
                : String.format(Locale.ROOT, "**Insufficient evidence** to name a leading outlook (evidence %.2f).", a.evidence()));
        out.append("\n\n| # | Outlook | Score | Likelihood |\n|---|---|---:|---|\n");
        for (ScenarioScore s : a.scenarios()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s |\n", s.shownRank(a.scenarios()), a.title(s.scenario()), s.score(), s.likelihood()));
        }
        if (!a.evaluation().isEmpty()) {
            out.append("\n### What the article says of ").append(a.title(a.leading())).append("\n\n");
            for (Evaluation e : a.evaluation()) {
                out.append("- **").append(e.aspect()).append("**: ").append(Literal.markdown(e.text())).append(" (¶").append(e.source()).append(")\n");
            }
        }
        out.append("\n### Judgments\n\n");
        if (a.judgments().isEmpty()) {
            out.append("None.\n");
        }
        for (JudgmentResult j : a.judgments()) {
            out.append(String.format(Locale.ROOT, "- `%s` (confidence %.2f), by %s\n", j.id(), j.confidence(), Literal.markdown(String.join("; ", j.rules()))));
        }
        out.append("\n### Prescriptions\n\n| Met | Actor | ¶ | Prescription | Gain |\n|---|---|---|---|---:|\n");
        for (PrescriptionResult p : a.prescriptions()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |\n", p.met() ? "yes" : "no", p.actor(), p.source(),
                    Literal.markdown(p.text()), p.gain() == null ? "" : String.format(Locale.ROOT, "%+.3f", p.gain())));
        }
        return out.toString();
    }
}
