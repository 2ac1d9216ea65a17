package org.apsa.ruletest;

import org.apsa.engine.Assessment;
import org.apsa.fact.Outlook;
import org.apsa.engine.WhatIf;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration (rules/README.md, "Calibration"): the scores follow the situation, not how many
 * rules each outlook has. Every outlook can be "very likely" for some fact set of the
 * vocabulary, and the fact set that realises the article's own description of an outlook
 * (facts/archetype-*.json) leads with it at "very likely".
 */
class CalibrationTest {

    /** What some fact set must reach for every outlook. */
    private static final double REACHABLE = 0.90;
    /** What each archetype must give its own outlook. */
    private static final double VERY_LIKELY = 0.80;

    @ParameterizedTest(name = "archetype-{0} leads with its outlook at very likely")
    @ValueSource(strings = {"deep-integration", "shared-dominance", "polarization", "chaos"})
    void eachArchetypeLeadsWithItsOutlookAtVeryLikely(String outlook) {
        Assessment a = RuleFixtures.ASSESSOR.assess(RuleFixtures.facts("archetype-" + outlook));
        assertEquals(outlook, a.leading(), a.scenarios().toString());
        assertTrue(a.score(outlook) >= VERY_LIKELY, "archetype-" + outlook + " gives " + outlook + " "
                + a.score(outlook) + ", below " + VERY_LIKELY + ": " + a.scenarios());
    }

    @Test
    void everyOutlookCanBeVeryLikely() {
        Map<String, Search> best = reachableMaxima();
        StringBuilder report = new StringBuilder("reachable maxima (coordinate ascent over the vocabulary from each archetype):\n");
        best.forEach((outlook, s) -> report.append(String.format(Locale.ROOT, "  %-17s %.4f from archetype-%s, net advantage %.2f: %s%n",
                outlook, s.score, s.start, s.advantage, s.facts)));
        System.out.print(report);
        best.forEach((outlook, s) -> assertTrue(s.score >= REACHABLE,
                outlook + " reaches at most " + s.score + ", below " + REACHABLE + "\n" + report));
    }

    /**
     * The normalisation of the scoring rule divides each outlook's support by its reach, the most
     * support the rules can give it at once; a rule that adds support without the reach being
     * raised would let one outlook outweigh the others again. The reach is what the search
     * finds for the outlook's net evidence (every outlook's best case has no evidence against).
     */
    @Test
    void theReachesInTheKnowledgeBaseAreWhatTheRulesGive() throws IOException {
        List<org.apsa.fact.Outlook> declared = org.apsa.rulebase.RuleBaseLoader.knowledgeBase(RuleFixtures.RULES).outlooks();
        List<String> outlooks = org.apsa.fact.KnowledgeBase.embedded().outlookIds();
        for (int i = 0; i < declared.size(); i++) {
            String outlook = outlooks.get(i);
            double reach = declared.get(i).reach();
            double found = Double.NEGATIVE_INFINITY;
            for (String start : outlooks) {
                found = Math.max(found, ascend(RuleFixtures.facts("archetype-" + start), start, outlook, true).net);
            }
            assertEquals(reach, found, 1e-9, "the most net evidence the rules give " + outlook
                    + " is " + found + ", the reach in knowledge-base.json " + reach + ": set the reach to it");
        }
    }

    /** For each outlook, the best fact set the search finds from any of the four archetypes. */
    static Map<String, Search> reachableMaxima() {
        Map<String, Search> best = new TreeMap<>();
        for (String outlook : org.apsa.fact.KnowledgeBase.embedded().outlookIds()) {
            for (String start : org.apsa.fact.KnowledgeBase.embedded().outlookIds()) {
                Search s = ascend(RuleFixtures.facts("archetype-" + start), start, outlook, false);
                if (!best.containsKey(outlook) || s.score > best.get(outlook).score) {
                    best.put(outlook, s);
                }
            }
        }
        return best;
    }

    record Search(String start, double score, double advantage, double net, Map<String, String> facts) {
    }

    /**
     * Coordinate ascent: indicator by indicator, try every level at confidence 1 and unknown,
     * keep whatever raises the outlook's score (or, at equal rounded score, its lead in net
     * evidence over the strongest other), until a full round changes nothing. With
     * {@code byNet}, what is raised is the outlook's own net evidence instead.
     */
    static Search ascend(FactSet start, String startName, String outlook, boolean byNet) {
        try (WhatIf live = RuleFixtures.ASSESSOR.whatIf(start)) {
            Map<String, Reading> changes = new HashMap<>();
            double[] current = objective(live.evaluate(changes), outlook, byNet);
            boolean moved = true;
            for (int round = 0; moved && round < 20; round++) {
                moved = false;
                for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
                    List<Reading> options = new ArrayList<>();
                    options.add(null);
                    def.scale().levels().forEach(l -> options.add(Reading.of(l)));
                    for (Reading option : options) {
                        Map<String, Reading> tried = new HashMap<>(changes);
                        tried.put(def.id(), option);
                        double[] value = objective(live.evaluate(tried), outlook, byNet);
                        if (value[0] > current[0] + 1e-9 || (value[0] >= current[0] - 1e-9 && value[1] > current[1] + 1e-9)) {
                            changes = tried;
                            current = value;
                            moved = true;
                        }
                    }
                }
            }
            Map<String, String> facts = new TreeMap<>();
            Map<String, Reading> all = new LinkedHashMap<>(start.indicators());
            all.putAll(changes);
            all.forEach((id, r) -> {
                if (r != null) {
                    facts.put(id, r.brief());
                }
            });
            return new Search(startName, current[byNet ? 2 : 0], current[1], current[byNet ? 0 : 2], facts);
        }
    }

    /**
     * What the search raises first and second: the outlook's score, then its net evidence less
     * the strongest other outlook's; the third is the other of score and own net.
     */
    private static double[] objective(WhatIf.Outcome outcome, String outlook, boolean byNet) {
        double own = 0;
        double other = Double.NEGATIVE_INFINITY;
        for (var s : outcome.scores()) {
            if (s.scenario().equals(outlook)) {
                own = s.net();
            } else {
                other = Math.max(other, s.net());
            }
        }
        return byNet ? new double[] {own, own - other, outcome.score(outlook)}
                : new double[] {outcome.score(outlook), own - other, own};
    }
}
