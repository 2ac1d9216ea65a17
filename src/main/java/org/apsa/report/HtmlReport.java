package org.apsa.report;

import org.apsa.fact.Outlook;
import org.apsa.render.Literal;
import org.apsa.render.Templates;
import org.apsa.report.Shared.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.apsa.fact.PlainText.count;
import static org.apsa.render.Templates.decimal;
import static org.apsa.report.Shared.outlookTitle;
import static org.apsa.report.Shared.score;

/**
 * {@code report.html}: the batch for people, in one self-contained page. Contents link to the
 * sections by the same anchors as report.md's. Styles are inline, the timeline is an inline SVG
 * chart ({@code id="timeline-chart"}), and a content security policy forbids every request,
 * so the page opens the same offline, from a mail attachment or a file share.
 *
 * <p>The markup is the JTE template {@code src/main/jte/report.jte}, compiled to a class of this
 * package at build time, which escapes everything it shows. This class works out what it shows
 * ({@link Page}): the chart's geometry, and every piece of free text as one literal line.
 */
public final class HtmlReport {

    /** How report.jte begins, to the title: how a batch knows a report.html as its own. */
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

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        return Templates.render("report.jte", page(data), 64 * 1024);
    }

    /** What report.jte shows, every piece of free text already made one literal line; the template escapes it. */
    record Page(String title, String counts, String provenance, List<Section> sections, List<Leading> leading, String meanScores,
                String period, String timelineLeftOut, Chart chart, String comparisonLeftOut, List<SameDate> sameDates,
                List<String> outlooks, List<FactSetRow> factSets, String listedNote, List<Brief> briefs) {
    }

    record Leading(String title, long count, String share, long width) {
    }

    record FactSetRow(long number, String id, String asOf, String leading, List<String> scores, String topUnmet, String gain) {
    }

    /** One fact set's brief; {@code leader} null when none leads. */
    record Brief(long number, String title, String id, String asOf, String leader, String score, String likelihood,
                 List<String> lines) {
    }

    record SameDate(String date, String count, List<String> ids, List<String> leading, List<Values> scores,
                    List<Values> differing, List<NotePart> note) {
    }

    /** A row of a comparison: its heading and one value a fact set. */
    record Values(String heading, List<String> values) {
    }

    /** A piece of a note, shown as code (an indicator id) or as text. */
    record NotePart(String text, boolean code) {
    }

    record Chart(int width, int height, List<Tick> ticks, List<AxisLabel> axis, List<Line> lines, List<LegendEntry> legend) {
    }

    record Tick(int x1, String y, int x2, int labelX, String labelY, String label) {
    }

    record AxisLabel(String x, int y, String anchor, String text) {
    }

    record Stroke(String colour, String dashes) {
    }

    record Line(String outlook, Stroke stroke, String points, List<Marker> markers) {
    }

    record LegendEntry(Stroke stroke, Marker marker, String title) {
    }

    /**
     * An outlook's marker at a point: a circle, square, triangle or diamond, in {@link Outlook}
     * order; {@code x}, {@code y} the circle's centre or the square's corner, {@code path} the
     * others' outline; {@code title} the tooltip, empty in the legend.
     */
    record Marker(String shape, String x, String y, String path, String colour, String title) {
    }

    private static Page page(ReportData data) {
        List<Section> sections = Shared.sections(data);
        List<Leading> leading = new ArrayList<>();
        for (Map.Entry<String, Long> e : data.byLeading().entrySet()) {
            long width = data.assessed() == 0 ? 0 : Math.round(160.0 * e.getValue() / data.assessed());
            leading.add(new Leading(text(outlookTitle(data.knowledgeBase(), e.getKey())), e.getValue(), Shared.percent(e.getValue(), data.assessed()), width));
        }
        List<String> outlooks = data.knowledgeBase().outlooks().stream().map(o -> text(o.title())).toList();
        List<FactSetRow> factSets = new ArrayList<>();
        List<Brief> briefs = new ArrayList<>();
        for (Row r : data.listed()) {
            factSets.add(new FactSetRow(r.number(), text(r.id()), r.asOf() == null ? "" : r.asOf(), text(outlookTitle(data.knowledgeBase(), r.leading())),
                    data.knowledgeBase().outlooks().stream().map(o -> score(r.score(o))).toList(),
                    r.topUnmet() == null ? "" : text(r.topUnmet().text()), r.topUnmet() == null ? "" : Shared.gain(r.topUnmet().gain())));
            Outlook leader = r.leading() == null ? null : data.knowledgeBase().outlook(r.leading()).orElseThrow();
            briefs.add(new Brief(r.number(), text(r.title() != null ? r.title() : r.id()), text(r.id()),
                    r.asOf() == null ? "" : ", as of " + r.asOf(), leader == null ? null : text(leader.title()),
                    leader == null ? "" : score(r.score(leader)), leader == null ? "" : text(r.likelihood(leader)),
                    r.brief().stream().map(HtmlReport::text).toList()));
        }
        return new Page(Shared.TITLE, text(Shared.counts(data)),
                data.provenance() == null ? null : text(data.provenance().sentence()), sections, leading, text(Shared.meanScores(data)),
                data.period(), text(Shared.timelineLeftOut(data)), chart(data, data.timeline()), text(Shared.comparisonLeftOut(data)),
                data.sameDates().stream().map(d -> sameDate(data, d)).toList(), outlooks, factSets, text(Shared.listedNote(data)), briefs);
    }

    private static SameDate sameDate(ReportData data, ReportData.SameDate d) {
        List<Row> rows = d.rows();
        List<Values> scores = data.knowledgeBase().outlooks().stream()
                .map(o -> new Values(text(o.title()), rows.stream().map(r -> score(r.score(o))).toList())).toList();
        List<Values> differing = d.differing().stream()
                .map(i -> new Values(Shared.indicatorId(data.knowledgeBase(), i), rows.stream().map(r -> r.level(i) == null ? "\u2014" : text(r.level(i))).toList()))
                .toList();
        return new SameDate(d.date(), count(d.count(), "fact set"), rows.stream().map(r -> text(r.id())).toList(),
                rows.stream().map(r -> text(outlookTitle(data.knowledgeBase(), r.leading()))).toList(), scores, differing, noteParts(d));
    }

    /** The comparison's note, its indicator ids apart so that the template shows them as code. */
    private static List<NotePart> noteParts(ReportData.SameDate d) {
        String marked = Shared.sameDateNote(d, id -> CODE_MARK + id + CODE_MARK);
        List<NotePart> parts = new ArrayList<>();
        String[] pieces = marked.split(String.valueOf(CODE_MARK), -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                parts.add(new NotePart(text(pieces[i]), i % 2 == 1));
            }
        }
        return parts;
    }

    /** Brackets an id in a note; a private-use character, which Literal.oneLine never yields. */
    private static final char CODE_MARK = '\uE000';

    private static Chart chart(ReportData data, List<ReportData.Point> points) {
        if (points.isEmpty()) {
            return null;
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Tick> ticks = new ArrayList<>();
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight * (1 - tick / 4.0);
            ticks.add(new Tick(LEFT, decimal(y), WIDTH - RIGHT, LEFT - 6, decimal(y + 4), String.format(Locale.ROOT, "%.2f", tick / 4.0)));
        }
        long first = ReportData.start(points.get(0).period()).toEpochDay();
        long last = ReportData.start(points.get(points.size() - 1).period()).toEpochDay();
        double[] xs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            long day = ReportData.start(points.get(i).period()).toEpochDay();
            xs[i] = last == first ? LEFT + plotWidth / 2.0 : LEFT + plotWidth * (double) (day - first) / (last - first);
        }
        List<AxisLabel> axis = new ArrayList<>();
        for (int i : axisLabels(xs, points.get(0).period().length())) {
            // The first and last labels hang inwards, so that neither is cut at the chart's edge.
            String anchor = xs.length == 1 ? "middle" : i == 0 ? "start" : i == xs.length - 1 ? "end" : "middle";
            axis.add(new AxisLabel(decimal(xs[i]), HEIGHT - BOTTOM + 18, anchor, points.get(i).period()));
        }
        boolean marked = points.size() <= MARKED_POINTS;
        List<Line> lines = new ArrayList<>();
        List<LegendEntry> legend = new ArrayList<>();
        for (Outlook o : data.knowledgeBase().outlooks()) {
            StringBuilder polyline = new StringBuilder();
            List<Marker> markers = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                double value = points.get(i).means()[o.ordinal()];
                double y = TOP + plotHeight * (1 - value);
                polyline.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], y));
                if (marked) {
                    markers.add(marker(o, xs[i], y, String.format(Locale.ROOT, "%s %s: %.2f (%s)", text(o.title()),
                            points.get(i).period(), value, count(points.get(i).count(), "fact set"))));
                }
            }
            Stroke stroke = new Stroke(COLOURS[o.ordinal() % COLOURS.length], DASHES[o.ordinal() % DASHES.length]);
            lines.add(new Line(o.id(), stroke, polyline.toString(), markers));
            legend.add(new LegendEntry(stroke, marked ? marker(o, 18, 6, "") : null, text(o.title())));
        }
        return new Chart(WIDTH, HEIGHT, ticks, axis, lines, legend);
    }

    private static Marker marker(Outlook o, double x, double y, String title) {
        String colour = COLOURS[o.ordinal() % COLOURS.length];
        return switch (o.ordinal() % COLOURS.length) {
            case 0 -> new Marker("circle", decimal(x), decimal(y), "", colour, title);
            case 1 -> new Marker("rect", decimal(x - 3.25), decimal(y - 3.25), "", colour, title);
            case 2 -> new Marker("path", "", "", String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fL%.1f %.1fZ",
                    x, y - 4.5, x + 4.5, y + 3.5, x - 4.5, y + 3.5), colour, title);
            default -> new Marker("path", "", "", String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ",
                    x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y), colour, title);
        };
    }

    /** Free text as shown: one line, control characters made visible; the template escapes it. */
    private static String text(String text) {
        return text == null ? "" : Literal.oneLine(text);
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
}
