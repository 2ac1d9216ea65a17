package org.apsa.authoring;

import org.apsa.authoring.DrlFile.Block;
import org.apsa.authoring.DrlFile.Literal;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown catalogue of a rule base: per file, its header and, per rule, the title, the
 * paragraphs, the claims, what it concludes and which indicators and judgments it reads.
 * Generated from the rules, never edited by hand; the same rules give the same bytes.
 */
public final class Catalogue {

    /** How the committed copy is regenerated; printed in the catalogue itself. */
    public static final String REGENERATE = "java -jar target/apsa.jar rules doc --out rules/CATALOGUE.md";

    private static final Pattern LHS_TYPE = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");
    private static final Set<String> SHOWN_APART = Set.of("Indicator", "Judgment", "Support", "Recommendation");

    private Catalogue() {
    }

    public static String markdown(RuleBase rules) {
        Path folder = rules.folder();
        Map<String, List<RuleInfo>> byFile = new LinkedHashMap<>();
        for (RuleInfo r : rules.rules()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Rule catalogue\n\n");
        out.append("Generated from the rules; do not edit by hand. Regenerate with `").append(REGENERATE).append("`.\n\n");
        out.append(rules.rules().size()).append(" rules in ").append(byFile.size()).append(" files.\n\n");
        out.append("| file | rules | concern |\n|---|---|---|\n");
        Map<String, DrlFile> files = new LinkedHashMap<>();
        for (String name : byFile.keySet()) {
            DrlFile file = new DrlFile(name, read(folder.resolve(name)));
            files.put(name, file);
            out.append("| [`").append(name).append("`](#").append(anchor(name)).append(") | ").append(byFile.get(name).size())
                    .append(" | ").append(cell(firstSentence(header(file)))).append(" |\n");
        }
        for (Map.Entry<String, List<RuleInfo>> e : byFile.entrySet()) {
            DrlFile file = files.get(e.getKey());
            out.append("\n## ").append(e.getKey()).append("\n\n");
            String header = header(file);
            if (!header.isEmpty()) {
                out.append(header).append("\n\n");
            }
            out.append("| rule | title | ¶ | claims | concludes | reads |\n|---|---|---|---|---|---|\n");
            Map<String, Block> blocks = new LinkedHashMap<>();
            file.blocks().forEach(b -> blocks.putIfAbsent(b.name(), b));
            for (RuleInfo r : e.getValue()) {
                Block block = blocks.get(r.name());
                RuleAnalysis a = block == null ? null : RuleAnalysis.of(file, block);
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

    private static String concludes(RuleAnalysis a) {
        List<String> parts = new ArrayList<>();
        a.judgmentsInserted.forEach(l -> parts.add("judgment `" + l.value() + "`"));
        a.supports.forEach(s -> parts.add((s.weight().startsWith("-") ? "against " : "for ") + s.scenario() + " "
                + (s.weight().startsWith("-") || s.weight().startsWith("+") ? s.weight() : "+" + s.weight())));
        a.recommendations.forEach(r -> parts.add("recommendation" + (r.id() == null ? "" : " `" + r.id().value() + "`")
                + (r.indicator() == null ? "" : " (met by `" + r.indicator().value() + "` "
                + String.join(" or ", r.levels().stream().map(Literal::value).toList()) + ")")));
        for (String type : a.concludes) {
            if (!SHOWN_APART.contains(type)) {
                parts.add(type);
            }
        }
        return String.join("; ", new LinkedHashSet<>(parts));
    }

    private static String reads(RuleAnalysis a) {
        Map<String, Set<String>> indicators = new LinkedHashMap<>();
        a.indicatorIds.forEach(l -> indicators.putIfAbsent(l.value(), new LinkedHashSet<>()));
        for (RuleAnalysis.LevelUse use : a.levels) {
            if (use.level() != null && use.ids().size() == 1) {
                indicators.computeIfAbsent(use.ids().get(0), k -> new LinkedHashSet<>()).add(use.level().value());
            }
        }
        List<String> parts = new ArrayList<>();
        indicators.forEach((id, levels) -> parts.add("`" + id + "`" + (levels.isEmpty() ? "" : " " + String.join("/", levels))));
        new LinkedHashSet<>(a.judgmentsUsed.stream().map(u -> u.id().value()).toList())
                .forEach(id -> parts.add("judgment `" + id + "`"));
        Matcher m = LHS_TYPE.matcher(a.file.code()).region(a.block.lhsFrom(), a.block.lhsTo());
        Set<String> others = new LinkedHashSet<>();
        while (m.find()) {
            if (!Set.of("Indicator", "Judgment").contains(m.group(1))) {
                boolean negated = a.file.code(a.block.lhsFrom(), m.start()).stripTrailing().matches("(?s).*\\bnot");
                others.add((negated ? "no " : "") + m.group(1));
            }
        }
        others.forEach(t -> parts.add(t));
        return String.join("; ", parts);
    }

    /** The comment lines that open a file, as one paragraph. */
    static String header(DrlFile file) {
        StringBuilder out = new StringBuilder();
        for (String line : file.text().split("\n")) {
            String t = line.strip();
            if (!t.startsWith("//")) {
                break;
            }
            String words = t.substring(2).strip();
            if (!words.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(words);
            }
        }
        return out.toString();
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

    private static String read(Path file) {
        return RuleBaseLoader.readText(file);
    }
}
