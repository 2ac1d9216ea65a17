package org.apsa.render;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.Outlook;
import org.apsa.explain.Change;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two assessments side by side: indicators that differ, outlooks, judgments gained and lost,
 * prescriptions. Each side has a short label that heads its column ("now", "current") and,
 * when the label alone does not say what it is, a description in full above the tables, so
 * that long or equal fact set ids never make the columns ambiguous.
 */
public final class Comparison {

    /** The narrowest column of scores; wider when an outlook id in the "leading" row needs it. */
    private static final int SCORE_WIDTH = 16;

    /**
     * One side of the comparison.
     *
     * @param label   the column header, a word or two
     * @param details what the side is, written in full above the tables; null when the label says it
     */
    public record Side(String label, String details) {
    }

    private Comparison() {
    }

    public static String render(Assessment left, Assessment right, Side leftSide, Side rightSide, Style style) {
        StringBuilder out = new StringBuilder();
        if (leftSide.details() != null || rightSide.details() != null) {
            int width = Math.max(leftSide.label().length(), rightSide.label().length()) + 1;
            for (Side side : List.of(leftSide, rightSide)) {
                out.append(String.format(Locale.ROOT, "%-" + width + "s %s%n", side.label() + ":",
                        side.details() == null ? "" : side.details()));
            }
            out.append('\n');
        }
        List<Change> changes = Change.between(left.knowledgeBase().vocabulary(), left.factSet(), right.factSet());
        out.append(style.bold("Indicators that differ (" + changes.size() + ")")).append('\n');
        if (changes.isEmpty()) {
            out.append("  none\n");
        } else {
            int idWidth = Math.max("Indicator".length(), changes.stream().mapToInt(c -> c.indicator().length()).max().orElse(0));
            int fromWidth = Math.max(leftSide.label().length(), changes.stream().mapToInt(c -> or(c.from()).length()).max().orElse(0));
            String row = "  %-" + idWidth + "s  %-" + fromWidth + "s  %s%n";
            out.append(String.format(Locale.ROOT, row, "Indicator", leftSide.label(), rightSide.label()));
            for (Change c : changes) {
                out.append(String.format(Locale.ROOT, row, c.indicator(), or(c.from()), or(c.to())));
            }
        }
        List<Outlook> outlooks = left.knowledgeBase().outlooks();
        int scoreWidth = Math.max(SCORE_WIDTH, outlooks.stream().mapToInt(o -> o.id().length()).max().orElse(0));
        int leftWidth = Math.max(scoreWidth, leftSide.label().length());
        int rightWidth = Math.max(scoreWidth, rightSide.label().length());
        String columns = "%-34s %" + leftWidth + "s %" + rightWidth + "s";
        out.append('\n').append(style.bold(String.format(Locale.ROOT, columns + " %8s", "Outlook", leftSide.label(),
                rightSide.label(), "change"))).append('\n');
        for (Outlook o : outlooks) {
            BigDecimal a = shown(left.score(o.id()));
            BigDecimal b = shown(right.score(o.id()));
            // The change of the scores as shown, so that the three columns always agree.
            out.append(String.format(Locale.ROOT, columns + " %+8.2f%n", o.title(), a, b, b.subtract(a)));
        }
        out.append(String.format(Locale.ROOT, columns + "%n", "leading", leader(left), leader(right)));
        Set<String> before = left.judgments().stream().map(JudgmentResult::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> after = right.judgments().stream().map(JudgmentResult::id).collect(Collectors.toCollection(TreeSet::new));
        String direction = " (" + leftSide.label() + " -> " + rightSide.label() + ")";
        out.append('\n').append(style.bold("Judgments" + direction)).append('\n');
        list(out, "gained", after.stream().filter(j -> !before.contains(j)).toList());
        list(out, "lost", before.stream().filter(j -> !after.contains(j)).toList());
        Map<String, Boolean> wasMet = left.prescriptions().stream().collect(Collectors.toMap(PrescriptionResult::id, PrescriptionResult::met));
        Map<String, PrescriptionResult> now = right.prescriptions().stream().collect(Collectors.toMap(PrescriptionResult::id, Function.identity()));
        out.append('\n').append(style.bold("Prescriptions" + direction)).append('\n');
        list(out, "newly met", now.values().stream().filter(p -> p.met() && Boolean.FALSE.equals(wasMet.get(p.id())))
                .map(PrescriptionResult::id).sorted().toList());
        list(out, "no longer met", now.values().stream().filter(p -> !p.met() && Boolean.TRUE.equals(wasMet.get(p.id())))
                .map(PrescriptionResult::id).sorted().toList());
        return out.toString();
    }

    /** A score as the table shows it, to two decimals. */
    private static BigDecimal shown(double score) {
        return new BigDecimal(String.format(Locale.ROOT, "%.2f", score));
    }

    private static void list(StringBuilder out, String label, List<String> items) {
        out.append(String.format(Locale.ROOT, "  %-14s %s%n", label + ":", items.isEmpty() ? "none" : String.join(", ", items)));
    }

    private static String leader(Assessment a) {
        return a.leading() == null ? "none" : a.leading();
    }

    private static String or(String level) {
        return level == null ? "unknown" : level;
    }
}
