package org.apsa.explain;

import org.apsa.Golden;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TestRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExplanationTest {

    private static Assessor assessor;
    private static final FactSet FACTS = new FactSet("explained", null, null, null, Map.of(
            "us.reassurance.consistency", new Reading("low", 0.8, "rebalancing outpaces reassurance (¶9)"),
            "us.presence.transparency", Reading.of("low"),
            "hotspot.koreanPeninsula", Reading.of("tense")), KnowledgeBase.embedded().vocabulary());

    @BeforeAll
    static void compile() {
        assessor = new Assessor(TestRules.withShippedScoring("basic"));
    }

    @Test
    void theProofTreeOfAnOutlookMatchesItsGoldenFile() throws Exception {
        Assessment a = assessor.assess(FACTS);
        String tree = TraceText.render(a.trace().stream()
                .filter(n -> n.conclusion().startsWith("polarization:")).toList(), Style.PLAIN);

        Golden.assertMatches("explain-polarization.txt", tree);
    }

    @Test
    void everySingleChangeWhyNotProposesMakesTheOutlookLead() {
        Assessment a = assessor.assess(FACTS);

        WhyNot.Result result = WhyNot.of(assessor, a, "deep-integration");

        assertThat(result.searched()).isEqualTo(1);
        assertThat(result.changes()).isNotEmpty();
        for (WhyNot.Candidate c : result.changes()) {
            Assessment changed = assessor.assess(applied(FACTS, c.changes()));
            assertThat(changed.leading()).as(c.changes().toString()).isEqualTo("deep-integration");
            assertThat(changed.scenarios()).isEqualTo(c.scores());
        }
        // Both make it lead; the smaller step comes first, though the larger gives the higher score.
        assertThat(result.changes()).extracting(c -> c.changes().get(0).toString())
                .containsExactly("us.presence.transparency: low -> medium", "us.presence.transparency: low -> high");
        assertThat(ScenarioScore.of(result.changes().get(0).scores(), "deep-integration").score())
                .isLessThan(ScenarioScore.of(result.changes().get(1).scores(), "deep-integration").score());
    }

    @Test
    void stepsCountTheMovesAlongEachScaleAndLearningAnUnknownAsOne() {
        assertThat(WhyNot.steps(KnowledgeBase.embedded().vocabulary(), List.of(new Change("hotspot.koreanPeninsula", "crisis", "deteriorating")))).isEqualTo(1);
        assertThat(WhyNot.steps(KnowledgeBase.embedded().vocabulary(), List.of(new Change("hotspot.koreanPeninsula", "crisis", "stable")))).isEqualTo(3);
        assertThat(WhyNot.steps(KnowledgeBase.embedded().vocabulary(), List.of(new Change("hotspot.koreanPeninsula", null, "stable"),
                new Change("us.presence.transparency", "low", "high")))).isEqualTo(3);
    }

    @Test
    void whenNoSingleChangeSufficesWhyNotSearchesPairsThatReallyWork() {
        FactSet crisis = new FactSet("crisis", null, null, null, Map.of(
                "hotspot.koreanPeninsula", Reading.of("crisis"),
                "hotspot.southChinaSea", Reading.of("crisis"),
                "us.reassurance.consistency", Reading.of("low")), KnowledgeBase.embedded().vocabulary());
        Assessment a = assessor.assess(crisis);

        WhyNot.Result result = WhyNot.of(assessor, a, "deep-integration");

        assertThat(result.searched()).isEqualTo(2);
        assertThat(result.found()).isPositive();
        for (WhyNot.Candidate c : result.changes()) {
            assertThat(c.changes()).hasSize(2);
            assertThat(assessor.assess(applied(crisis, c.changes())).leading()).isEqualTo("deep-integration");
        }
    }

    @Test
    void theLeaderNeedsNoChanges() {
        Assessment a = assessor.assess(FACTS.with("hotspot.koreanPeninsula", Reading.of("crisis")));

        WhyNot.Result result = WhyNot.of(assessor, a, "chaos");

        assertThat(result.alreadyLeading()).isTrue();
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void sensitivitySwingsEqualDirectReassessmentsAcrossTheScale() {
        List<Sensitivity.Row> rows = Sensitivity.of(assessor, FACTS);

        Sensitivity.Row transparency = rows.stream().filter(r -> r.indicator().equals("us.presence.transparency")).findFirst().orElseThrow();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (String level : List.of("low", "medium", "high")) {
            double s = assessor.assess(FACTS.with("us.presence.transparency", Reading.of(level))).score("deep-integration");
            low = Math.min(low, s);
            high = Math.max(high, s);
        }
        double unknown = assessor.assess(FACTS.without("us.presence.transparency")).score("deep-integration");
        low = Math.min(low, unknown);
        high = Math.max(high, unknown);
        assertThat(transparency.swing().get("deep-integration")).isCloseTo(high - low, within(0.0002));
        assertThat(rows.get(0).indicator()).isEqualTo("us.presence.transparency");
        assertThat(rows).extracting(Sensitivity.Row::largest).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void valueOfInformationPutsUnknownsThatCouldChangeTheLeaderFirst() {
        FactSet facts = new FactSet("voi", null, null, null, Map.of(
                "hotspot.koreanPeninsula", Reading.of("crisis"),
                "us.reassurance.consistency", Reading.of("low")), KnowledgeBase.embedded().vocabulary());
        Assessment a = assessor.assess(facts);
        List<Sensitivity.InformationValue> information = Sensitivity.valueOfInformation(a, Sensitivity.of(assessor, facts));

        assertThat(a.leading()).isEqualTo("chaos");
        assertThat(information).extracting(Sensitivity.InformationValue::indicator)
                .doesNotContain("hotspot.koreanPeninsula", "us.reassurance.consistency");
        assertThat(information.get(0).indicator()).isEqualTo("us.presence.transparency");
        assertThat(information.get(0).couldChangeLeader()).isTrue();
        assertThat(information.get(0).leaders()).containsEntry("high", "deep-integration").containsEntry("unknown", "chaos");
        assertThat(information).filteredOn(v -> v.indicator().equals("us.alliances.openness"))
                .singleElement().satisfies(v -> assertThat(v.couldChangeLeader()).isFalse());
    }

    private static FactSet applied(FactSet facts, List<Change> changes) {
        Map<String, Reading> readings = new HashMap<>(facts.indicators());
        changes.forEach(c -> {
            Reading now = facts.indicators().get(c.indicator());
            readings.put(c.indicator(), new Reading(c.to(), now == null ? 1.0 : now.confidence(), null));
        });
        return new FactSet(facts.id(), null, null, null, readings, KnowledgeBase.embedded().vocabulary());
    }
}
