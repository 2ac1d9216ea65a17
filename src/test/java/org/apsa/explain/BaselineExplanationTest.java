package org.apsa.explain;

import org.apsa.ShippedRules;
import org.apsa.Golden;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.Outlook;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.apsa.render.ExplanationText;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules on the 2014 baseline: the explanations an analyst reads, as golden files. */
class BaselineExplanationTest {

    private static Assessor assessor;
    private static FactSet baseline;

    @BeforeAll
    static void load() {
        assessor = ShippedRules.assessor();
        baseline = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
    }

    @Test
    void theLeadersProofTreeMatchesItsGoldenFile() {
        Assessment a = assessor.assess(baseline);

        String tree = TraceText.render(a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(a.leading() + ":")).toList(), Style.PLAIN);

        Golden.assertMatches("baseline-explain-leader.txt", tree);
    }

    @Test
    void anOutlookWithNothingAgainstItIsSaidToBeOutweighedWhenItHasSupportAndToLackSupportWhenItHasNone() {
        Assessment crisis = assessor.assess(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/korean-crisis-2017-09.json")));
        WhyNot.Result supported = WhyNot.of(assessor, crisis, "polarization");
        assertThat(supported.against()).isEmpty();
        assertThat(supported.current().net()).isPositive();
        assertThat(ExplanationText.whyNot(supported, Style.PLAIN))
                .contains("  none: it has support (net +2.05), only less than the leader's\n");

        Assessment empty = assessor.assess(new FactSet("empty", null, null, null, Map.of(
                "hotspot.koreanPeninsula", Reading.of("crisis")), KnowledgeBase.embedded().vocabulary()));
        WhyNot.Result unsupported = WhyNot.of(assessor, empty, "shared-dominance");
        assertThat(unsupported.current().net()).isZero();
        assertThat(ExplanationText.whyNot(unsupported, Style.PLAIN))
                .contains("  none: it lacks support rather than facing evidence against it\n");
    }

    @Test
    void withNoLeaderWhyNotSpeaksOfTooLittleEvidenceNotOfALeader() {
        Assessment thin = assessor.assess(new FactSet("thin", null, null, null, Map.of(
                "usChina.strategicDistrust", Reading.of("high")), KnowledgeBase.embedded().vocabulary()));
        assertThat(thin.leading()).isNull();

        String text = ExplanationText.whyNot(WhyNot.of(assessor, thin, "polarization"), Style.PLAIN);

        assertThat(text).contains("No outlook leads: the evidence in all is 2.50, less than the 3.00 it takes to name a leader.",
                "Polarization ranks first already: more evidence in all would make it lead.",
                "none: it has support (net +1.50), but the evidence in all is too little to name a leader",
                "  mechanism.sco unknown -> high (adds evidence only)\n")
                .doesNotContain("the leader's", "the leader loses ground");
    }

    @Test
    void withNoLeaderWhyNotTellsChangesThatMoveAnOutlookAheadFromChangesThatOnlyAddEvidence() {
        FactSet empty = new FactSet("empty", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary());
        Assessment a = assessor.assess(empty);
        WhyNot.Result r = WhyNot.of(assessor, a, "polarization");

        // Strategic distrust alone puts polarization first, but 2.5 units of evidence name no leader.
        assertThat(r.leading()).isNull();
        assertThat(r.ranksFirst()).isFalse();
        assertThat(r.insufficient().threshold()).isEqualTo(3.0);
        assertThat(r.putsFirst()).extracting(c -> c.changes().toString())
                .contains("[usChina.strategicDistrust: unknown -> high]");
        Map<String, java.util.List<Change>> only = new HashMap<>();
        r.changes().forEach(c -> only.put(c.changes().toString(), c.evidenceOnly()));
        assertThat(only).containsEntry("[usChina.strategicDistrust: unknown -> high, mechanism.sco: unknown -> high]",
                        java.util.List.of(new Change("mechanism.sco", null, "high")))
                .containsEntry("[usChina.strategicDistrust: unknown -> high, region.alignment: unknown -> taking-sides]",
                        java.util.List.of());
        // Each change said to add evidence only does: polarization ranks first without it, and it adds nothing to polarization.
        for (WhyNot.Candidate c : r.changes()) {
            for (Change x : c.evidenceOnly()) {
                java.util.List<Change> rest = c.changes().stream().filter(ch -> !ch.equals(x)).toList();
                Assessment without = assessor.assess(atStatedConfidence(empty, rest));
                assertThat(WhyNot.ranksFirst(without.scenarios(), "polarization")).as("%s without %s", c.changes(), x).isTrue();
                assertThat(assessor.assess(atStatedConfidence(empty, java.util.List.of(x))).scenario("polarization")
                        .orElseThrow().net()).as(x.toString()).isLessThanOrEqualTo(a.scenario("polarization").orElseThrow().net());
            }
        }

        String text = ExplanationText.whyNot(r, Style.PLAIN);
        assertThat(text).contains("No outlook leads: the evidence in all is 0.00, less than the 3.00 it takes to name a leader.\n"
                        + "Polarization does not rank first either.\n",
                "Single changes that put polarization first, with too little evidence to name it leader\n"
                        + "  usChina.strategicDistrust unknown -> high\n",
                "  usChina.strategicDistrust unknown -> high and mechanism.sco unknown -> high (adds evidence only)\n",
                "  (adds evidence only): polarization ranks first without it");
        assertThat(org.apsa.render.ExplanationJson.whyNot(r)).contains("\"needed\" : 3.0", "\"ranksFirst\" : false",
                "\"addsEvidenceOnly\" : true", "\"putsFirst\" : [ {");
    }

    @Test
    void withNoLeaderSensitivitySaysWhetherLearningAnIndicatorWouldNameOneNotThatTheLeaderStays() {
        FactSet empty = new FactSet("empty", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary());
        Assessment a = assessor.assess(empty);
        java.util.List<Sensitivity.Row> rows = Sensitivity.of(assessor, empty);
        java.util.List<Sensitivity.InformationValue> information = Sensitivity.valueOfInformation(a, rows);

        assertThat(ExplanationText.sensitivity(org.apsa.fact.KnowledgeBase.embedded(), rows, information, Style.PLAIN))
                .contains("  mechanism.collectiveSecurity         would name deep integration leader at binding,",
                        "  usChina.strategicDistrust            names no leader at any level,")
                .doesNotContain("leader stays", "could change the leader");
        assertThat(org.apsa.render.ExplanationJson.sensitivity(a.leading(), rows, information)).contains("\"leading\" : null");
    }

    @Test
    void aChangeThatMakesAnOutlookLeadOnlyByTakingFromTheLeaderIsSaidToAddNothing() {
        Assessment crisis = assessor.assess(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/korean-crisis-2017-09.json")));
        WhyNot.Result r = WhyNot.of(assessor, crisis, "polarization");

        Map<String, Boolean> adds = new HashMap<>();
        r.changes().forEach(c -> adds.put(c.changes().toString(), r.addsEvidence(c)));

        assertThat(adds).containsEntry("[region.alignment: leaning -> taking-sides]", true)
                .containsEntry("[hotspot.koreanPeninsula: crisis -> tense]", false);
        assertThat(ExplanationText.whyNot(r, Style.PLAIN)).contains(
                "  region.alignment leaning -> taking-sides\n",
                "  hotspot.koreanPeninsula crisis -> tense  (adds nothing for polarization: the leader loses ground)\n");
        assertThat(org.apsa.render.ExplanationJson.whyNot(r)).contains("\"addsEvidence\" : false", "\"addsEvidence\" : true");
    }

    @Test
    void eachEvaluationNodeCitesTheParagraphOfItsOwnWords() {
        Assessment a = assessor.assess(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/archetype-deep-integration.json")));

        Map<String, String> sources = new HashMap<>();
        a.trace().stream().filter(n -> n.kind().equals("evaluation"))
                .forEach(n -> sources.put(n.conclusion().replaceFirst(":.*", ""), n.source()));

        assertThat(sources).containsEntry("deep-integration / stability", "3, 7")
                .containsEntry("deep-integration / losers", "7")
                .containsEntry("deep-integration / conclusion", "8");
    }

    @Test
    void whyNotDeepIntegrationMatchesItsGoldenFile() {
        Assessment a = assessor.assess(baseline);

        Golden.assertMatches("baseline-why-not-deep-integration.txt",
                ExplanationText.whyNot(WhyNot.of(assessor, a, "deep-integration"), Style.PLAIN));
    }

    @Test
    void everyChangeWhyNotProposesOnTheBaselineReallyMakesTheOutlookLead() {
        Assessment a = assessor.assess(baseline);
        for (Outlook outlook : org.apsa.fact.KnowledgeBase.embedded().outlooks()) {
            WhyNot.Result result = WhyNot.of(assessor, a, outlook.id());
            for (WhyNot.Candidate c : result.changes()) {
                Assessment changed = assessor.assess(atStatedConfidence(baseline, c.changes()));
                assertThat(changed.leading()).as("%s with %s", outlook.id(), c.changes()).isEqualTo(outlook.id());
            }
        }
    }

    @Test
    void sensitivityMovesAStatedIndicatorAtItsStatedConfidenceSoItsStatedLevelIsTheAssessment() {
        // Stated medium with confidence 0.8: at confidence 1, "medium" would score deep integration
        // below the assessment and the swing would measure a change of certainty too.
        Reading stated = baseline.indicators().get("usChina.strategicDistrust");
        assertThat(stated.confidence()).isEqualTo(0.8);
        Sensitivity.Row row = Sensitivity.of(assessor, baseline).stream()
                .filter(r -> r.indicator().equals("usChina.strategicDistrust")).findFirst().orElseThrow();

        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (String level : java.util.List.of("low", "medium", "high")) {
            double s = assessor.assess(baseline.with("usChina.strategicDistrust", new Reading(level, 0.8, null)))
                    .score("deep-integration");
            low = Math.min(low, s);
            high = Math.max(high, s);
        }
        double unknown = assessor.assess(baseline.without("usChina.strategicDistrust")).score("deep-integration");
        double now = assessor.assess(baseline).score("deep-integration");
        low = Math.min(low, unknown);
        high = Math.max(high, unknown);

        assertThat(row.current()).isEqualTo("medium");
        assertThat(row.confidence()).isEqualTo(0.8);
        assertThat(now).isBetween(low, high);
        assertThat(row.swing().get("deep-integration")).isCloseTo(high - low, org.assertj.core.data.Offset.offset(0.0002));
        assertThat(ExplanationText.sensitivity(org.apsa.fact.KnowledgeBase.embedded(), java.util.List.of(row), java.util.List.of(), Style.PLAIN))
                .contains("usChina.strategicDistrust            medium (0.80)")
                .contains("a stated indicator at the confidence stated for it, an unknown one at confidence 1");
    }

    @Test
    void whyNotAndSensitivityAgreeOnWhoLeadsAtEachLevelOfAStatedIndicator() {
        // mechanism.collectiveSecurity is stated absent with confidence 0.9; at "binding" with that
        // confidence polarization still leads, so why-not must not offer it for deep integration.
        Assessment a = assessor.assess(baseline);
        Sensitivity.Row row = Sensitivity.of(assessor, baseline).stream()
                .filter(r -> r.indicator().equals("mechanism.collectiveSecurity")).findFirst().orElseThrow();
        WhyNot.Result result = WhyNot.of(assessor, a, "deep-integration");

        for (String level : java.util.List.of("nascent", "binding")) {
            boolean offered = result.changes().stream().anyMatch(c -> c.changes().size() == 1
                    && c.changes().get(0).equals(new Change("mechanism.collectiveSecurity", "absent", level)));
            assertThat(offered).as(level).isEqualTo("deep-integration".equals(row.leaders().get(level)));
        }
        assertThat(row.leaders()).containsEntry("binding", "polarization");
    }

    /** A fact set with changes made as why-not makes them: a stated indicator keeps its confidence. */
    private static FactSet atStatedConfidence(FactSet facts, java.util.List<Change> changes) {
        Map<String, Reading> readings = new HashMap<>(facts.indicators());
        changes.forEach(ch -> {
            Reading now = facts.indicators().get(ch.indicator());
            readings.put(ch.indicator(), new Reading(ch.to(), now == null ? 1.0 : now.confidence(), null));
        });
        return new FactSet(facts.id(), null, null, null, readings, KnowledgeBase.embedded().vocabulary());
    }

    @Test
    void everyGainOnTheBaselineEqualsADirectReassessmentWithThePrescriptionMet() {
        Assessment a = assessor.assess(baseline);
        double before = a.score("deep-integration");

        assertThat(a.prescriptions()).filteredOn(p -> !p.met()).isNotEmpty().allSatisfy(p -> {
            Assessment met = assessor.assess(baseline.with(p.indicator(), Reading.of(p.target())));
            assertThat(p.gain()).as(p.id()).isCloseTo(met.score("deep-integration") - before,
                    org.assertj.core.data.Offset.offset(0.00011));
        });
    }

    @Test
    void everyNodeOfTheBaselineTraceNamesARuleThatFired() {
        Assessment a = assessor.assess(baseline);
        java.util.List<org.apsa.engine.TraceNode> all = new java.util.ArrayList<>();
        java.util.Deque<org.apsa.engine.TraceNode> todo = new java.util.ArrayDeque<>(a.trace());
        a.judgmentTrace().values().forEach(todo::addAll);
        while (!todo.isEmpty()) {
            var n = todo.pop();
            all.add(n);
            todo.addAll(n.because());
        }
        assertThat(all).filteredOn(n -> n.rule() != null).isNotEmpty()
                .allSatisfy(n -> assertThat(a.firedRules()).containsKey(n.rule()));
    }
}
