package org.apsa.render;

import org.apsa.fact.Outlook;
import org.apsa.explore.Exploration;

import java.util.Locale;

/** An exploration as a Markdown section for notes and reports. */
public final class ExplorationMarkdown {

    private ExplorationMarkdown() {
    }

    public static String render(Exploration e) {
        StringBuilder out = new StringBuilder();
        out.append("## Exploration of ").append(Literal.markdown(e.factSetId()))
                .append(e.title() == null ? "" : ": " + Literal.markdown(e.title())).append("\n\n");
        out.append(Literal.markdown(ExplorationText.settings(e))).append(". ").append(ExplorationText.asStated(e)).append("\n\n");

        out.append("### Who leads\n\n| outlook | share | 95% interval | likelihood |\n|---|---:|---:|---|\n");
        for (Exploration.Lead l : e.leaders()) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% - %.1f%% | %s |%n", ExplorationText.leaderTitle(e, l.id()),
                    100 * l.share(), 100 * l.low(), 100 * l.high(), l.id().equals(Exploration.NO_LEADER) ? "" : l.likelihood()));
        }

        out.append("\n### Scores\n\n| outlook | mean | 5% | median | 95% |\n|---|---:|---:|---:|---:|\n");
        for (Exploration.Scores s : e.scores()) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", e.knowledgeBase().outlookTitle(s.outlook()), s.mean(),
                    s.p05(), s.p50(), s.p95()));
        }

        if (!e.sensitivity().isEmpty()) {
            boolean totals = e.sensitivity().get(0).total() != null;
            out.append("\n### Sensitivity\n\nEach indicator's share of the variance of each score, first order")
                    .append(totals ? " (total)" : "").append(".\n\n| indicator |");
            for (Outlook o : e.knowledgeBase().outlooks()) {
                out.append(' ').append(o.id()).append(" |");
            }
            out.append("\n|---|").append("---:|".repeat(e.knowledgeBase().outlooks().size())).append('\n');
            for (Exploration.Sensitivity s : e.sensitivity()) {
                out.append("| `").append(s.indicator()).append("` |");
                for (Outlook o : e.knowledgeBase().outlooks()) {
                    out.append(String.format(Locale.ROOT, " %.2f", s.firstOrder().get(o.id())))
                            .append(totals ? String.format(Locale.ROOT, " (%.2f)", s.total().get(o.id())) : "").append(" |");
                }
                out.append('\n');
            }
        }

        out.append("\n### Where each outlook leads\n\nPRIM boxes over the first ")
                .append(String.format(Locale.ROOT, "%,d", e.keptSamples())).append(" samples; each box counts the samples no box above it holds.\n\n");
        for (Exploration.Boxes b : e.boxes()) {
            out.append("- **").append(ExplorationText.leaderTitle(e, b.outlook())).append("**");
            if (b.boxes().isEmpty()) {
                out.append(": ").append(ExplorationText.noBox(b)).append('\n');
                continue;
            }
            out.append('\n');
            for (Exploration.Box box : b.boxes()) {
                out.append(String.format(Locale.ROOT, "  - %s %.0f%% of samples where %s (coverage %.0f%%, %,d samples)%n",
                        b.outlook().equals(Exploration.NO_LEADER) ? "in" : "leads in", 100 * box.density(), box.conditions().stream().map(c -> "`" + c.indicator() + "` " + Literal.markdown(c.text()))
                                .collect(java.util.stream.Collectors.joining(" and ")), 100 * box.coverage(), box.samples()));
                for (Exploration.FiringRule r : box.rules()) {
                    out.append(String.format(Locale.ROOT, "    - %s (¶%s): fires in %.0f%% of the box, %.0f%% of all samples%n",
                            Literal.markdown(r.name()), r.source() == null ? "?" : r.source(), 100 * r.inBox(), 100 * r.overall()));
                }
            }
        }
        return out.toString();
    }
}
