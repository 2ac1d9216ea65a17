package org.apsa.batch;

import org.apsa.fact.KnowledgeBase;
import org.apsa.report.Shared;

import java.util.Locale;
import java.util.Map;

import static org.apsa.fact.PlainText.count;

/** The one-screen summary a batch prints at the end: counts by leading outlook, invalid inputs, time, files. */
public final class BatchSummaryText {

    private BatchSummaryText() {
    }

    /** The summary of a run, its outlooks titled as the knowledge base of the rules that assessed calls them. */
    public static String render(Batch.Summary s, KnowledgeBase knowledgeBase) {
        StringBuilder out = new StringBuilder();
        double seconds = s.elapsed().toNanos() / 1e9;
        out.append(String.format(Locale.ROOT, "Assessed %s from %s in %.1f s (%.0f per second).%n",
                count(s.assessed(), "fact set"), count(s.files(), "file"), seconds, seconds > 0 ? s.assessed() / seconds : 0.0));
        out.append("\nLeading outlook\n");
        for (Map.Entry<String, Long> e : s.byLeading().entrySet()) {
            out.append(String.format(Locale.ROOT, "  %-32s %8d  %4s%n", Shared.outlookTitle(knowledgeBase, e.getKey()), e.getValue(),
                    Shared.percent(e.getValue(), s.assessed())));
        }
        out.append('\n');
        if (s.invalidInputs() > 0) {
            out.append(String.format(Locale.ROOT, "Invalid inputs skipped: %d (%s), see %s%n", s.invalidInputs(),
                    count(s.problems(), "problem"), s.errors()));
        } else {
            out.append("Invalid inputs: none\n");
        }
        out.append("Written to ").append(s.out()).append(": ").append(String.join(", ", s.written())).append('\n');
        if (!s.removed().isEmpty()) {
            out.append("Removed from an earlier run: ").append(String.join(", ", s.removed())).append('\n');
        }
        if (!s.leftOver().isEmpty()) {
            out.append("Removed the temporary files of an interrupted run: ").append(String.join(", ", s.leftOver())).append('\n');
        }
        return out.toString();
    }
}
