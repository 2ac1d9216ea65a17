package org.apsa.report;

import org.apsa.fact.Outlook;
import org.apsa.render.Literal;
import org.apsa.report.Shared.Section;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apsa.fact.PlainText.capitalized;
import static org.apsa.fact.PlainText.count;
import static org.apsa.report.Shared.outlookTitle;
import static org.apsa.report.Shared.score;

/**
 * {@code report.md}: the batch for people, in Markdown. Contents, overview, timeline (a table
 * and a text sparkline per outlook), comparison of fact sets that share a date, the table of
 * fact sets, and the leader's explanation in brief for each listed fact set.
 */
public final class MarkdownReport {

    /** The first line of every Markdown report. */
    public static final String FIRST_LINE = "# " + Shared.TITLE;

    /** The outlooks' abbreviations as table headings: {@code  DI | SD |}. */
    private static String columns(ReportData data) {
        StringBuilder out = new StringBuilder();
        data.knowledgeBase().outlooks().forEach(o -> out.append(' ').append(o.abbreviation()).append(" |"));
        return out.toString();
    }

    /** What the headings stand for: abbreviation and title of each outlook, {@code SM shared management, ...}. */
    private static String abbreviations(ReportData data) {
        return String.join(", ", data.knowledgeBase().outlooks().stream().map(o -> o.abbreviation() + " " + o.title()).toList()) + ".";
    }

    private MarkdownReport() {
    }

    public static String render(ReportData data) {
        StringBuilder out = new StringBuilder();
        out.append(FIRST_LINE).append("\n\n").append(Shared.counts(data)).append("\n\n");
        if (data.provenance() != null) {
            out.append(Literal.markdown(data.provenance().sentence())).append("\n\n");
        }
        List<Section> sections = Shared.sections(data);
        out.append("Contents:\n\n");
        for (Section s : sections) {
            out.append("- [").append(s.title).append("](#").append(s.anchor()).append(")\n");
        }
        out.append('\n');
        for (Section s : sections) {
            out.append("## ").append(s.title).append("\n\n");
            switch (s) {
                case OVERVIEW -> overview(data, out);
                case TIMELINE -> timeline(data, out);
                case COMPARISON -> comparison(data, out);
                case FACT_SETS -> factSets(data, out);
                case BRIEFS -> explanations(data, out);
            }
        }
        return out.toString();
    }

    private static void overview(ReportData data, StringBuilder out) {
        out.append("| Leading outlook | Fact sets | Share |\n|---|---:|---:|\n");
        for (Map.Entry<String, Long> e : data.byLeading().entrySet()) {
            out.append("| ").append(outlookTitle(data.knowledgeBase(), e.getKey())).append(" | ").append(e.getValue()).append(" | ")
                    .append(Shared.percent(e.getValue(), data.assessed())).append(" |\n");
        }
        out.append('\n').append(Shared.meanScores(data)).append("\n\n");
    }

    private static void factSets(ReportData data, StringBuilder out) {
        out.append("| # | Fact set | As of | Leading |").append(columns(data)).append(" Top unmet prescription | Gain |\n")
                .append("|---:|---|---|---|").append("---:|".repeat(data.knowledgeBase().outlooks().size())).append("---|---:|\n");
        for (Row r : data.listed()) {
            out.append("| ").append(r.number()).append(" | `").append(r.id()).append("` | ").append(r.asOf() == null ? "" : r.asOf())
                    .append(" | ").append(outlookTitle(data.knowledgeBase(), r.leading()));
            for (Outlook o : data.knowledgeBase().outlooks()) {
                out.append(" | ").append(score(r.score(o)));
            }
            out.append(" | ").append(r.topUnmet() == null ? "" : Literal.markdown(r.topUnmet().text()))
                    .append(" | ").append(r.topUnmet() == null ? "" : Shared.gain(r.topUnmet().gain())).append(" |\n");
        }
        out.append('\n').append(abbreviations(data));
        String note = Shared.listedNote(data);
        out.append(note.isEmpty() ? "" : " " + note).append("\n\n");
    }

    private static void timeline(ReportData data, StringBuilder out) {
        List<ReportData.Point> points = data.timeline();
        out.append("Mean score of each outlook by ").append(data.period())
                .append(" of `asOf` (fact sets without a date are left out).").append(Shared.timelineLeftOut(data)).append("\n\n");
        if (points.isEmpty()) {
            return;
        }
        Sparklines lines = Sparklines.of(points, data.period());
        out.append("From ").append(points.get(0).period()).append(" to ").append(points.get(points.size() - 1).period())
                .append(", one character per ").append(lines.step()).append(": the mean of the fact sets dated in it, or ").append(Sparklines.GAP)
                .append(" when there are none. Each line runs from its lowest mean (▁) to its highest (█), printed after it; one that moves less than ")
                .append(score(Sparklines.LEAST_RANGE)).append(" is drawn on ").append(score(Sparklines.LEAST_RANGE))
                .append(" about its middle, so that each of the 8 heights stands for at least ").append(score(Sparklines.LEAST_RANGE / 8))
                .append(" and noise is not drawn as a swing.\n\n```text\n");
        for (Outlook o : data.knowledgeBase().outlooks()) {
            out.append(String.format(Locale.ROOT, "%-31s %s  %s–%s\n", o.title(), lines.line(o), score(lines.lowest(o)), score(lines.highest(o))));
        }
        out.append("```\n\n| ").append(capitalized(data.period())).append(" | Fact sets |").append(columns(data)).append("\n|---|---:|")
                .append("---:|".repeat(data.knowledgeBase().outlooks().size())).append('\n');
        for (ReportData.Point p : points) {
            out.append("| ").append(p.period()).append(" | ").append(p.count());
            for (Outlook o : data.knowledgeBase().outlooks()) {
                out.append(" | ").append(score(p.means()[o.ordinal()]));
            }
            out.append(" |\n");
        }
        out.append('\n').append(abbreviations(data)).append("\n\n");
    }

    private static void comparison(ReportData data, StringBuilder out) {
        List<ReportData.SameDate> dates = data.sameDates();
        out.append("Fact sets that share an `asOf` date, side by side: the outcome, then each indicator they do not all state alike (— unknown).")
                .append(Shared.comparisonLeftOut(data)).append("\n\n");
        for (ReportData.SameDate d : dates) {
            List<Row> rows = d.rows();
            out.append("### ").append(d.date()).append(" (").append(count(d.count(), "fact set")).append(")\n\n| |");
            for (Row r : rows) {
                out.append(" `").append(r.id()).append("` |");
            }
            out.append("\n|---|");
            out.append("---|".repeat(rows.size()));
            out.append("\n| **leading** |");
            rows.forEach(r -> out.append(' ').append(outlookTitle(data.knowledgeBase(), r.leading())).append(" |"));
            for (Outlook o : data.knowledgeBase().outlooks()) {
                out.append("\n| ").append(o.title()).append(" |");
                rows.forEach(r -> out.append(' ').append(score(r.score(o))).append(" |"));
            }
            for (int i : d.differing()) {
                out.append("\n| `").append(Shared.indicatorId(data.knowledgeBase(), i)).append("` |");
                rows.forEach(r -> out.append(' ').append(r.level(i) == null ? "—" : r.level(i)).append(" |"));
            }
            out.append("\n\n").append(Shared.sameDateNote(d, id -> "`" + id + "`")).append("\n\n");
        }
    }

    private static void explanations(ReportData data, StringBuilder out) {
        for (Row r : data.listed()) {
            out.append("### ").append(Literal.markdown(r.title() != null ? r.title() : r.id())).append("\n\n`").append(r.id()).append('`');
            out.append(r.asOf() == null ? "" : ", as of " + r.asOf()).append(": ");
            Outlook leader = r.leading() == null ? null : data.knowledgeBase().outlook(r.leading()).orElseThrow();
            out.append(leader == null ? "no leader" : "**" + leader.title() + "** leads (" + score(r.score(leader)) + ", "
                    + r.likelihood(leader) + ")").append(".\n\n");
            for (String line : r.brief()) {
                out.append("- ").append(Literal.markdown(line)).append('\n');
            }
            out.append('\n');
        }
    }
}
