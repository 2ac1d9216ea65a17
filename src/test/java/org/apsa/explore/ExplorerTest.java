package org.apsa.explore;

import org.apsa.ShippedRules;
import org.apsa.engine.Assessor;
import org.apsa.fact.Outlook;
import org.apsa.engine.TestRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.apsa.render.ExplorationJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user relies on in an exploration: shares that add up, the stated leader when nothing is
 * uncertain, the same bytes whatever the threads, and sensitivities and boxes that agree with
 * the rules that fired. No figure of today's rules is pinned: the rules are recalibrated.
 */
class ExplorerTest {

    private static Assessor shipped;
    private static FactSet baseline;

    @BeforeAll
    static void load() {
        shipped = ShippedRules.assessor();
        baseline = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
    }

    @Test
    void leaderSharesAddUpToAllSamples() {
        Exploration e = new Explorer(shipped).explore(baseline, new Explorer.Options(1_000, 7, Vary.ALL, 2));
        assertThat(e.leaders()).hasSize(org.apsa.fact.KnowledgeBase.embedded().outlooks().size() + 1);
        assertThat(e.leaders().stream().mapToLong(Exploration.Lead::count).sum()).isEqualTo(1_000);
        assertThat(e.leaders().stream().mapToDouble(Exploration.Lead::share).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        for (Exploration.Lead l : e.leaders()) {
            assertThat(l.low()).isLessThanOrEqualTo(l.share());
            assertThat(l.high()).isGreaterThanOrEqualTo(l.share());
        }
        for (Exploration.Scores s : e.scores()) {
            assertThat(s.p05()).isLessThanOrEqualTo(s.p50());
            assertThat(s.p50()).isLessThanOrEqualTo(s.p95());
            assertThat(java.util.Arrays.stream(s.histogram()).sum()).isEqualTo(1_000);
        }
    }

    @Test
    void everyConfidenceOneVaryingTheStatedGivesTheAssessedLeaderEveryTime() throws IOException {
        for (Path file : factFiles()) {
            FactSet stated = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file);
            Map<String, Reading> certain = new LinkedHashMap<>();
            stated.indicators().forEach((id, r) -> certain.put(id, new Reading(r.level(), 1.0, r.note())));
            FactSet sure = new FactSet(stated.id(), stated.title(), null, stated.asOf(), certain, KnowledgeBase.embedded().vocabulary());
            String leader = shipped.assess(sure).leading();
            Exploration e = new Explorer(shipped).explore(sure, new Explorer.Options(300, 3, Vary.STATED, 2));
            String slot = leader == null ? Exploration.NO_LEADER : leader;
            assertThat(e.leaders()).as(file.toString())
                    .allSatisfy(l -> assertThat(l.count()).isEqualTo(l.id().equals(slot) ? 300 : 0));
            assertThat(e.assessedLeader()).isEqualTo(leader);
        }
    }

    @Test
    void aStatedConfidenceBelowOneMovesTheLevelAsOftenAsItSays() {
        FactSet one = FactSet.empty("one", KnowledgeBase.embedded().vocabulary()).with("usChina.strategicDistrust", new Reading("high", 0.7, null));
        SamplingModel model = new SamplingModel(one, Vary.STATED, org.apsa.fact.KnowledgeBase.embedded().vocabulary());
        assertThat(model.dimensions()).hasSize(1);
        SamplingModel.Dimension d = model.dimensions().get(0);
        assertThat(d.probabilities()).containsExactly(new double[] {0.1, 0.2, 0.7}, org.assertj.core.data.Offset.offset(1e-12));
        Design design = new Design(1, 5);
        Design.Cursor cursor = design.cursor();
        int[] counts = new int[3];
        byte[] level = new byte[1];
        for (int i = 0; i < 10_000; i++) {
            model.levels(cursor.point(i), 0, level, 0);
            counts[level[0]]++;
        }
        // Sobol' points put each level's share within a few samples of its probability.
        assertThat(counts[0]).isBetween(990, 1010);
        assertThat(counts[1]).isBetween(1990, 2010);
        assertThat(counts[2]).isBetween(6990, 7010);
    }

    @Test
    void theSameSeedGivesTheSameBytesOnOneThreadAndOnTwo() {
        Explorer explorer = new Explorer(shipped);
        String one = ExplorationJson.render(explorer.explore(baseline, new Explorer.Options(1_500, 11, Vary.ALL, 1)));
        String two = ExplorationJson.render(explorer.explore(baseline, new Explorer.Options(1_500, 11, Vary.ALL, 2)));
        String three = ExplorationJson.render(explorer.explore(baseline, new Explorer.Options(1_500, 11, Vary.ALL, 3)));
        assertThat(two).isEqualTo(one);
        assertThat(three).isEqualTo(one);
        String otherSeed = ExplorationJson.render(explorer.explore(baseline, new Explorer.Options(1_500, 12, Vary.ALL, 2)));
        assertThat(otherSeed).isNotEqualTo(one);
    }

    @Test
    void totalEffectsRestOnOneSampleInKAtMostTheirBound() {
        Vary two = Vary.named(List.of("usChina.strategicDistrust", "region.alignment"));
        Explorer explorer = new Explorer(shipped);
        assertThat(explorer.explore(baseline, new Explorer.Options(1_501, 3, two, 2)).totalEffectSamples()).isEqualTo(751);
        Exploration capped = explorer.explore(baseline, new Explorer.Options(3_000, 3, two, 2));
        assertThat(capped.totalEffectSamples()).isEqualTo(Explorer.TOTAL_EFFECT_LIMIT);
        assertThat(capped.sensitivity()).allSatisfy(s -> assertThat(s.total()).isNotNull());
        assertThat(Explorer.totalEffectSamples(20_000, 28)).isEqualTo(715);
        assertThat(Explorer.totalEffectSamples(100_000, 28)).isEqualTo(Explorer.TOTAL_EFFECT_LIMIT);
    }

    @Test
    void anIndicatorWithNoEffectIsNamedByNoRuleThatFired() throws IOException {
        // The peninsula counts only where the region takes sides; held balanced, it has no effect.
        Assessor gated = new Assessor(TestRules.withShippedScoring("../rules-explore/gated"));
        FactSet facts = FactSet.empty("gated", KnowledgeBase.embedded().vocabulary())
                .with("region.economicIntegration", Reading.of("high"))
                .with("region.alignment", Reading.of("balanced"))
                .with("usChina.strategicDistrust", new Reading("high", 0.6, null))
                .with("hotspot.koreanPeninsula", new Reading("tense", 0.5, null));
        Exploration held = new Explorer(gated).explore(facts, new Explorer.Options(2_000, 1, Vary.ALL, 2));
        assertThat(noEffect(held)).contains("hotspot.koreanPeninsula").doesNotContain("usChina.strategicDistrust");
        assertNoFiredRuleNames(held, noEffect(held), Path.of("src/test/resources/rules-explore/gated"));

        // Let the region move too, and the peninsula matters, through the rule that names it.
        Exploration free = new Explorer(gated).explore(facts.with("region.alignment", new Reading("balanced", 0.5, null)),
                new Explorer.Options(2_000, 1, Vary.ALL, 2));
        assertThat(noEffect(free)).doesNotContain("hotspot.koreanPeninsula");
        assertThat(free.firedRules()).extracting(Exploration.FiringRule::name).contains("A Korean crisis in a divided region feeds chaos");
    }

    @Test
    void onTheShippedRulesNoIndicatorWithoutEffectIsNamedByARuleThatFired() throws IOException {
        Exploration e = new Explorer(shipped).explore(baseline, new Explorer.Options(3_000, 2, Vary.ALL, 2));
        assertThat(e.firedRules()).isNotEmpty();
        assertNoFiredRuleNames(e, noEffect(e), Path.of("rules"));
    }

    @Test
    void theTopBoxOfEachOutlookHoldsIndicatorsThatFiredRulesRead() throws IOException {
        Exploration e = new Explorer(shipped).explore(baseline, new Explorer.Options(4_000, 3, Vary.ALL, 2));
        Map<String, Set<String>> named = namedByRule(Path.of("rules"));
        Set<String> read = new HashSet<>();
        e.firedRules().forEach(r -> read.addAll(named.getOrDefault(r.name(), Set.of())));
        int boxes = 0;
        for (Exploration.Boxes b : e.boxes()) {
            if (b.boxes().isEmpty()) {
                continue;
            }
            boxes++;
            Exploration.Box top = b.boxes().get(0);
            assertThat(top.conditions()).isNotEmpty();
            assertThat(top.density()).isGreaterThan(b.leads() / (double) e.keptSamples());
            assertThat(top.conditions()).extracting(Exploration.Condition::indicator).allSatisfy(id -> assertThat(read).contains(id));
        }
        assertThat(boxes).isPositive();
    }

    @Test
    void whereNoOutlookLeadsIsFoundAsWhereEachOutlookLeads() {
        // Six indicators stated at confidence 0.5 and the rest unknown: too little evidence in some of the samples.
        Map<String, Reading> few = new LinkedHashMap<>();
        baseline.indicators().entrySet().stream().limit(6)
                .forEach(i -> few.put(i.getKey(), new Reading(i.getValue().level(), 0.5, null)));
        FactSet sparse = new FactSet("sparse", null, null, null, few, KnowledgeBase.embedded().vocabulary());
        Exploration e = new Explorer(shipped).explore(sparse, new Explorer.Options(2_000, 3, Vary.STATED, 2));

        List<String> outcomes = new ArrayList<>(org.apsa.fact.KnowledgeBase.embedded().outlooks().stream().map(Outlook::id).toList());
        outcomes.add(Exploration.NO_LEADER);
        assertThat(e.boxes()).extracting(Exploration.Boxes::outlook).containsExactlyElementsOf(outcomes);
        Exploration.Boxes none = e.boxes().get(org.apsa.fact.KnowledgeBase.embedded().outlooks().size());
        long count = e.leaders().get(org.apsa.fact.KnowledgeBase.embedded().outlooks().size()).count();
        assertThat(none.leads()).isEqualTo(count).isBetween(100L, 1_900L);
        assertThat(none.boxes()).isNotEmpty();
        Exploration.Box top = none.boxes().get(0);
        assertThat(top.density()).isGreaterThan(count / 2_000.0);
        assertThat(top.conditions()).extracting(Exploration.Condition::indicator).isNotEmpty()
                .allSatisfy(id -> assertThat(few).containsKey(id));
    }

    /** The varied indicators whose total effect on every score is nil. */
    private static Set<String> noEffect(Exploration e) {
        Set<String> none = new HashSet<>();
        for (Exploration.Sensitivity s : e.sensitivity()) {
            if (s.total().values().stream().allMatch(v -> v == 0.0) && s.firstOrder().values().stream().allMatch(v -> v == 0.0)) {
                none.add(s.indicator());
            }
        }
        return none;
    }

    private static void assertNoFiredRuleNames(Exploration e, Set<String> indicators, Path rules) throws IOException {
        if (indicators.isEmpty()) {
            return;
        }
        Map<String, Set<String>> named = namedByRule(rules);
        for (Exploration.FiringRule r : e.firedRules()) {
            assertThat(named.getOrDefault(r.name(), Set.of())).as("indicators named by \"%s\"", r.name()).doesNotContainAnyElementsOf(indicators);
        }
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\"(.*?)^\\s*when\\b(.*?)^\\s*then\\b");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");

    /** Per rule, the indicator ids its conditions name, read from the DRL text. */
    static Map<String, Set<String>> namedByRule(Path folder) throws IOException {
        Map<String, Set<String>> named = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher rule = RULE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (rule.find()) {
                    Set<String> ids = new HashSet<>();
                    Matcher literal = LITERAL.matcher(rule.group(3));
                    while (literal.find()) {
                        if (org.apsa.fact.KnowledgeBase.embedded().vocabulary().find(literal.group(1)).isPresent()) {
                            ids.add(literal.group(1));
                        }
                    }
                    named.put(rule.group(1), ids);
                }
            }
        }
        return named;
    }

    private static List<Path> factFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().contains("schema")).sorted().toList();
        }
    }
}
