package org.apsa.render;

import org.apsa.engine.Outlook;
import org.apsa.explore.Exploration;

import java.util.List;
import java.util.Locale;

/**
 * An exploration as one self-contained HTML page: no script, no file or address outside it;
 * the charts are inline SVG (leader shares with their intervals, score distributions, the
 * sensitivity ranking, PRIM's boxes) with the figures in tables beside them.
 */
public final class ExplorationHtml {

    private static final String[] COLOURS = {"#1b7837", "#7b3294", "#d6604d", "#4d4d4d", "#bababa"};
    private static final int SENSITIVITY_BARS = 15;

    private ExplorationHtml() {
    }

    public static String render(Exploration e) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>Exploration of ")
                .append(esc(e.factSetId())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}svg{display:block;margin:.5em 0}")
                .append("svg text{font-size:12px;font-family:system-ui,sans-serif}.muted{color:#666}code{font-size:.95em}")
                .append("\n</style>\n</head>\n<body>\n");
        h.append("<h1>Exploration of ").append(esc(e.factSetId())).append("</h1>\n");
        if (e.title() != null) {
            h.append("<p>").append(esc(Literal.oneLine(e.title()))).append(e.asOf() == null ? "" : " (as of " + esc(e.asOf()) + ")")
                    .append("</p>\n");
        }
        h.append("<p class=\"muted\">").append(esc(ExplorationText.settings(e))).append(". As stated: ")
                .append(esc(e.assessedLeader() == null ? "no leader (too little evidence)" : ExplorationText.title(e.assessedLeader()) + " leads"))
                .append(".</p>\n");
        leaders(h, e);
        scores(h, e);
        sensitivity(h, e);
        boxes(h, e);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void leaders(StringBuilder h, Exploration e) {
        h.append("<h2>Who leads</h2>\n");
        List<Exploration.Lead> leads = e.leaders();
        int row = 28;
        int width = 640;
        int left = 230;
        int plot = width - left - 60;
        h.append(String.format(Locale.ROOT, "<svg id=\"leader-shares\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"share of samples each outlook leads, with 95%% intervals\">%n",
                width, row * leads.size() + 24));
        for (int i = 0; i < leads.size(); i++) {
            Exploration.Lead l = leads.get(i);
            int y = i * row + 4;
            h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, esc(ExplorationText.leaderTitle(l.id()))));
            h.append(String.format(Locale.ROOT, "<rect class=\"share\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
                    left, y + 2, plot * l.share(), COLOURS[i % COLOURS.length]));
            h.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
                    left + plot * l.low(), left + plot * l.high(), y + 11, y + 11));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f%%</text>%n", left + plot * l.high() + 6, y + 15, 100 * l.share()));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, left + plot,
                row * leads.size() + 8, row * leads.size() + 8));
        for (int t = 0; t <= 4; t++) {
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>", left + plot * t / 4.0,
                    row * leads.size() + 22, 25 * t));
        }
        h.append("</svg>\n<table id=\"leaders\"><tr><th>outlook</th><th class=\"n\">share</th><th class=\"n\">95% interval</th><th>likelihood</th></tr>\n");
        for (Exploration.Lead l : leads) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"n\">%.1f%%</td><td class=\"n\">%.1f%% - %.1f%%</td><td>%s</td></tr>%n",
                    esc(ExplorationText.leaderTitle(l.id())), 100 * l.share(), 100 * l.low(), 100 * l.high(),
                    l.id().equals(Exploration.NO_LEADER) ? "" : esc(l.likelihood())));
        }
        h.append("</table>\n");
    }

    private static void scores(StringBuilder h, Exploration e) {
        h.append("<h2>Scores</h2>\n<p class=\"muted\">Samples by score, in twentieths; the ticks mark the 5th, 50th and 95th percentiles.</p>\n");
        int cell = 150;
        int height = 90;
        h.append(String.format(Locale.ROOT, "<svg id=\"score-distributions\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"distribution of each outlook's score\">%n",
                cell * e.scores().size() + 10, height + 40));
        for (int o = 0; o < e.scores().size(); o++) {
            Exploration.Scores s = e.scores().get(o);
            int x0 = o * cell + 5;
            int most = 1;
            for (int c : s.histogram()) {
                most = Math.max(most, c);
            }
            double bin = (cell - 20) / 20.0;
            h.append(String.format(Locale.ROOT, "<g class=\"histogram\" data-outlook=\"%s\">", esc(s.outlook())));
            for (int b = 0; b < 20; b++) {
                double bar = height * s.histogram()[b] / (double) most;
                h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x0 + b * bin,
                        height - bar + 5, bin - 0.5, bar, COLOURS[o]));
            }
            for (double q : new double[] {s.p05(), s.p50(), s.p95()}) {
                h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#000\"/>", x0 + q * 20 * bin,
                        x0 + q * 20 * bin, height + 5, height + 12));
            }
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text></g>%n", x0, height + 28, esc(s.outlook())));
        }
        h.append("</svg>\n<table id=\"scores\"><tr><th>outlook</th><th class=\"n\">mean</th><th class=\"n\">5%</th><th class=\"n\">median</th><th class=\"n\">95%</th></tr>\n");
        for (Exploration.Scores s : e.scores()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td></tr>%n",
                    esc(ExplorationText.title(s.outlook())), s.mean(), s.p05(), s.p50(), s.p95()));
        }
        h.append("</table>\n");
    }

    private static void sensitivity(StringBuilder h, Exploration e) {
        if (e.sensitivity().isEmpty()) {
            return;
        }
        boolean totals = e.sensitivity().get(0).total() != null;
        h.append("<h2>Sensitivity</h2>\n<p class=\"muted\">Each indicator's largest share of the variance of a score, over the four outlooks");
        h.append(totals ? ": the dark bar first order (its levels alone), the light one total (with what it does together with others)" : "")
                .append(".</p>\n");
        List<Exploration.Sensitivity> rows = e.sensitivity().subList(0, Math.min(SENSITIVITY_BARS, e.sensitivity().size()));
        int row = 20;
        int left = 280;
        int plot = 340;
        h.append(String.format(Locale.ROOT, "<svg id=\"sensitivity-chart\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"sensitivity ranking\">%n",
                left + plot + 60, row * rows.size() + 8));
        for (int i = 0; i < rows.size(); i++) {
            Exploration.Sensitivity s = rows.get(i);
            double first = s.firstOrder().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            int y = i * row + 4;
            h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 12, esc(s.indicator())));
            if (totals) {
                h.append(String.format(Locale.ROOT, "<rect class=\"total\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#9ecae1\"/>",
                        left, y + 1, plot * s.largest()));
            }
            h.append(String.format(Locale.ROOT, "<rect class=\"first-order\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#3182bd\"/>",
                    left, y + 1, plot * first));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f</text>%n", left + plot * s.largest() + 6, y + 12, s.largest()));
        }
        h.append("</svg>\n<table id=\"sensitivity\"><tr><th>indicator</th>");
        for (Outlook o : Outlook.values()) {
            h.append("<th class=\"n\">").append(esc(o.id())).append("</th>");
        }
        h.append("</tr>\n");
        for (Exploration.Sensitivity s : e.sensitivity()) {
            h.append("<tr><td><code>").append(esc(s.indicator())).append("</code></td>");
            for (Outlook o : Outlook.values()) {
                h.append(String.format(Locale.ROOT, "<td class=\"n\">%.2f%s</td>", s.firstOrder().get(o.id()),
                        totals ? String.format(Locale.ROOT, " (%.2f)", s.total().get(o.id())) : ""));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void boxes(StringBuilder h, Exploration e) {
        h.append("<h2>Where each outlook leads</h2>\n<p class=\"muted\">PRIM boxes over the first ")
                .append(String.format(Locale.ROOT, "%,d", e.keptSamples()))
                .append(" samples; each box counts the samples no box above it holds. Shaded: the levels the box keeps.</p>\n");
        h.append("<div id=\"prim-boxes\">\n");
        for (Exploration.Boxes b : e.boxes()) {
            h.append("<h3>").append(esc(ExplorationText.title(b.outlook()))).append("</h3>\n");
            if (b.boxes().isEmpty()) {
                h.append("<p>").append(b.leads() == 0 ? "Leads in no sample." : "No box of conditions stands out.").append("</p>\n");
                continue;
            }
            for (Exploration.Box box : b.boxes()) {
                h.append(String.format(Locale.ROOT, "<p>Leads in <b>%.0f%%</b> of the %,d samples where %s (coverage %.0f%%).</p>%n",
                        100 * box.density(), box.samples(), esc(ExplorationText.conditions(box.conditions())), 100 * box.coverage()));
                box(h, e, box);
                if (!box.rules().isEmpty()) {
                    h.append("<table class=\"rules\"><tr><th>rule that fires more often there</th><th>¶</th><th class=\"n\">in the box</th><th class=\"n\">in all</th></tr>\n");
                    for (Exploration.FiringRule r : box.rules()) {
                        h.append(String.format(Locale.ROOT, "<tr><td title=\"%s\">%s</td><td>%s</td><td class=\"n\">%.0f%%</td><td class=\"n\">%.0f%%</td></tr>%n",
                                esc(r.title() == null ? "" : r.title()), esc(r.name()), esc(r.source() == null ? "" : r.source()),
                                100 * r.inBox(), 100 * r.overall()));
                    }
                    h.append("</table>\n");
                }
            }
        }
        h.append("</div>\n");
    }

    /** The box as a grid: each restricted indicator a row of its levels, the kept ones shaded. */
    private static void box(StringBuilder h, Exploration e, Exploration.Box box) {
        int row = 22;
        int left = 280;
        int cell = 90;
        h.append(String.format(Locale.ROOT, "<svg class=\"prim-box\" width=\"%d\" height=\"%d\">%n", left + 4 * cell + 10, row * box.conditions().size() + 4));
        for (int i = 0; i < box.conditions().size(); i++) {
            Exploration.Condition c = box.conditions().get(i);
            List<String> levels = e.dimensions().stream().filter(d -> d.id().equals(c.indicator())).findFirst().orElseThrow().levels();
            int y = i * row + 2;
            h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 14, esc(c.indicator())));
            for (int l = 0; l < levels.size(); l++) {
                boolean kept = c.levels().contains(levels.get(l));
                h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\" stroke=\"#fff\"/>"
                                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%s</text>", left + l * cell, y, cell,
                        kept ? "#3182bd" : "#eee", left + l * cell + cell / 2, y + 14, kept ? "#fff" : "#888", esc(levels.get(l))));
            }
            h.append('\n');
        }
        h.append("</svg>\n");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
