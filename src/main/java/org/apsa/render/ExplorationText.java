package org.apsa.render;

import org.apsa.engine.Outlook;
import org.apsa.explore.Exploration;
import org.apsa.explore.SamplingModel;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An exploration as text for a terminal: who leads how often, the scores, sensitivity, the boxes. */
public final class ExplorationText {

    /** Rows of the sensitivity table shown; JSON has them all. */
    static final int SENSITIVITY_ROWS = 12;

    private ExplorationText() {
    }

    public static String render(Exploration e, Style style) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("Exploration of " + e.factSetId())).append(e.title() == null ? "" : "  " + Literal.oneLine(e.title()))
                .append(e.asOf() == null ? "" : "  (as of " + e.asOf() + ")").append('\n');
        out.append(settings(e)).append('\n');
        out.append("As stated: ").append(e.assessedLeader() == null ? "no leader (too little evidence)"
                : title(e.assessedLeader()) + " leads").append(".\n\n");

        out.append(style.bold("Who leads")).append(String.format(Locale.ROOT, "%n  %-34s %7s  %-15s  %s%n", "", "share",
                "95% interval", "likelihood"));
        for (Exploration.Lead l : e.leaders()) {
            if (l.id().equals(Exploration.NO_LEADER) && l.count() == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-34s %6.1f%%  %5.1f%% - %5.1f%%  %s%n", leaderTitle(l.id()), 100 * l.share(),
                    100 * l.low(), 100 * l.high(), l.id().equals(Exploration.NO_LEADER) ? "" : l.likelihood()));
        }

        out.append('\n').append(style.bold("Scores")).append(String.format(Locale.ROOT, "%n  %-34s %6s %6s %6s %6s%n", "",
                "mean", "5%", "median", "95%"));
        for (Exploration.Scores s : e.scores()) {
            out.append(String.format(Locale.ROOT, "  %-34s %6.2f %6.2f %6.2f %6.2f%n", title(s.outlook()), s.mean(), s.p05(),
                    s.p50(), s.p95()));
        }

        if (!e.sensitivity().isEmpty()) {
            boolean totals = e.sensitivity().get(0).total() != null;
            out.append('\n').append(style.bold("Sensitivity")).append(": each indicator's share of the variance of each score, ")
                    .append(totals ? "first order (total)" : "first order").append('\n');
            out.append(String.format(Locale.ROOT, "  %-36s", "Indicator"));
            for (Outlook o : Outlook.values()) {
                out.append(String.format(Locale.ROOT, " %-17s", o.id()));
            }
            out.append('\n');
            for (Exploration.Sensitivity s : e.sensitivity().subList(0, Math.min(SENSITIVITY_ROWS, e.sensitivity().size()))) {
                out.append(String.format(Locale.ROOT, "  %-36s", s.indicator()));
                for (Outlook o : Outlook.values()) {
                    String cell = String.format(Locale.ROOT, "%.2f", s.firstOrder().get(o.id()))
                            + (totals ? String.format(Locale.ROOT, " (%.2f)", s.total().get(o.id())) : "");
                    out.append(String.format(Locale.ROOT, " %-17s", cell));
                }
                out.append('\n');
            }
            if (e.sensitivity().size() > SENSITIVITY_ROWS) {
                out.append("  ... ").append(e.sensitivity().size() - SENSITIVITY_ROWS).append(" more, each below ")
                        .append(String.format(Locale.ROOT, "%.2f", e.sensitivity().get(SENSITIVITY_ROWS - 1).largest()))
                        .append(" (all in --format json)\n");
            }
        }

        out.append('\n').append(style.bold("Where each outlook leads")).append(" (PRIM boxes over the first ")
                .append(String.format(Locale.ROOT, "%,d", e.keptSamples())).append(" samples)\n");
        for (Exploration.Boxes b : e.boxes()) {
            if (b.boxes().isEmpty()) {
                out.append("  ").append(leaderTitle(b.outlook())).append(": ").append(b.leads() == 0 ? inNoSample(b.outlook())
                        : "no box of conditions stands out").append('\n');
                continue;
            }
            for (int i = 0; i < b.boxes().size(); i++) {
                Exploration.Box box = b.boxes().get(i);
                out.append(String.format(Locale.ROOT, "  %s %.0f%% of samples where %s%s (coverage %.0f%%, %,d samples)%n",
                        holdsIn(b.outlook()), 100 * box.density(), conditions(box.conditions()),
                        i == 0 ? "" : i == 1 ? ", outside the box above" : ", outside the boxes above",
                        100 * box.coverage(), box.samples()));
                if (!box.rules().isEmpty()) {
                    out.append(String.format(Locale.ROOT, "    rules that fire more often there (in %d samples of the box; in all samples):%n",
                            box.replayed()));
                    for (Exploration.FiringRule r : box.rules()) {
                        out.append(String.format(Locale.ROOT, "    %4.0f%% (%3.0f%%)  %s%s%n", 100 * r.inBox(), 100 * r.overall(),
                                "\"" + r.name() + "\"", r.source() == null ? "" : " (¶" + r.source() + ")"));
                    }
                }
            }
        }
        return out.toString();
    }

    static String settings(Exploration e) {
        long stated = e.dimensions().stream().filter(d -> d.stated() != null).count();
        return String.format(Locale.ROOT, "%,d samples, seed %d, --vary %s: %d indicator%s moved (%d stated, %d unknown); "
                        + "Sobol' points shifted at random (docs/explore.md)", e.settings().samples(), e.settings().seed(),
                e.settings().vary().describe(), e.dimensions().size(), e.dimensions().size() == 1 ? "" : "s", stated,
                e.dimensions().size() - stated);
    }

    static String conditions(List<Exploration.Condition> conditions) {
        return conditions.stream().map(c -> c.indicator() + " " + c.text()).collect(Collectors.joining(" and "));
    }

    static String leaderTitle(String id) {
        return id.equals(Exploration.NO_LEADER) ? "no leader (too little evidence)" : title(id);
    }

    /** How a box of an outcome is said to hold: "Chaos leads in", "No leader (too little evidence) in". */
    static String holdsIn(String id) {
        return id.equals(Exploration.NO_LEADER) ? "No leader (too little evidence) in" : title(id) + " leads in";
    }

    /** An outcome that no sample had. */
    static String inNoSample(String id) {
        return id.equals(Exploration.NO_LEADER) ? "in no sample" : "leads in no sample";
    }

    static String title(String outlook) {
        return Outlook.find(outlook).map(Outlook::title).orElse(outlook);
    }

    /** A varied indicator's distribution, for the sampling model's listing. */
    static String distribution(SamplingModel.Dimension d) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < d.levels().size(); l++) {
            s.append(l == 0 ? "" : ", ").append(d.levels().get(l)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", d.probabilities()[l]));
        }
        return s.toString();
    }
}
