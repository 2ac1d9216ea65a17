package org.apsa.authoring;

import org.apsa.rulebase.DrlModel;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Markdown catalogue of a rule base: per file, its header and, per rule, the title, the
 * paragraphs, the claims, what it concludes and which indicators and judgments it reads.
 * Generated from the rules, never edited by hand; the same rules give the same bytes.
 */
public final class Catalogue {

    /** How the committed copy is regenerated; printed in the catalogue itself. */
    public static final String REGENERATE = "java -jar target/apsa.jar rules doc --out rules/CATALOGUE.md";

    private static final Set<String> SHOWN_APART = Set.of("Indicator", "Judgment", "Support", "Recommendation");

    private Catalogue() {
    }

    public static String markdown(RuleBase rules) {
        Map<String, List<RuleInfo>> byFile = rules.rules().stream()
                .collect(Collectors.groupingBy(RuleInfo::file, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        out.append("# Rule catalogue\n\n");
        out.append("Generated from the rules; do not edit by hand. Regenerate with `").append(REGENERATE).append("`.\n\n");
        out.append(rules.rules().size()).append(" rules in ").append(byFile.size()).append(" files.\n\n");
        out.append("| file | rules | concern |\n|---|---|---|\n");
        Map<String, String> headers = new LinkedHashMap<>();
        rules.model().files().forEach(f -> headers.put(f.file(), f.header()));
        for (String name : byFile.keySet()) {
            out.append("| [`").append(name).append("`](#").append(anchor(name)).append(") | ").append(byFile.get(name).size())
                    .append(" | ").append(cell(firstSentence(headers.getOrDefault(name, "")))).append(" |\n");
        }
        for (Map.Entry<String, List<RuleInfo>> e : byFile.entrySet()) {
            out.append("\n## ").append(e.getKey()).append("\n\n");
            String header = headers.getOrDefault(e.getKey(), "");
            if (!header.isEmpty()) {
                out.append(header).append("\n\n");
            }
            out.append("| rule | title | ¶ | claims | concludes | reads |\n|---|---|---|---|---|---|\n");
            Map<String, DrlModel.Rule> written = new LinkedHashMap<>();
            rules.model().rules().stream().filter(m -> m.file().equals(e.getKey())).forEach(m -> written.putIfAbsent(m.name(), m));
            for (RuleInfo r : e.getValue()) {
                DrlModel.Rule a = written.get(r.name());
                out.append("| ").append(cell(r.name())).append(" (line ").append(r.line()).append(") | ")
                        .append(cell(r.title() == null ? "" : r.title())).append(" | ")
                        .append(r.source() == null ? "" : cell(r.source())).append(" | ")
                        .append(String.join(", ", r.claims())).append(" | ")
                        .append(a == null ? "" : cell(concludes(a))).append(" | ")
                        .append(a == null ? "" : cell(reads(a))).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String concludes(DrlModel.Rule a) {
        List<String> parts = new ArrayList<>();
        a.judgmentsDrawn().forEach(id -> parts.add("judgment `" + id + "`"));
        a.supports().stream().filter(s -> s.weight() != null).forEach(s -> parts.add((s.against() ? "against " : "for ")
                + s.outlook() + " " + (s.weight().startsWith("-") || s.weight().startsWith("+") ? s.weight() : "+" + s.weight())));
        for (DrlModel.Creation r : a.created("Recommendation")) {
            List<String> levels = r.arguments().stream().skip(5).filter(DrlModel.Argument::string).map(DrlModel.Argument::literal).toList();
            parts.add("recommendation" + r.string(0).map(id -> " `" + id.literal() + "`").orElse("")
                    + r.string(4).map(i -> " (met by `" + i.literal() + "` " + String.join(" or ", levels) + ")").orElse(""));
        }
        a.concludes().stream().filter(type -> !SHOWN_APART.contains(type)).forEach(parts::add);
        return String.join("; ", new LinkedHashSet<>(parts));
    }

    private static String reads(DrlModel.Rule a) {
        Map<String, Set<String>> indicators = new LinkedHashMap<>();
        a.indicatorsRead().forEach(id -> indicators.putIfAbsent(id, new LinkedHashSet<>()));
        for (DrlModel.Constraint level : a.compared("Indicator", "level")) {
            List<String> ids = Validator.idsOf(a, level);
            if (ids.size() == 1) {
                indicators.computeIfAbsent(ids.get(0), k -> new LinkedHashSet<>()).add(level.value());
            }
        }
        List<String> parts = new ArrayList<>();
        indicators.forEach((id, levels) -> parts.add("`" + id + "`" + (levels.isEmpty() ? "" : " " + String.join("/", levels))));
        a.judgmentsRead().forEach(id -> parts.add("judgment `" + id + "`"));
        a.patterns().stream().filter(p -> !Set.of("Indicator", "Judgment", "Object").contains(p.type()))
                .map(p -> (p.negated() ? "no " : "") + p.type()).distinct().forEach(parts::add);
        return String.join("; ", parts);
    }

    private static String firstSentence(String text) {
        int colon = text.indexOf(": ");
        int stop = text.indexOf(". ");
        int end = colon > 0 && (stop < 0 || colon < stop) ? colon : stop;
        return end > 0 ? text.substring(0, end) : text;
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
