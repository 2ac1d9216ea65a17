package org.apsa.report;

import org.apsa.engine.Outlook;
import org.apsa.render.Literal;
import org.apsa.report.Shared.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.apsa.report.Shared.outlookTitle;
import static org.apsa.report.Shared.score;

/**
 * {@code report.html}: the batch for people, in one self-contained page. Contents link to the
 * sections by the same anchors as report.md's. Styles are inline, the timeline is an inline SVG
 * chart ({@code id="timeline-chart"}), and a content security policy forbids every request,
 * so the page opens the same offline, from a mail attachment or a file share.
 */
public final class HtmlReport {

    /** How every HTML report begins, to its title: how a batch knows a report.html as its own. */
    public static final String BEGINNING = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + Shared.TITLE + "</title>";

    /**
     * The outlooks' colours, in {@link Outlook} order: blue, bluish green, vermillion and reddish
     * purple of the Okabe–Ito palette, made to stay apart in the common colour blindnesses.
     * Colour is not all: each line also has its own dash pattern and marker, so that the chart
     * and its legend read the same in grey or to a reader who sees none of the colours apart.
     */
    private static final String[] COLOURS = {"#0072B2", "#009E73", "#D55E00", "#CC79A7"};
    /** The outlooks' dash patterns, in {@link Outlook} order: solid, dashed, dotted, dash-dot. */
    private static final String[] DASHES = {"none", "9 4", "2 3", "9 3 2 3"};
    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    /** The most points a line is marked at; more would blur into a thick line. */
    private static final int MARKED_POINTS = 120;
    /** Labels on the time axis when there is room for them. */
    private static final int AXIS_LABELS = 8;
    /** A digit's width at the axis's 12px, rounded up for the common sans-serif fonts. */
    private static final double LABEL_CHARACTER_WIDTH = 7;
    /** The least space between two labels of the time axis. */
    private static final double LABEL_GAP = 8;

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
            main{max-width:1180px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #d5d9e0;padding-bottom:4px}
            h3{font-size:16px;margin:20px 0 6px}
            nav.contents ul{list-style:none;margin:12px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 20px}
            table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:14px}
            th,td{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#eef1f5}td.d{white-space:nowrap}td.id,.brief{overflow-wrap:anywhere}td.id{min-width:18ch}td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
            .bar{display:inline-block;height:10px;background:#7c8aa5;vertical-align:middle;margin-left:6px}
            .note{color:#5a6272;font-size:13px}
            .chart{background:#fff;border:1px solid #d5d9e0;padding:8px}.chart>svg{width:100%;height:auto}
            .legend span{display:inline-block;margin-right:18px}.legend svg{vertical-align:middle;margin-right:6px}
            .brief{background:#fff;border:1px solid #d5d9e0;padding:8px 14px;margin:8px 0}
            .brief ul{margin:4px 0 0;padding-left:20px}
            """;

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append(BEGINNING).append("\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Shared.TITLE).append("</h1>\n<p>").append(esc(Shared.counts(data))).append("</p>\n");
        if (data.provenance() != null) {
            out.append("<p class=\"note\" id=\"provenance\">").append(esc(data.provenance().sentence())).append("</p>\n");
        }
        List<Section> sections = Shared.sections(data);
        out.append("<nav class=\"contents\" aria-label=\"Contents\"><ul>");
        for (Section s : sections) {
            out.append("<li><a href=\"#").append(s.anchor()).append("\">").append(esc(s.title)).append("</a></li>");
        }
        out.append("</ul></nav>\n");
        for (Section s : sections) {
            out.append("<h2 id=\"").append(s.anchor()).append("\">").append(esc(s.title)).append("</h2>\n");
            switch (s) {
                case OVERVIEW -> overview(data, out);
                case TIMELINE -> timeline(data, out);
                case COMPARISON -> comparison(data, out);
                case FACT_SETS -> factSets(data, out);
                case BRIEFS -> explanations(data, out);
            }
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void overview(ReportData data, StringBuilder out) {
        out.append("<table id=\"leading\">\n<tr><th>Leading outlook</th><th>Fact sets</th><th>Share</th></tr>\n");
        for (Map.Entry<String, Long> e : data.byLeading().entrySet()) {
            long width = data.assessed() == 0 ? 0 : Math.round(160.0 * e.getValue() / data.assessed());
            out.append("<tr><td>").append(esc(outlookTitle(e.getKey()))).append("</td><td class=\"n\">").append(e.getValue())
                    .append("</td><td>").append(Shared.percent(e.getValue(), data.assessed()))
                    .append("<span class=\"bar\" style=\"width:").append(width).append("px\"></span></td></tr>\n");
        }
        out.append("</table>\n<p>").append(esc(Shared.meanScores(data))).append("</p>\n");
    }

    /** The listed fact sets, each id linking to its brief. */
    private static void factSets(ReportData data, StringBuilder out) {
        out.append("<table id=\"fact-set-table\">\n<tr><th>#</th><th>Fact set</th><th>As of</th><th>Leading</th>");
        for (Outlook o : Outlook.values()) {
            out.append("<th>").append(esc(o.title())).append("</th>");
        }
        out.append("<th>Top unmet prescription</th><th>Gain</th></tr>\n");
        for (Row r : data.listed()) {
            out.append("<tr><td class=\"n\">").append(r.number()).append("</td><td class=\"id\"><a href=\"#fs-").append(r.number()).append("\"><code>")
                    .append(esc(r.id())).append("</code></a></td><td class=\"d\">").append(r.asOf() == null ? "" : r.asOf()).append("</td><td>")
                    .append(esc(outlookTitle(r.leading()))).append("</td>");
            for (Outlook o : Outlook.values()) {
                out.append("<td class=\"n\">").append(score(r.score(o))).append("</td>");
            }
            out.append("<td>").append(r.topUnmet() == null ? "" : esc(r.topUnmet().text())).append("</td><td class=\"n\">")
                    .append(r.topUnmet() == null ? "" : Shared.gain(r.topUnmet().gain())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        String note = Shared.listedNote(data);
        if (!note.isEmpty()) {
            out.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
    }

    private static void timeline(ReportData data, StringBuilder out) {
        List<ReportData.Point> points = data.timeline();
        out.append("<p>Mean score of each outlook by ").append(data.period())
                .append(" of <code>asOf</code>; fact sets without a date are left out.").append(esc(Shared.timelineLeftOut(data))).append("</p>\n");
        if (points.isEmpty()) {
            return;
        }
        out.append("<div class=\"chart\">\n")
                .append(String.format(Locale.ROOT, "<svg id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Scores of the four outlooks over time\">\n",
                        WIDTH, HEIGHT, WIDTH, HEIGHT));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight * (1 - tick / 4.0);
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e6eb\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#5a6272\">%.2f</text>\n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, tick / 4.0));
        }
        long first = ReportData.start(points.get(0).period()).toEpochDay();
        long last = ReportData.start(points.get(points.size() - 1).period()).toEpochDay();
        double[] xs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            long day = ReportData.start(points.get(i).period()).toEpochDay();
            xs[i] = last == first ? LEFT + plotWidth / 2.0 : LEFT + plotWidth * (double) (day - first) / (last - first);
        }
        for (int i : axisLabels(xs, points.get(0).period().length())) {
            // The first and last labels hang inwards, so that neither is cut at the chart's edge.
            String anchor = xs.length == 1 ? "middle" : i == 0 ? "start" : i == xs.length - 1 ? "end" : "middle";
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"%s\" fill=\"#5a6272\">%s</text>\n",
                    xs[i], HEIGHT - BOTTOM + 18, anchor, points.get(i).period()));
        }
        for (Outlook o : Outlook.values()) {
            StringBuilder polyline = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double value = points.get(i).means()[o.ordinal()];
                double y = TOP + plotHeight * (1 - value);
                polyline.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], y));
                if (points.size() <= MARKED_POINTS) {
                    dots.append(marker(o, xs[i], y, String.format(Locale.ROOT, "<title>%s %s: %.2f (%s)</title>", esc(o.title()),
                            points.get(i).period(), value, Shared.plural(points.get(i).count(), "fact set"))));
                }
            }
            out.append("<g class=\"outlook\" data-outlook=\"").append(o.id()).append("\"><polyline ").append(stroke(o))
                    .append(" points=\"").append(polyline).append("\"/>").append(dots).append("</g>\n");
        }
        out.append("</svg>\n<div class=\"legend\">");
        for (Outlook o : Outlook.values()) {
            out.append("<span><svg width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\"><line x1=\"0\" y1=\"6\" x2=\"36\" y2=\"6\" ")
                    .append(stroke(o)).append("/>").append(points.size() <= MARKED_POINTS ? marker(o, 18, 6, "") : "").append("</svg>").append(esc(o.title())).append("</span>");
        }
        out.append("</div>\n</div>\n");
    }

    /** How an outlook's line is drawn, in the chart and in its legend. */
    private static String stroke(Outlook o) {
        return "fill=\"none\" stroke-width=\"2.5\" stroke=\"" + COLOURS[o.ordinal()] + "\" stroke-dasharray=\"" + DASHES[o.ordinal()] + "\"";
    }

    /** An outlook's marker at a point: a circle, square, triangle or diamond, in {@link Outlook} order. */
    private static String marker(Outlook o, double x, double y, String title) {
        String colour = COLOURS[o.ordinal()];
        return switch (o.ordinal()) {
            case 0 -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">%s</circle>", x, y, colour, title);
            case 1 -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6.5\" height=\"6.5\" fill=\"%s\">%s</rect>",
                    x - 3.25, y - 3.25, colour, title);
            case 2 -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\">%s</path>",
                    x, y - 4.5, x + 4.5, y + 3.5, x - 4.5, y + 3.5, colour, title);
            default -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\">%s</path>",
                    x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y, colour, title);
        };
    }

    /**
     * The points whose period labels the time axis, in order: the first and the last, and
     * between them the points nearest to evenly spaced moments, each left out when its label
     * would run into one already placed, since dates can bunch up anywhere on the axis.
     *
     * @param xs         the points' places on the axis, in date order
     * @param characters the length of a label
     */
    static List<Integer> axisLabels(double[] xs, int characters) {
        int n = xs.length;
        if (n == 1) {
            return List.of(0);
        }
        List<Integer> candidates = new ArrayList<>(List.of(0, n - 1));
        for (int k = 1; k < AXIS_LABELS - 1; k++) {
            candidates.add(nearest(xs, xs[0] + (xs[n - 1] - xs[0]) * k / (AXIS_LABELS - 1)));
        }
        double width = characters * LABEL_CHARACTER_WIDTH;
        List<double[]> taken = new ArrayList<>();
        TreeSet<Integer> labels = new TreeSet<>();
        for (int i : candidates) {
            // The first and last labels hang inwards, the others are centred on their point.
            double from = i == 0 ? xs[i] : i == n - 1 ? xs[i] - width : xs[i] - width / 2;
            double to = from + width;
            if (taken.stream().noneMatch(t -> from < t[1] + LABEL_GAP && t[0] < to + LABEL_GAP)) {
                taken.add(new double[] {from, to});
                labels.add(i);
            }
        }
        return List.copyOf(labels);
    }

    /** The index of the place nearest to x, the first of equals. */
    private static int nearest(double[] xs, double x) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    private static void comparison(ReportData data, StringBuilder out) {
        List<ReportData.SameDate> dates = data.sameDates();
        out.append("<p>Fact sets that share an <code>asOf</code> date, side by side: "
                + "the outcome, then each indicator they do not all state alike (— unknown).").append(esc(Shared.comparisonLeftOut(data))).append("</p>\n");
        for (ReportData.SameDate d : dates) {
            List<Row> rows = d.rows();
            out.append("<h3>").append(d.date()).append(" (").append(Shared.plural(d.count(), "fact set")).append(")</h3>\n")
                    .append("<table class=\"comparison\">\n<tr><th></th>");
            rows.forEach(r -> out.append("<th><code>").append(esc(r.id())).append("</code></th>"));
            out.append("</tr>\n<tr><th>leading</th>");
            rows.forEach(r -> out.append("<td><strong>").append(esc(outlookTitle(r.leading()))).append("</strong></td>"));
            out.append("</tr>\n");
            for (Outlook o : Outlook.values()) {
                out.append("<tr><th>").append(esc(o.title())).append("</th>");
                rows.forEach(r -> out.append("<td class=\"n\">").append(score(r.score(o))).append("</td>"));
                out.append("</tr>\n");
            }
            for (int i : d.differing()) {
                out.append("<tr><th><code>").append(Shared.indicatorId(i)).append("</code></th>");
                rows.forEach(r -> out.append("<td>").append(r.level(i) == null ? "—" : esc(r.level(i))).append("</td>"));
                out.append("</tr>\n");
            }
            // Numbers and the vocabulary's own ids: nothing in the note needs escaping.
            out.append("</table>\n<p class=\"note\">").append(Shared.sameDateNote(d, id -> "<code>" + id + "</code>")).append("</p>\n");
        }
    }

    private static void explanations(ReportData data, StringBuilder out) {
        for (Row r : data.listed()) {
            // <bdi>: a title in a right-to-left script, or with direction controls, stays within itself.
            out.append("<div class=\"brief\" id=\"fs-").append(r.number()).append("\"><strong><bdi>")
                    .append(esc(r.title() != null ? r.title() : r.id())).append("</bdi></strong> <code>").append(esc(r.id())).append("</code>");
            out.append(r.asOf() == null ? "" : ", as of " + r.asOf()).append(": ");
            if (r.leading() == null) {
                out.append("no leader");
            } else {
                Outlook leader = Outlook.find(r.leading()).orElseThrow();
                out.append("<strong>").append(esc(leader.title())).append("</strong> leads (").append(score(r.score(leader)))
                        .append(", ").append(esc(r.likelihood(leader))).append(")");
            }
            out.append("\n<ul>");
            for (String line : r.brief()) {
                out.append("<li>").append(esc(line)).append("</li>");
            }
            out.append("</ul></div>\n");
        }
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        String shown = Literal.oneLine(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
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
