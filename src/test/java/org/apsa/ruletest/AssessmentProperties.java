package org.apsa.ruletest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Assessor;
import org.apsa.engine.Evaluation;
import org.apsa.engine.Indicator;
import org.apsa.engine.Judgment;
import org.apsa.engine.Leading;
import org.apsa.engine.Prescription;
import org.apsa.engine.ScenarioScore;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.KnowledgeBase;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants of the knowledge base that the article implies, checked on random fact sets
 * (random subsets of indicators, random levels and confidences). "Improving a condition the
 * article ties to an outlook never lowers that outlook's score, all else equal": the
 * properties check the score, that the outlook's net evidence does not fall, and that no
 * other outlook's net evidence rises more than the favoured outlook's (worsening toward
 * chaos, stricter: raises no other outlook's net evidence at all).
 */
class AssessmentProperties {

    private static final double TOLERANCE = 1e-9;

    /**
     * The conditions the article says favour deep integration, with the direction of
     * improvement on each scale: +1 up the scale, -1 down it (less distrust, away from
     * taking sides).
     */
    static final Map<String, Integer> FAVOURING_INTEGRATION = Map.ofEntries(
            Map.entry("us.presence.transparency", 1),
            Map.entry("us.disputes.neutrality", 1),
            Map.entry("us.alliances.openness", 1),
            Map.entry("us.reassurance.consistency", 1),
            Map.entry("usChina.militaryExchanges", 1),
            Map.entry("usChina.strategicDistrust", -1),
            Map.entry("china.publicGoods", 1),
            Map.entry("china.securityDialogue", 1),
            Map.entry("china.securityPartnerships", 1),
            Map.entry("region.alignment", -1),
            Map.entry("region.cooperationNetwork", 1),
            Map.entry("region.smallStatesVoice", 1),
            Map.entry("region.economicIntegration", 1),
            Map.entry("mechanism.collectiveSecurity", 1),
            Map.entry("mechanism.sixPartyTalks", 1),
            Map.entry("mechanism.eastAsiaSummit", 1),
            Map.entry("mechanism.sco", 1),
            Map.entry("mechanism.disputeManagement", 1),
            Map.entry("mechanism.transPacificArchitecture", 1));

    /** Worsening toward chaos: hotspots up their scale, dispute management down. */
    static final Map<String, Integer> WORSENING_TOWARD_CHAOS = Map.of(
            "hotspot.koreanPeninsula", 1,
            "hotspot.eastChinaSea", 1,
            "hotspot.southChinaSea", 1,
            "hotspot.afghanistan", 1,
            "mechanism.disputeManagement", -1);

    private final Assessor assessor = RuleFixtures.ASSESSOR;

    @Provide
    Arbitrary<FactSet> factSets() {
        return randomFactSets();
    }

    /** Random subsets of the vocabulary at random levels and confidences (each indicator stated 6 times in 10). */
    static Arbitrary<FactSet> randomFactSets() {
        List<Arbitrary<Optional<Map.Entry<String, Reading>>>> parts = new ArrayList<>();
        for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
            Arbitrary<String> level = Arbitraries.of(def.scale().levels());
            Arbitrary<Double> confidence = Arbitraries.integers().between(1, 100).map(i -> i / 100.0)
                    .edgeCases(c -> c.add(1.0));
            parts.add(Combinators.combine(level, confidence, Arbitraries.integers().between(0, 9))
                    .as((l, c, keep) -> keep < 4 ? Optional.<Map.Entry<String, Reading>>empty()
                            : Optional.of(Map.entry(def.id(), new Reading(l, c, null)))));
        }
        return Combinators.combine(parts).as(entries -> {
            Map<String, Reading> indicators = new LinkedHashMap<>();
            entries.forEach(e -> e.ifPresent(x -> indicators.put(x.getKey(), x.getValue())));
            return new FactSet("generated", null, null, null, indicators, KnowledgeBase.embedded().vocabulary());
        });
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void improvingAConditionFavouringIntegrationNeverLowersIt(@ForAll("factSets") FactSet facts) {
        Assessment before = assessor.assess(facts);
        for (Map.Entry<String, Integer> e : FAVOURING_INTEGRATION.entrySet()) {
            Optional<FactSet> improved = step(facts, e.getKey(), e.getValue());
            if (improved.isEmpty()) {
                continue;
            }
            Assessment after = assessor.assess(improved.get());
            String change = describe(facts, improved.get(), e.getKey());
            assertNetNotLower(before, after, "deep-integration", change);
            assertOthersRiseNoMore(before, after, "deep-integration", change);
            assertTrue(after.score("deep-integration") >= before.score("deep-integration") - TOLERANCE,
                    change + " lowered the deep-integration score");
        }
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void worseningHotspotsOrDisputeManagementNeverLowersChaos(@ForAll("factSets") FactSet facts) {
        Assessment before = assessor.assess(facts);
        for (Map.Entry<String, Integer> e : WORSENING_TOWARD_CHAOS.entrySet()) {
            Optional<FactSet> worse = step(facts, e.getKey(), e.getValue());
            if (worse.isEmpty()) {
                continue;
            }
            Assessment after = assessor.assess(worse.get());
            String change = describe(facts, worse.get(), e.getKey());
            assertNetNotLower(before, after, "chaos", change);
            assertOthersNotHigher(before, after, "chaos", change);
            assertTrue(after.score("chaos") >= before.score("chaos") - TOLERANCE, change + " lowered the chaos score");
        }
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void takingSidesNeverLowersPolarization(@ForAll("factSets") FactSet facts) {
        Optional<FactSet> sides = step(facts, "region.alignment", 1);
        if (sides.isEmpty()) {
            return;
        }
        Assessment before = assessor.assess(facts);
        Assessment after = assessor.assess(sides.get());
        String change = describe(facts, sides.get(), "region.alignment");
        assertNetNotLower(before, after, "polarization", change);
        assertOthersRiseNoMore(before, after, "polarization", change);
        assertTrue(after.score("polarization") >= before.score("polarization") - TOLERANCE,
                change + " lowered the polarization score");
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void scoresAreFourAndSumToOne(@ForAll("factSets") FactSet facts) {
        Assessment a = assessor.assess(facts);
        assertEquals(new TreeSet<>(org.apsa.fact.KnowledgeBase.embedded().outlookIds()), new TreeSet<>(a.scenarios().stream().map(ScenarioScore::scenario).toList()));
        double sum = a.scenarios().stream().mapToDouble(ScenarioScore::score).sum();
        assertEquals(1.0, sum, 0.0005, "scores " + a.scenarios());
    }

    /** Also catches two rules deriving one judgment with different confidences, which the engine rejects. */
    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void everyFactSetIsAssessedWithoutRuleBaseProblems(@ForAll("factSets") FactSet facts) {
        Assessment a = assessor.assess(facts);
        if (a.status().equals(Assessment.ASSESSED)) {
            assertNotNull(a.leading());
            assertEquals(a.scenarios().get(0).scenario(), a.leading());
            assertTrue(a.evidence() >= 3.0 - TOLERANCE, "assessed on evidence " + a.evidence());
        } else {
            assertEquals(Assessment.INSUFFICIENT_EVIDENCE, a.status());
            assertNull(a.leading());
            assertTrue(a.evaluation().isEmpty(), "evaluated without a leader: " + a.evaluation());
        }
        assertEquals(16, a.prescriptions().size());
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void meetingARecommendationNeverLowersDeepIntegration(@ForAll("factSets") FactSet facts) {
        for (PrescriptionResult p : assessor.assess(facts).prescriptions()) {
            if (!p.met()) {
                assertNotNull(p.gain(), p.id());
                assertTrue(p.gain() >= 0.0, "meeting " + p.id() + " would lower deep integration by " + -p.gain());
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void insertionOrderDoesNotMatter(@ForAll("factSets") FactSet facts, @ForAll Random random) {
        List<String> order = new ArrayList<>(facts.indicators().keySet());
        Map<String, List<String>> inOrder = conclusions(facts, order);
        Collections.shuffle(order, random);
        Map<String, List<String>> shuffled = conclusions(facts, order);
        Collections.reverse(order);
        Map<String, List<String>> reversed = conclusions(facts, order);
        assertEquals(inOrder, shuffled, "insertion order " + order);
        assertEquals(inOrder, reversed, "insertion order " + order);

        Assessment a = assessor.assess(facts);
        assertEquals(inOrder.get("judgments"), a.judgments().stream()
                .map(j -> j.id() + "@" + j.confidence()).sorted().toList());
        assertEquals(inOrder.get("scores"), a.scenarios().stream().map(AssessmentProperties::score).sorted().toList());
        assertEquals(inOrder.get("prescriptions"), a.prescriptions().stream()
                .map(p -> p.id() + (p.met() ? " met" : " unmet")).sorted().toList());
        assertEquals(assessor.assess(facts), a, "two assessments of one fact set differ");
    }

    /** What the rules conclude when the indicators are inserted in the given order. */
    private static Map<String, List<String>> conclusions(FactSet facts, List<String> order) {
        KieSession session = RuleFixtures.RULE_BASE.newSession();
        try {
            for (String id : order) {
                Reading r = facts.indicators().get(id);
                IndicatorDef def = KnowledgeBase.embedded().vocabulary().find(id).orElseThrow();
                session.insert(new Indicator(id, r.level(), def.scale().rank(r.level()), r.confidence(), r.note()));
            }
            session.fireAllRules(Assessor.FIRING_LIMIT);
            Map<String, List<String>> out = new LinkedHashMap<>();
            List<String> judgments = new ArrayList<>();
            List<String> scores = new ArrayList<>();
            List<String> prescriptions = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Judgment j) {
                    judgments.add(j.id() + "@" + j.confidence());
                } else if (o instanceof ScenarioScore s) {
                    scores.add(score(s));
                } else if (o instanceof Prescription p) {
                    prescriptions.add(p.id() + (p.met() ? " met" : " unmet"));
                } else if (o instanceof Leading || o instanceof Evaluation) {
                    rest.add(o.toString());
                }
            }
            out.put("judgments", judgments.stream().sorted().toList());
            out.put("scores", scores.stream().sorted().toList());
            out.put("prescriptions", prescriptions.stream().sorted().toList());
            out.put("leading and evaluation", rest.stream().sorted().toList());
            return out;
        } finally {
            session.dispose();
        }
    }

    private static String score(ScenarioScore s) {
        return s.scenario() + " net " + s.net() + " score " + s.score() + " rank " + s.rank() + " " + s.likelihood();
    }

    /** The fact set with one indicator moved one level in a direction, if it is stated and can move. */
    static Optional<FactSet> step(FactSet facts, String id, int direction) {
        Reading r = facts.indicators().get(id);
        if (r == null) {
            return Optional.empty();
        }
        List<String> levels = KnowledgeBase.embedded().vocabulary().find(id).orElseThrow().scale().levels();
        int to = levels.indexOf(r.level()) + direction;
        if (to < 0 || to >= levels.size()) {
            return Optional.empty();
        }
        return Optional.of(facts.with(id, new Reading(levels.get(to), r.confidence(), r.note())));
    }

    private static String describe(FactSet before, FactSet after, String id) {
        return String.format(Locale.ROOT, "moving %s from %s to %s (confidence %.2f) in %s", id,
                before.indicators().get(id).level(), after.indicators().get(id).level(),
                before.indicators().get(id).confidence(), before.indicators());
    }

    private static void assertNetNotLower(Assessment before, Assessment after, String scenario, String change) {
        double b = before.scenario(scenario).orElseThrow().net();
        double a = after.scenario(scenario).orElseThrow().net();
        assertTrue(a >= b - TOLERANCE, change + " lowered the net evidence for " + scenario + " from " + b + " to " + a);
    }

    private static void assertOthersNotHigher(Assessment before, Assessment after, String scenario, String change) {
        for (String other : org.apsa.fact.KnowledgeBase.embedded().outlookIds()) {
            if (other.equals(scenario)) {
                continue;
            }
            double b = before.scenario(other).orElseThrow().net();
            double a = after.scenario(other).orElseThrow().net();
            assertTrue(a <= b + TOLERANCE, change + " raised the net evidence for " + other + " from " + b + " to " + a);
        }
    }

    /**
     * No other outlook's net evidence rises more than the favoured outlook's: evidence the
     * article gives against another outlook may fall away with the change (forming blocs,
     * which count against chaos, dissolve as the region stops taking sides), but never by more
     * than the favoured outlook gains.
     */
    private static void assertOthersRiseNoMore(Assessment before, Assessment after, String scenario, String change) {
        double rise = after.scenario(scenario).orElseThrow().net() - before.scenario(scenario).orElseThrow().net();
        for (String other : org.apsa.fact.KnowledgeBase.embedded().outlookIds()) {
            if (other.equals(scenario)) {
                continue;
            }
            double b = before.scenario(other).orElseThrow().net();
            double a = after.scenario(other).orElseThrow().net();
            assertTrue(a - b <= rise + TOLERANCE, change + " raised the net evidence for " + other + " from " + b + " to " + a
                    + ", more than " + scenario + "'s rise of " + rise);
        }
    }
}
