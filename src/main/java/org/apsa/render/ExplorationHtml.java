package org.apsa.render;

import org.apsa.fact.Outlook;
import org.apsa.explore.Exploration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.apsa.fact.PlainText.capitalized;

/**
 * An exploration as one self-contained HTML page: no script, no file or address outside it;
 * the charts are inline SVG (leader shares with their intervals, score distributions, the
 * sensitivity ranking, PRIM's boxes) with the figures in tables beside them. The page is the
 * template {@code src/main/jte/exploration.jte}, which escapes everything it is given; this
 * class lays the charts out into the records it shows.
 */
public final class ExplorationHtml {

    private static final String[] COLOURS = {"#1b7837", "#7b3294", "#d6604d", "#4d4d4d", "#bababa"};
    private static final int SENSITIVITY_BARS = 15;

    private ExplorationHtml() {
    }

    public static String render(Exploration e) {
        return Templates.render("exploration.jte", page(e), 32 * 1024);
    }

    /** What exploration.jte shows; numbers already formatted, text as it is (the template escapes it). */
    public record Page(String factSetId, String subtitle, String summary, Chart leaderChart, List<LeaderBar> leaderBars,
                       List<Text> leaderTicks, Line leaderAxis, List<LeaderRow> leaders, Chart scoreChart, List<Histogram> histograms,
                       List<ScoreRow> scores, Sensitivity sensitivity, String keptSamples, List<OutlookBoxes> boxes) {
    }

    public record Chart(int width, int height) {
    }

    public record Text(String x, String y, String text) {
    }

    public record Line(String x1, String x2, String y1, String y2) {
    }

    public record Rect(String x, String y, String width, String height, String fill) {
    }

    public record LeaderBar(Text label, Rect share, Line interval, Text value) {
    }

    public record LeaderRow(String title, String share, String low, String high, String likelihood) {
    }

    public record Histogram(String outlook, List<Rect> bars, List<Line> quantiles, Text label) {
    }

    public record ScoreRow(String title, String mean, String p05, String p50, String p95) {
    }

    /** The sensitivity section; {@code total} bars are null when no totals were computed. */
    public record Sensitivity(boolean totals, Chart chart, List<SensitivityBar> bars, List<String> outlooks, List<SensitivityRow> rows) {
    }

    public record SensitivityBar(Text label, Rect total, Rect firstOrder, Text value) {
    }

    public record SensitivityRow(String indicator, List<String> cells) {
    }

    /**
     * One outlook's boxes, or those of "no leader"; {@code none} says why there are none, null
     * when there are; {@code holds} opens each box's sentence ("Leads in").
     */
    public record OutlookBoxes(String title, String none, String holds, List<BoxView> boxes) {
    }

    public record BoxView(String density, String samples, String conditions, String coverage, Chart grid, List<GridRow> rows,
                          List<RuleRow> rules) {
    }

    public record GridRow(Text label, List<GridCell> cells) {
    }

    public record GridCell(Rect rect, Text level, String textFill) {
    }

    public record RuleRow(String title, String name, String source, String inBox, String overall) {
    }

    private static Page page(Exploration e) {
        String subtitle = e.title() == null ? null : Literal.oneLine(e.title()) + (e.asOf() == null ? "" : " (as of " + e.asOf() + ")");
        String summary = ExplorationText.settings(e) + ". " + ExplorationText.asStated(e);
        List<Exploration.Lead> leads = e.leaders();
        int row = 28;
        int left = 230;
        int plot = 640 - left - 60;
        List<LeaderBar> bars = new ArrayList<>();
        List<LeaderRow> rows = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            Exploration.Lead l = leads.get(i);
            int y = i * row + 4;
            bars.add(new LeaderBar(new Text("0", num(y + 15), ExplorationText.leaderTitle(e, l.id())),
                    new Rect(num(left), num(y + 2), Templates.decimal(plot * l.share()), "18", COLOURS[i % COLOURS.length]),
                    new Line(Templates.decimal(left + plot * l.low()), Templates.decimal(left + plot * l.high()), num(y + 11), num(y + 11)),
                    new Text(Templates.decimal(left + plot * l.high() + 6), num(y + 15), percent(l.share()))));
            rows.add(new LeaderRow(ExplorationText.leaderTitle(e, l.id()), percent(l.share()), percent(l.low()), percent(l.high()),
                    l.id().equals(Exploration.NO_LEADER) ? "" : l.likelihood()));
        }
        List<Text> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            ticks.add(new Text(Templates.decimal(left + plot * t / 4.0), num(row * leads.size() + 22), (25 * t) + "%"));
        }
        Line axis = new Line(num(left), num(left + plot), num(row * leads.size() + 8), num(row * leads.size() + 8));
        return new Page(e.factSetId(), subtitle, summary, new Chart(640, row * leads.size() + 24), bars, ticks, axis, rows,
                new Chart(150 * e.scores().size() + 10, 90 + 40), histograms(e), e.scores().stream().map(s -> new ScoreRow(
                        e.knowledgeBase().outlookTitle(s.outlook()), two(s.mean()), two(s.p05()), two(s.p50()), two(s.p95()))).toList(),
                sensitivity(e), String.format(Locale.ROOT, "%,d", e.keptSamples()), boxes(e));
    }

    private static List<Histogram> histograms(Exploration e) {
        int cell = 150;
        int height = 90;
        List<Histogram> out = new ArrayList<>();
        for (int o = 0; o < e.scores().size(); o++) {
            Exploration.Scores s = e.scores().get(o);
            int x0 = o * cell + 5;
            int most = Math.max(1, Arrays.stream(s.histogram()).max().orElse(0));
            double bin = (cell - 20) / 20.0;
            List<Rect> bars = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                double bar = height * s.histogram()[b] / (double) most;
                bars.add(new Rect(Templates.decimal(x0 + b * bin), Templates.decimal(height - bar + 5), Templates.decimal(bin - 0.5), Templates.decimal(bar), COLOURS[o]));
            }
            List<Line> quantiles = new ArrayList<>();
            for (double q : new double[] {s.p05(), s.p50(), s.p95()}) {
                quantiles.add(new Line(Templates.decimal(x0 + q * 20 * bin), Templates.decimal(x0 + q * 20 * bin), num(height + 5), num(height + 12)));
            }
            out.add(new Histogram(s.outlook(), bars, quantiles, new Text(num(x0), num(height + 28), s.outlook())));
        }
        return out;
    }

    private static Sensitivity sensitivity(Exploration e) {
        if (e.sensitivity().isEmpty()) {
            return null;
        }
        boolean totals = e.sensitivity().get(0).total() != null;
        List<Exploration.Sensitivity> shown = e.sensitivity().subList(0, Math.min(SENSITIVITY_BARS, e.sensitivity().size()));
        int row = 20;
        int left = 280;
        int plot = 340;
        List<SensitivityBar> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Exploration.Sensitivity s = shown.get(i);
            double first = s.firstOrder().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            int y = i * row + 4;
            bars.add(new SensitivityBar(new Text("0", num(y + 12), s.indicator()),
                    totals ? new Rect(num(left), num(y + 1), Templates.decimal(plot * s.largest()), "14", "#9ecae1") : null,
                    new Rect(num(left), num(y + 1), Templates.decimal(plot * first), "14", "#3182bd"),
                    new Text(Templates.decimal(left + plot * s.largest() + 6), num(y + 12), two(s.largest()))));
        }
        List<SensitivityRow> rows = new ArrayList<>();
        for (Exploration.Sensitivity s : e.sensitivity()) {
            List<String> cells = new ArrayList<>();
            for (Outlook o : e.knowledgeBase().outlooks()) {
                cells.add(two(s.firstOrder().get(o.id())) + (totals ? " (" + two(s.total().get(o.id())) + ")" : ""));
            }
            rows.add(new SensitivityRow(s.indicator(), cells));
        }
        return new Sensitivity(totals, new Chart(left + plot + 60, row * shown.size() + 8), bars,
                e.knowledgeBase().outlookIds(), rows);
    }

    private static List<OutlookBoxes> boxes(Exploration e) {
        List<OutlookBoxes> out = new ArrayList<>();
        for (Exploration.Boxes b : e.boxes()) {
            boolean noLeader = b.outlook().equals(Exploration.NO_LEADER);
            String none = b.boxes().isEmpty() ? capitalized(ExplorationText.noBox(b)) + "." : null;
            List<BoxView> views = b.boxes().stream().map(box -> new BoxView(String.format(Locale.ROOT, "%.0f%%", 100 * box.density()),
                    String.format(Locale.ROOT, "%,d", box.samples()), ExplorationText.conditions(box.conditions()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * box.coverage()), new Chart(280 + 4 * 90 + 10, 22 * box.conditions().size() + 4),
                    grid(e, box), box.rules().stream().map(r -> new RuleRow(r.title() == null ? "" : r.title(), r.name(),
                            r.source() == null ? "" : r.source(), String.format(Locale.ROOT, "%.0f%%", 100 * r.inBox()),
                            String.format(Locale.ROOT, "%.0f%%", 100 * r.overall()))).toList())).toList();
            out.add(new OutlookBoxes(noLeader ? "No leader (too little evidence)" : e.knowledgeBase().outlookTitle(b.outlook()), none,
                    noLeader ? "In" : "Leads in", views));
        }
        return out;
    }

    /** The box as a grid: each restricted indicator a row of its levels, the kept ones shaded. */
    private static List<GridRow> grid(Exploration e, Exploration.Box box) {
        int row = 22;
        int left = 280;
        int cell = 90;
        List<GridRow> rows = new ArrayList<>();
        for (int i = 0; i < box.conditions().size(); i++) {
            Exploration.Condition c = box.conditions().get(i);
            List<String> levels = e.dimensions().stream().filter(d -> d.id().equals(c.indicator())).findFirst().orElseThrow().levels();
            int y = i * row + 2;
            List<GridCell> cells = new ArrayList<>();
            for (int l = 0; l < levels.size(); l++) {
                boolean kept = c.levels().contains(levels.get(l));
                cells.add(new GridCell(new Rect(num(left + l * cell), num(y), num(cell), "18", kept ? "#3182bd" : "#eee"),
                        new Text(num(left + l * cell + cell / 2), num(y + 14), levels.get(l)), kept ? "#fff" : "#888"));
            }
            rows.add(new GridRow(new Text("0", num(y + 14), c.indicator()), cells));
        }
        return rows;
    }

    private static String num(int value) {
        return Integer.toString(value);
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
