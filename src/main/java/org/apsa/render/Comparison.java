package org.apsa.render;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Outlook;
import org.apsa.explain.Change;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Two assessments side by side: indicators that differ, outlooks, judgments gained and lost, prescriptions. */
public final class Comparison {

    private Comparison() {
    }

    public static String render(Assessment left, Assessment right, String leftName, String rightName, Style style) {
        StringBuilder out = new StringBuilder();
        List<Change> changes = Change.between(left.factSet(), right.factSet());
        out.append(style.bold("Indicators that differ (" + changes.size() + ")")).append('\n');
        if (changes.isEmpty()) {
            out.append("  none\n");
        }
        for (Change c : changes) {
            out.append(String.format(Locale.ROOT, "  %-36s %-16s %s%n", c.indicator(), or(c.from()), or(c.to())));
        }
        out.append('\n').append(style.bold(String.format(Locale.ROOT, "%-34s %16s %16s %8s", "Outlook", cut(leftName), cut(rightName), "change")))
                .append('\n');
        for (Outlook o : Outlook.values()) {
            double a = left.score(o.id());
            double b = right.score(o.id());
            out.append(String.format(Locale.ROOT, "%-34s %16.2f %16.2f %+8.2f%n", o.title(), a, b, b - a));
        }
        out.append(String.format(Locale.ROOT, "%-34s %16s %16s%n", "leading", cut(leader(left)), cut(leader(right))));
        Set<String> before = left.judgments().stream().map(JudgmentResult::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> after = right.judgments().stream().map(JudgmentResult::id).collect(Collectors.toCollection(TreeSet::new));
        out.append('\n').append(style.bold("Judgments")).append('\n');
        list(out, "gained", after.stream().filter(j -> !before.contains(j)).toList());
        list(out, "lost", before.stream().filter(j -> !after.contains(j)).toList());
        Map<String, Boolean> wasMet = left.prescriptions().stream().collect(Collectors.toMap(PrescriptionResult::id, PrescriptionResult::met));
        Map<String, PrescriptionResult> now = right.prescriptions().stream().collect(Collectors.toMap(PrescriptionResult::id, Function.identity()));
        out.append('\n').append(style.bold("Prescriptions")).append('\n');
        list(out, "newly met", now.values().stream().filter(p -> p.met() && Boolean.FALSE.equals(wasMet.get(p.id())))
                .map(PrescriptionResult::id).sorted().toList());
        list(out, "no longer met", now.values().stream().filter(p -> !p.met() && Boolean.TRUE.equals(wasMet.get(p.id())))
                .map(PrescriptionResult::id).sorted().toList());
        return out.toString();
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

    private static String cut(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "~";
    }
}
