package org.apsa.render;

import org.apsa.explore.Exploration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.apsa.fact.PlainText.count;

/**
 * An exploration as text for a terminal: who leads how often, the scores, sensitivity, the
 * boxes. Every line fits in {@value #WIDTH} columns, none ends in a space: long sentences
 * wrap under a hanging indent, and a condition of a box is never split across lines.
 */
public final class ExplorationText {

    /** Rows of the sensitivity table shown; JSON has them all. */
    static final int SENSITIVITY_ROWS = 12;
    /** The columns the text fits in: a terminal's default width, and a narrower shell's wraps it further. */
    static final int WIDTH = 80;
    /** Where a wrapped line of a box or a rule goes on. */
    private static final int BOX_INDENT = 6;
    private static final int RULE_INDENT = 17;

    private ExplorationText() {
    }

    public static String render(Exploration e, Style style) {
        StringBuilder out = new StringBuilder();
        String heading = "Exploration of " + e.factSetId();
        String about = (e.title() == null ? "" : "  " + Literal.oneLine(e.title())) + (e.asOf() == null ? "" : "  (as of " + e.asOf() + ")");
        if (columns(heading + about) <= WIDTH) {
            out.append(style.bold(heading)).append(about).append('\n');
        } else {
            out.append(style.bold(heading)).append('\n');
            lines(out, words(about.strip()), 2, 2);
        }
        lines(out, words(settings(e)), 0, 2);
        out.append(asStated(e)).append("\n\n");

        List<Exploration.Lead> leads = e.leaders().stream()
                .filter(l -> !(l.id().equals(Exploration.NO_LEADER) && l.count() == 0)).toList();
        int titles = Math.max(leads.stream().mapToInt(l -> columns(leaderTitle(e, l.id()))).max().orElse(0),
                e.scores().stream().mapToInt(s -> columns(e.knowledgeBase().outlookTitle(s.outlook()))).max().orElse(0));
        out.append(style.bold("Who leads")).append('\n');
        row(out, String.format(Locale.ROOT, "  %s %7s  %-15s  %s", pad("", titles), "share", "95% interval", "likelihood"));
        for (Exploration.Lead l : leads) {
            row(out, String.format(Locale.ROOT, "  %s %6.1f%%  %5.1f%% - %5.1f%%  %s", pad(leaderTitle(e, l.id()), titles),
                    100 * l.share(), 100 * l.low(), 100 * l.high(), l.id().equals(Exploration.NO_LEADER) ? "" : l.likelihood()));
        }

        out.append('\n').append(style.bold("Scores")).append('\n');
        row(out, String.format(Locale.ROOT, "  %s %6s %6s %6s %6s", pad("", titles), "mean", "5%", "median", "95%"));
        for (Exploration.Scores s : e.scores()) {
            row(out, String.format(Locale.ROOT, "  %s %6.2f %6.2f %6.2f %6.2f", pad(e.knowledgeBase().outlookTitle(s.outlook()), titles), s.mean(), s.p05(),
                    s.p50(), s.p95()));
        }

        if (!e.sensitivity().isEmpty()) {
            boolean totals = e.sensitivity().get(0).total() != null;
            out.append('\n');
            lines(out, words(style.bold("Sensitivity") + ": each indicator's share of a score's variance, "
                    + (totals ? "first order (total)" : "first order")), 0, 2);
            List<Exploration.Sensitivity> shown = e.sensitivity().subList(0, Math.min(SENSITIVITY_ROWS, e.sensitivity().size()));
            int indicators = Math.max("Indicator".length(), shown.stream().mapToInt(s -> columns(s.indicator())).max().orElse(0));
            // As wide with totals or without, so that the outlook ids above them fit.
            int cells = "0.00 (0.00)".length();
            // The outlook ids are wider than a cell: the headers take turns on two lines, each with room for two cells.
            List<String> ids = e.knowledgeBase().outlookIds();
            StringBuilder[] headers = {new StringBuilder("  " + pad("", indicators)), new StringBuilder("  " + pad("Indicator", indicators))};
            for (int i = 0; i < ids.size(); i++) {
                StringBuilder header = headers[i % 2];
                header.append(" ".repeat(Math.max(1, 2 + indicators + i * (cells + 1) + 1 - columns(header.toString())))).append(ids.get(i));
            }
            row(out, headers[0].toString());
            row(out, headers[1].toString());
            for (Exploration.Sensitivity s : shown) {
                StringBuilder line = new StringBuilder("  ").append(pad(s.indicator(), indicators));
                for (String id : ids) {
                    String cell = String.format(Locale.ROOT, "%.2f", s.firstOrder().get(id))
                            + (totals ? String.format(Locale.ROOT, " (%.2f)", s.total().get(id)) : "");
                    line.append(' ').append(pad(cell, cells));
                }
                row(out, line.toString());
            }
            if (e.sensitivity().size() > SENSITIVITY_ROWS) {
                out.append("  ... ").append(e.sensitivity().size() - SENSITIVITY_ROWS).append(" more, each below ")
                        .append(String.format(Locale.ROOT, "%.2f", e.sensitivity().get(SENSITIVITY_ROWS - 1).largest()))
                        .append(" (all in --format json)\n");
            }
        }

        out.append('\n');
        lines(out, words(style.bold("Where each outlook leads") + " (PRIM boxes over the first "
                + String.format(Locale.ROOT, "%,d", e.keptSamples()) + " samples)"), 0, 2);
        for (Exploration.Boxes b : e.boxes()) {
            if (b.boxes().isEmpty()) {
                lines(out, words(leaderTitle(e, b.outlook()) + ": " + noBox(b)), 2, BOX_INDENT);
                continue;
            }
            for (int i = 0; i < b.boxes().size(); i++) {
                Exploration.Box box = b.boxes().get(i);
                // A condition ("basin.drought ≤ moderate") is one word to the wrapping.
                List<String> sentence = new ArrayList<>(words(String.format(Locale.ROOT, "%s %.0f%% of samples where",
                        holdsIn(e, b.outlook()), 100 * box.density())));
                List<String> conditions = box.conditions().stream().map(c -> c.indicator() + " " + c.text()).toList();
                for (int c = 0; c < conditions.size(); c++) {
                    sentence.add((c == 0 ? "" : "and ") + conditions.get(c)
                            + (c < conditions.size() - 1 ? "" : i == 0 ? "" : i == 1 ? ", outside the box above" : ", outside the boxes above"));
                }
                sentence.add(String.format(Locale.ROOT, "(coverage %.0f%%, %,d samples)", 100 * box.coverage(), box.samples()));
                lines(out, sentence, 2, BOX_INDENT);
                if (!box.rules().isEmpty()) {
                    lines(out, words(String.format(Locale.ROOT, "rules that fire more often there (in %d samples of the box; in all):",
                            box.replayed())), 4, BOX_INDENT);
                    for (Exploration.FiringRule r : box.rules()) {
                        lines(out, String.format(Locale.ROOT, "    %4.0f%% (%3.0f%%) ", 100 * r.inBox(), 100 * r.overall()),
                                words("\"" + r.name() + "\"" + (r.source() == null ? "" : " (¶" + r.source() + ")")), RULE_INDENT);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The words of a text, split at its spaces. */
    private static List<String> words(String text) {
        return List.of(text.strip().split(" +"));
    }

    /**
     * Appends words as lines of at most {@value #WIDTH} columns, the first line indented by
     * {@code first} spaces, the others by {@code hanging}. A word wider than a line has a line
     * of its own.
     */
    private static void lines(StringBuilder out, List<String> words, int first, int hanging) {
        lines(out, " ".repeat(first), words, hanging);
    }

    /** As above, the first line opening with {@code lead} as it is, spaces and all. */
    private static void lines(StringBuilder out, String lead, List<String> words, int hanging) {
        StringBuilder line = new StringBuilder(lead);
        boolean empty = lead.isBlank();
        for (String word : words) {
            if (!empty && columns(line.toString()) + 1 + columns(word) > WIDTH) {
                row(out, line.toString());
                line = new StringBuilder(" ".repeat(hanging));
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        row(out, line.toString());
    }

    /** A line of the text, without trailing spaces. */
    private static void row(StringBuilder out, String line) {
        out.append(line.stripTrailing()).append('\n');
    }

    /** {@code text} padded with spaces to {@code width} columns. */
    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - columns(text)));
    }

    /** The columns a text takes on a terminal: its code points, less the ANSI codes of a style. */
    static int columns(String text) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }

    static String settings(Exploration e) {
        long stated = e.dimensions().stream().filter(d -> d.stated() != null).count();
        return String.format(Locale.ROOT, "%,d samples, seed %d, --vary %s: %s moved (%d stated, %d unknown); "
                        + "Sobol' points shifted at random (docs/explore.md)", e.settings().samples(), e.settings().seed(),
                e.settings().vary().describe(e.knowledgeBase().vocabulary()), count(e.dimensions().size(), "indicator"), stated,
                e.dimensions().size() - stated);
    }

    static String conditions(List<Exploration.Condition> conditions) {
        return conditions.stream().map(c -> c.indicator() + " " + c.text()).collect(Collectors.joining(" and "));
    }

    /** Who leads the fact set as stated, a sentence. */
    static String asStated(Exploration e) {
        return "As stated: " + (e.assessedLeader() == null ? "no leader (too little evidence)" : e.knowledgeBase().outlookTitle(e.assessedLeader()) + " leads") + ".";
    }

    static String leaderTitle(Exploration e, String id) {
        return id.equals(Exploration.NO_LEADER) ? "no leader (too little evidence)" : e.knowledgeBase().outlookTitle(id);
    }

    /** How a box of an outcome is said to hold: "Water conflict leads in", "No leader (too little evidence) in". */
    static String holdsIn(Exploration e, String id) {
        return id.equals(Exploration.NO_LEADER) ? "No leader (too little evidence) in" : e.knowledgeBase().outlookTitle(id) + " leads in";
    }

    /** Why an outcome has no box: no sample had it, or none of its boxes stands out. */
    static String noBox(Exploration.Boxes b) {
        return b.leads() > 0 ? "no box of conditions stands out"
                : b.outlook().equals(Exploration.NO_LEADER) ? "in no sample" : "leads in no sample";
    }
}
