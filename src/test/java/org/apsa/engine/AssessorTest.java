package org.apsa.engine;

import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AssessorTest {

    private static Assessor assessor;

    @BeforeAll
    static void compile() {
        assessor = new Assessor(TestRules.withShippedScoring("basic"));
    }

    private static FactSet facts(Map<String, Reading> readings) {
        return new FactSet("test", null, null, null, readings, KnowledgeBase.embedded().vocabulary());
    }

    @Test
    void scoresSumToOneAndAreRankedWithTheirLikelihoodTerm() {
        Assessment a = assessor.assess(facts(Map.of(
                "us.reassurance.consistency", Reading.of("low"),
                "hotspot.koreanPeninsula", Reading.of("crisis"))));

        assertThat(a.scenarios()).extracting(ScenarioScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(a.scenarios().stream().mapToDouble(ScenarioScore::score).sum()).isCloseTo(1.0, within(0.0005));
        assertThat(a.scenarios()).allSatisfy(s -> assertThat(s.likelihood()).isEqualTo(Likelihood.of(s.score()).term()));
        assertThat(a.status()).isEqualTo(Assessment.ASSESSED);
        assertThat(a.leading()).isEqualTo("chaos");
        assertThat(a.scenarios().get(0).scenario()).isEqualTo("chaos");
    }

    @Test
    void tooLittleEvidenceNamesNoLeader() {
        Assessment a = assessor.assess(facts(Map.of()));

        assertThat(a.status()).isEqualTo(Assessment.INSUFFICIENT_EVIDENCE);
        assertThat(a.leading()).isNull();
        assertThat(a.evidence()).isZero();
        assertThat(a.evaluation()).isEmpty();
    }

    @Test
    void confidenceScalesSupport() {
        Assessment sure = assessor.assess(facts(Map.of("us.reassurance.consistency", Reading.of("low"))));
        Assessment unsure = assessor.assess(facts(Map.of("us.reassurance.consistency", new Reading("low", 0.5, null))));

        assertThat(sure.scenario("polarization").orElseThrow().net()).isEqualTo(2.0);
        assertThat(unsure.scenario("polarization").orElseThrow().net()).isEqualTo(1.0);
        assertThat(unsure.judgments()).singleElement().satisfies(j -> assertThat(j.confidence()).isEqualTo(0.5));
    }

    @Test
    void aJudgmentThatLosesItsSupportIsGoneFromResultsAndTrace() {
        Assessment a = assessor.assess(facts(Map.of(
                "us.reassurance.consistency", Reading.of("low"),
                "us.alliances.openness", Reading.of("high"))));

        assertThat(a.holds("doubtsReduced")).isTrue();
        assertThat(a.holds("containment")).isFalse();
        assertThat(a.firedRules()).containsKey("Rebalancing read as containment");
        assertThat(conclusions(a.trace())).contains("doubtsReduced").doesNotContain("containment");
        assertThat(a.scenario("polarization").orElseThrow().net()).isZero();
    }

    @Test
    void everyTraceNodeNamesARuleThatFired() {
        Assessment a = assessor.assess(facts(Map.of(
                "us.reassurance.consistency", new Reading("low", 0.7, "a note"),
                "us.presence.transparency", Reading.of("high"),
                "hotspot.koreanPeninsula", Reading.of("deteriorating"))));

        List<TraceNode> all = new ArrayList<>();
        a.trace().forEach(n -> flatten(n, all));
        assertThat(all).isNotEmpty();
        assertThat(all).filteredOn(n -> n.rule() != null)
                .allSatisfy(n -> assertThat(a.firedRules()).containsKey(n.rule()));
        assertThat(all).filteredOn(n -> n.kind().equals("indicator"))
                .anySatisfy(n -> {
                    assertThat(n.conclusion()).isEqualTo("us.reassurance.consistency = low");
                    assertThat(n.confidence()).isEqualTo(0.7);
                    assertThat(n.note()).isEqualTo("a note");
                });
    }

    @Test
    void theScoreOfAnOutlookRestsOnItsSupport() {
        Assessment a = assessor.assess(facts(Map.of("us.reassurance.consistency", Reading.of("low"))));

        TraceNode polarization = a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith("polarization:"))
                .findFirst().orElseThrow();
        assertThat(polarization.rule()).isEqualTo("Score the four outlooks");
        assertThat(polarization.because()).singleElement().satisfies(support -> {
            assertThat(support.rule()).isEqualTo("Containment feeds polarization");
            assertThat(support.weight()).isEqualTo(2.0);
            assertThat(support.source()).isEqualTo("5, 9");
            assertThat(support.because()).singleElement().satisfies(judgment -> {
                assertThat(judgment.conclusion()).isEqualTo("containment");
                assertThat(judgment.because()).singleElement()
                        .satisfies(i -> assertThat(i.conclusion()).isEqualTo("us.reassurance.consistency = low"));
            });
        });
    }

    @Test
    void aPrescriptionsNodeCitesItsRecommendationsParagraphNotTheGenericRules() {
        Assessment a = assessor.assess(facts(Map.of("us.presence.transparency", Reading.of("low"))));

        TraceNode transparency = a.trace().stream()
                .filter(n -> n.kind().equals("prescription") && n.conclusion().equals("us.transparentPresence unmet"))
                .findFirst().orElseThrow();
        assertThat(transparency.rule()).isEqualTo("Recommendation not met");
        assertThat(assessor.rules().rule("Recommendation not met").orElseThrow().source()).isEqualTo("9, 10, 11, 12");
        assertThat(transparency.source()).isEqualTo("9");
    }

    @Test
    void prescriptionGainsEqualADirectReassessmentWithThePrescriptionMet() {
        FactSet facts = facts(Map.of(
                "us.reassurance.consistency", Reading.of("low"),
                "us.presence.transparency", Reading.of("low"),
                "hotspot.koreanPeninsula", Reading.of("tense")));
        Assessment a = assessor.assess(facts);
        double before = a.score("deep-integration");

        assertThat(a.prescriptions()).extracting(PrescriptionResult::met).containsOnly(false);
        for (PrescriptionResult p : a.prescriptions()) {
            Assessment met = assessor.assess(facts.with(p.indicator(), Reading.of(p.target())));
            assertThat(p.gain()).as(p.id()).isCloseTo(met.score("deep-integration") - before, within(0.00011));
            assertThat(met.prescription(p.id()).orElseThrow().met()).isTrue();
        }
        assertThat(a.prescriptions()).extracting(PrescriptionResult::gain).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void aMetPrescriptionHasNoGainAndComesAfterTheUnmet() {
        Assessment a = assessor.assess(facts(Map.of("us.presence.transparency", Reading.of("medium"))));

        assertThat(a.prescriptions()).extracting(PrescriptionResult::id)
                .containsExactly("us.openAlliances", "us.transparentPresence");
        PrescriptionResult met = a.prescription("us.transparentPresence").orElseThrow();
        assertThat(met.met()).isTrue();
        assertThat(met.gain()).isNull();
    }

    @Test
    void whatIfFiringsDoNotCountAsFiringsOfTheAssessment() {
        Assessment a = assessor.assess(facts(Map.of("us.presence.transparency", Reading.of("low"))));

        assertThat(a.firedRules()).doesNotContainKey("Transparency favours integration");
        assertThat(a.firedRules().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(a.firings());
    }

    @Test
    void aLoopingRuleIsStoppedAndNamed() {
        Assessor looping = new Assessor(TestRules.withShippedScoring("loop"));

        assertThatThrownBy(() -> looping.assess(new FactSet("loops", null, null, null,
                Map.of("us.presence.transparency", Reading.of("high")), KnowledgeBase.embedded().vocabulary())))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("fired " + Assessor.FIRING_LIMIT + " times on fact set \"loops\"")
                .hasMessageContaining("\"Touch the transparency forever\"");
    }

    @Test
    void aLoopThatOnlyAWhatIfStartsIsReportedWithTheRulesThatFiredInIt() {
        Assessor looping = new Assessor(TestRules.withShippedScoring("loop"));

        try (WhatIf live = looping.whatIf(new FactSet("calm", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary()))) {
            assertThatThrownBy(() -> live.evaluate(Map.of("us.presence.transparency", Reading.of("high"))))
                    .isInstanceOf(RuleBaseException.class)
                    .hasMessageStartingWith("rule \"Touch the transparency forever\" fired " + Assessor.FIRING_LIMIT
                            + " times on fact set \"calm\" while re-assessing it with us.presence.transparency: unknown -> high "
                            + "without the rules settling: it re-activates itself; most fired: \"Touch the transparency forever\" (");
        }
    }

    @Test
    void aRuleThatHaltsTheEngineIsNamed() {
        Assessor halting = new Assessor(TestRules.withShippedScoring("halts"));

        assertThatThrownBy(() -> halting.assess(new FactSet("open", null, null, null,
                Map.of("us.presence.transparency", Reading.of("high")), KnowledgeBase.embedded().vocabulary())))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage("rule \"Stop at a transparent presence\" halted the engine (drools.halt()) on fact set \"open\" before "
                        + "the rules had settled, which leaves the assessment incomplete; rules must not halt the engine: "
                        + "remove the call, and let the rules' conditions decide what fires");
    }

    @Test
    void aRuleThatHaltsTheEngineOnlyInAWhatIfIsNamedWithTheChangeAsked() {
        Assessor halting = new Assessor(TestRules.withShippedScoring("halts"));

        try (WhatIf live = halting.whatIf(new FactSet("opaque", null, null, null,
                Map.of("us.presence.transparency", Reading.of("low")), KnowledgeBase.embedded().vocabulary()))) {
            assertThatThrownBy(() -> live.evaluate(Map.of("us.presence.transparency", Reading.of("high"))))
                    .isInstanceOf(RuleBaseException.class)
                    .hasMessageStartingWith("rule \"Stop at a transparent presence\" halted the engine (drools.halt()) on fact set "
                            + "\"opaque\" while re-assessing it with us.presence.transparency: low -> high before the rules "
                            + "had settled");
        }
    }

    @Test
    void aThrowingRuleIsReportedWithTheRuleAndTheFactSet() {
        Assessor throwing = new Assessor(TestRules.withShippedScoring("throws"));

        assertThatThrownBy(() -> throwing.assess(new FactSet("boom", null, null, null,
                Map.of("us.presence.transparency", Reading.of("high")), KnowledgeBase.embedded().vocabulary())))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage("rule \"Fail on transparency\" failed on fact set \"boom\": IllegalStateException: "
                        + "deliberate failure; fix the rule's consequence ('then' part)");
    }

    @Test
    void aRuleThatFailsOnlyOnAPrescriptionsCounterfactualIsReportedWithTheChangeTried() {
        Assessor failing = new Assessor(TestRules.withShippedScoring("fails-on-gain"));
        FactSet closed = new FactSet("closed", null, null, null, Map.of("us.alliances.openness", new Reading("low", 0.6, null)), KnowledgeBase.embedded().vocabulary());
        String expected = "rule \"Open alliances favour integration\" failed on fact set \"closed\" while re-assessing it with "
                + "us.alliances.openness: low (0.60) -> high (for the gain of prescription \"us.openAlliances\"): "
                + "IllegalStateException: deliberate failure; fix the rule's consequence ('then' part)";

        assertThatThrownBy(() -> failing.assess(closed)).isInstanceOf(RuleBaseException.class).hasMessage(expected);
        try (Assessor.Reusing reusing = failing.reusingSessions()) {
            assertThatThrownBy(() -> reusing.assess(closed)).isInstanceOf(RuleBaseException.class).hasMessage(expected);
        }
    }

    @Test
    void aRuleThatFailsOnAWhatIfIsReportedWithTheChangeAsked() {
        Assessor failing = new Assessor(TestRules.withShippedScoring("fails-on-gain"));

        try (WhatIf live = failing.whatIf(new FactSet("unknown", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary()))) {
            assertThatThrownBy(() -> live.evaluate(Map.of("us.alliances.openness", Reading.of("high"))))
                    .isInstanceOf(RuleBaseException.class)
                    .hasMessage("rule \"Open alliances favour integration\" failed on fact set \"unknown\" while re-assessing it with "
                            + "us.alliances.openness: unknown -> high: IllegalStateException: deliberate failure; "
                            + "fix the rule's consequence ('then' part)");
        }
    }

    @Test
    void aJudgmentDerivedTwiceWithDifferentConfidencesIsARuleDefect() {
        Assessor twice = new Assessor(TestRules.withShippedScoring("twice"));
        FactSet overlapping = new FactSet("overlap", null, null, null, Map.of(
                "us.reassurance.consistency", new Reading("low", 0.6, null),
                "us.presence.transparency", new Reading("low", 0.9, null)), KnowledgeBase.embedded().vocabulary());

        assertThatThrownBy(() -> twice.assess(overlapping))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage("judgment \"containment\" is held 2 times with different confidences on fact set \"overlap\" "
                        + "(confidence 0.9 by \"Containment from transparency\", confidence 0.6 by \"Containment from reassurance\"); "
                        + "the rules that derive one judgment must exclude each other");
    }

    @Test
    void everyFiringOfAnEvidenceRuleCountsOnceInTheScoreAndOnceInTheTrace() {
        Assessor perFact = new Assessor(TestRules.withShippedScoring("per-fact"));

        Assessment both = perFact.assess(twoHotspotsInCrisis(1.0));

        assertThat(both.scenario("chaos").orElseThrow().net()).isEqualTo(2.0);
        TraceNode chaos = scenarioNode(both, "chaos");
        assertThat(chaos.because()).extracting(TraceNode::conclusion)
                .containsExactly("for chaos: +1.00 x 1.00 = +1.00", "for chaos: +1.00 x 1.00 = +1.00");
        assertThat(chaos.because()).extracting(n -> n.because().get(0).conclusion())
                .containsExactly("hotspot.koreanPeninsula = crisis", "hotspot.eastChinaSea = crisis");
    }

    @Test
    void lesserConfidenceInOneFactNeverRaisesTheScoreOfAPerFactRule() {
        Assessor perFact = new Assessor(TestRules.withShippedScoring("per-fact"));

        double sure = perFact.assess(twoHotspotsInCrisis(1.0)).scenario("chaos").orElseThrow().net();
        double lessSure = perFact.assess(twoHotspotsInCrisis(0.99)).scenario("chaos").orElseThrow().net();

        assertThat(lessSure).isEqualTo(1.99).isLessThan(sure);
    }

    @Test
    void aRuleFiringAgainForAChangedFactReplacesItsSupport() {
        Assessor perFact = new Assessor(TestRules.withShippedScoring("per-fact"));
        FactSet unequal = twoHotspotsInCrisis(0.99);

        try (WhatIf live = perFact.whatIf(unequal)) {
            assertThat(live.evaluate(Map.of("hotspot.eastChinaSea", Reading.of("crisis"))).scores())
                    .isEqualTo(perFact.assess(twoHotspotsInCrisis(1.0)).scenarios());
            assertThat(live.baseline().scores()).isEqualTo(perFact.assess(unequal).scenarios());
        }
    }

    private static FactSet twoHotspotsInCrisis(double eastChinaSeaConfidence) {
        return facts(Map.of(
                "hotspot.koreanPeninsula", Reading.of("crisis"),
                "hotspot.eastChinaSea", new Reading("crisis", eastChinaSeaConfidence, null)));
    }

    private static TraceNode scenarioNode(Assessment a, String scenario) {
        return a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(scenario + ":"))
                .findFirst().orElseThrow();
    }

    private static List<String> conclusions(List<TraceNode> trace) {
        List<TraceNode> all = new ArrayList<>();
        trace.forEach(n -> flatten(n, all));
        return all.stream().map(TraceNode::conclusion).toList();
    }

    private static void flatten(TraceNode node, List<TraceNode> into) {
        into.add(node);
        node.because().forEach(n -> flatten(n, into));
    }
}
