package org.apsa.ruletest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metamorphic relations the article fixes: one indicator moved between two named levels, the
 * rest of a random fact set unchanged, moves one outlook the way the article says. Each
 * relation names its paragraph; the moved indicator is stated with a confidence of at least
 * 0.5, so that the move is a real one and not lost in the scores' four decimals.
 */
class MetamorphicProperties {

    private static final double TOLERANCE = 1e-9;

    private final Assessor assessor = RuleFixtures.ASSESSOR;

    @Provide
    Arbitrary<FactSet> factSets() {
        return AssessmentProperties.randomFactSets();
    }

    @Provide
    Arbitrary<Double> confidences() {
        return Arbitraries.integers().between(50, 100).map(i -> i / 100.0);
    }

    /** ¶9: "also necessary is a certain degree of transparency": medium meets it and counts. */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void aCertainDegreeOfTransparencyRaisesDeepIntegration(@ForAll("factSets") FactSet facts, @ForAll("confidences") double c) {
        FactSet low = facts.with("us.presence.transparency", new Reading("low", c, null));
        FactSet medium = facts.with("us.presence.transparency", new Reading("medium", c, null));
        assertRises(low, medium, "deep-integration", "transparency low -> medium");
    }

    /** ¶4: under US-China consensus, small states without a say are the mark of shared dominance. */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void silencingSmallStatesUnderConsensusRaisesSharedDominance(@ForAll("factSets") FactSet facts, @ForAll("confidences") double c,
                                                               @ForAll("confidences") double consensus) {
        FactSet agreed = facts.with("usChina.accommodation", new Reading("consensus", consensus, null));
        FactSet heard = agreed.with("region.smallStatesVoice", new Reading("high", c, null));
        FactSet silent = agreed.with("region.smallStatesVoice", new Reading("low", c, null));
        assertRises(heard, silent, "shared-dominance", "small states' voice high -> low under consensus");
    }

    /** ¶5: "especially as China's military strength grows". */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void fasterMilitaryGrowthRaisesPolarization(@ForAll("factSets") FactSet facts, @ForAll("confidences") double c) {
        FactSet medium = facts.with("china.militaryGrowth", new Reading("medium", c, null));
        FactSet high = facts.with("china.militaryGrowth", new Reading("high", c, null));
        assertRises(medium, high, "polarization", "China's military growth medium -> high");
    }

    /** ¶12: an upgraded Six-Party dialogue manages the peninsula that ¶6 says deteriorates unmanaged. */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void upgradingTheSixPartyTalksOverADeterioratingPeninsulaLowersChaos(@ForAll("factSets") FactSet facts,
                                                                        @ForAll("confidences") double c,
                                                                        @ForAll("confidences") double peninsula) {
        FactSet deteriorating = facts.with("hotspot.koreanPeninsula", new Reading("deteriorating", peninsula, null));
        FactSet active = deteriorating.with("mechanism.sixPartyTalks", new Reading("active", c, null));
        FactSet upgraded = deteriorating.with("mechanism.sixPartyTalks", new Reading("upgraded", c, null));
        assertRises(upgraded, active, "chaos", "Six-Party Talks upgraded -> active with a deteriorating peninsula");
    }

    /**
     * ¶11: the region's responsibility for "preventing confrontation and disorder": balancing
     * never adds to the evidence for chaos nor raises its odds against any outlook but
     * polarization, whose fall can lift every other outlook's share.
     */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void balancingDoesNotRaiseChaos(@ForAll("factSets") FactSet facts, @ForAll("confidences") double c) {
        Assessment leaning = assessor.assess(facts.with("region.alignment", new Reading("leaning", c, null)));
        Assessment balanced = assessor.assess(facts.with("region.alignment", new Reading("balanced", c, null)));
        String change = "region.alignment leaning -> balanced in " + facts.indicators();
        assertTrue(net(balanced, "chaos") <= net(leaning, "chaos") + TOLERANCE,
                change + " raised the net evidence for chaos from " + net(leaning, "chaos") + " to " + net(balanced, "chaos"));
        for (String other : new String[] {"deep-integration", "shared-dominance"}) {
            double before = leaning.score("chaos") / leaning.score(other);
            double after = balanced.score("chaos") / balanced.score(other);
            // Scores are rounded to four decimals: compare odds only where that rounding is small.
            if (Math.min(Math.min(leaning.score("chaos"), leaning.score(other)),
                    Math.min(balanced.score("chaos"), balanced.score(other))) >= 0.01) {
                assertTrue(after <= before * (1 + 1e-3) + TOLERANCE,
                        change + " raised chaos's odds against " + other + " from " + before + " to " + after);
            }
        }
    }

    /**
     * {@code to} gives {@code scenario} more net evidence than {@code from}, and a score no
     * lower; a higher one unless the score is within 0.001 of 0 or 1, where four decimals
     * may not show the rise.
     */
    private void assertRises(FactSet from, FactSet to, String scenario, String what) {
        Assessment before = assessor.assess(from);
        Assessment after = assessor.assess(to);
        String change = String.format(Locale.ROOT, "%s in %s", what, from.indicators());
        assertTrue(net(after, scenario) > net(before, scenario) + TOLERANCE,
                change + " did not raise the net evidence for " + scenario + ": " + net(before, scenario) + " -> " + net(after, scenario));
        assertTrue(after.score(scenario) >= before.score(scenario) - TOLERANCE,
                change + " lowered the score of " + scenario + ": " + before.score(scenario) + " -> " + after.score(scenario));
        if (before.score(scenario) >= 0.001 && before.score(scenario) <= 0.999) {
            assertTrue(after.score(scenario) > before.score(scenario),
                    change + " did not raise the score of " + scenario + ": " + before.score(scenario) + " -> " + after.score(scenario));
        }
    }

    private static double net(Assessment a, String scenario) {
        return a.scenario(scenario).orElseThrow().net();
    }
}
