package org.apsa.authoring;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Vocabulary;
import org.apsa.rulebase.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a set of fact sets (the rule tests' facts, and optionally {@code facts/}) exercises:
 * how often each rule fired and in how many fact sets, the rules that never fired, and the
 * indicators and levels that no fact set states.
 *
 * @param over         what the fact sets are, in words ("55 rule tests")
 * @param statedLevels for each indicator some fact set states, the levels stated
 * @param vocabulary   the rules' vocabulary: the indicators and levels a test could state
 */
public record Coverage(String over, int factSets, List<RuleCount> rules, Map<String, Set<String>> statedLevels,
                       Vocabulary vocabulary) {

    /** One rule: its firings over all fact sets, and the number of fact sets it fired in. */
    public record RuleCount(RuleInfo rule, int firings, int factSets) {
    }

    /**
     * Assesses every fact set and counts.
     *
     * @throws org.apsa.rulebase.RuleBaseException when the rules misbehave on a fact set
     */
    public static Coverage of(Assessor assessor, List<FactSet> facts, String over) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        for (FactSet f : facts) {
            Assessment a = assessor.assess(f);
            a.firedRules().forEach((rule, times) -> {
                int[] c = counts.computeIfAbsent(rule, k -> new int[2]);
                c[0] += times;
                c[1]++;
            });
            f.indicators().forEach((id, reading) -> levels.computeIfAbsent(id, k -> new TreeSet<>()).add(reading.level()));
        }
        List<RuleCount> rules = new ArrayList<>();
        for (RuleInfo r : assessor.rules().rules()) {
            int[] c = counts.getOrDefault(r.name(), new int[2]);
            rules.add(new RuleCount(r, c[0], c[1]));
        }
        return new Coverage(over, facts.size(), List.copyOf(rules), levels, assessor.rules().knowledgeBase().vocabulary());
    }

    public List<RuleInfo> neverFired() {
        return rules.stream().filter(r -> r.firings() == 0).map(RuleCount::rule).toList();
    }

    /** Indicators of the vocabulary that no fact set states. */
    public List<String> indicatorsNeverStated() {
        return vocabulary.indicators().stream().map(IndicatorDef::id).filter(id -> !statedLevels.containsKey(id)).toList();
    }

    /** For each stated indicator, the levels of its scale that no fact set states. */
    public Map<String, List<String>> levelsNeverStated() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (IndicatorDef def : vocabulary.indicators()) {
            Set<String> stated = statedLevels.get(def.id());
            if (stated == null) {
                continue;
            }
            List<String> levels = def.scale().levels().stream().filter(l -> !stated.contains(l)).toList();
            if (!levels.isEmpty()) {
                missing.put(def.id(), levels);
            }
        }
        return missing;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        long fired = rules.size() - neverFired().size();
        out.append(String.format(Locale.ROOT, "Coverage over %s (%d fact sets): %d of %d rules fired (%.0f%%)%n%n",
                over, factSets, fired, rules.size(), rules.isEmpty() ? 0.0 : 100.0 * fired / rules.size()));
        out.append(String.format(Locale.ROOT, "%-30s %-56s %8s %9s%n", "Where", "Rule", "Firings", "Fact sets"));
        for (RuleCount r : rules) {
            out.append(String.format(Locale.ROOT, "%-30s %-56s %8d %9d%n", r.rule().file() + ":" + r.rule().line(),
                    r.rule().name(), r.firings(), r.factSets()));
        }
        List<RuleInfo> never = neverFired();
        out.append(String.format(Locale.ROOT, "%nRules never fired (%d)%s%n", never.size(), never.isEmpty() ? ": none" : ":"));
        never.forEach(r -> out.append("  ").append(r.file()).append(':').append(r.line()).append("  ").append(r.name()).append('\n'));
        List<String> indicators = indicatorsNeverStated();
        out.append(String.format(Locale.ROOT, "%nIndicators never stated (%d)%s%n", indicators.size(), indicators.isEmpty() ? ": none" : ":"));
        indicators.forEach(id -> out.append("  ").append(id).append('\n'));
        Map<String, List<String>> levels = levelsNeverStated();
        int count = levels.values().stream().mapToInt(List::size).sum();
        out.append(String.format(Locale.ROOT, "%nLevels never stated (%d)%s%n", count, levels.isEmpty() ? ": none" : ":"));
        levels.forEach((id, l) -> out.append(String.format(Locale.ROOT, "  %-36s %s%n", id, String.join(", ", l))));
        return out.toString();
    }
}
