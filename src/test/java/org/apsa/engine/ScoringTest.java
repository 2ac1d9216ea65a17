package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoringTest {

    /** The scores of the nets of the embedded outlooks, in their order, each one piece of support: a plain softmax of the nets. */
    private static List<ScenarioScore> scores(double temperature, double... nets) {
        KnowledgeBase kb = KnowledgeBase.embedded();
        List<Support> supports = new ArrayList<>();
        for (int i = 0; i < nets.length; i++) {
            supports.add(new Support(kb, kb.outlooks().get(i).id(), "net", nets[i], 1.0));
        }
        return Scoring.scores(kb, temperature, 1, new double[] {1, 1, 1, 1}, supports);
    }

    @Test
    void noEvidenceGivesFourEqualScoresRankedInTheArticlesOrder() {
        List<ScenarioScore> scores = scores(2.0, 0, 0, 0, 0);

        assertThat(scores).extracting(ScenarioScore::scenario)
                .containsExactly("deep-integration", "shared-dominance", "polarization", "chaos");
        assertThat(scores).extracting(ScenarioScore::score).containsOnly(0.25);
        assertThat(scores).extracting(ScenarioScore::likelihood).containsOnly("unlikely");
    }

    @Test
    void equalScoresShareTheBestOfTheirRanksAsShownWhileTheRanksStayOneToFour() {
        List<ScenarioScore> none = scores(3.0, 0, 0, 0, 0);
        List<ScenarioScore> middle = scores(3.0, 2.0, 0, 0, -1.0);

        assertThat(none).extracting(ScenarioScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(none).extracting(s -> s.shownRank(none)).containsExactly("=1", "=1", "=1", "=1");
        assertThat(middle).extracting(ScenarioScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(middle).extracting(s -> s.shownRank(middle)).containsExactly("1", "=2", "=2", "4");
    }

    @Test
    void oneUnitOfNetEvidenceMultipliesTheOddsByETheInverseTemperature() {
        List<ScenarioScore> scores = scores(2.0, 0, 0, 2.0, 0);

        double polarization = scores.get(0).score();
        double other = scores.get(1).score();
        assertThat(scores.get(0).scenario()).isEqualTo("polarization");
        assertThat(polarization / other).isCloseTo(Math.E, within(0.001));
    }

    @Test
    void evidenceThatCancelsOutIsZeroNotMinusZero() {
        // 0.3 - 0.1 - 0.2 leaves -2.8e-17: a sum of contributions taken in one order.
        double residue = 0.3 - 0.1 - 0.2;
        assertThat(residue).isNegative();

        List<ScenarioScore> scores = scores(3.0, residue, 1.0, 0, 0);

        ScenarioScore deepIntegration = scores.stream().filter(s -> s.scenario().equals("deep-integration")).findFirst().orElseThrow();
        assertThat(Double.compare(deepIntegration.net(), 0.0)).as("net %s", deepIntegration.net()).isZero();
        assertThat(Double.compare(Scoring.round(-0.00004), 0.0)).isZero();
        assertThat(Scoring.round(-0.00006)).isEqualTo(-0.0001);
    }

    @Test
    void largeNetsDoNotOverflow() {
        List<ScenarioScore> scores = scores(2.0, 5000, -5000, 0, 0);

        assertThat(scores.get(0).score()).isEqualTo(1.0);
        assertThat(scores.get(0).likelihood()).isEqualTo("almost certain");
        assertThat(scores.stream().mapToDouble(ScenarioScore::score).sum()).isCloseTo(1.0, within(0.0005));
    }

    @Test
    void supportCountsAsAShareOfItsOutlooksReachAndEvidenceAgainstAsItIs() {
        double[] reach = {18.0, 4.5, 6.75, 5.5};
        List<Support> supports = List.of(
                new Support(KnowledgeBase.embedded(), "shared-dominance", "a", 1.5, 1.0),
                new Support(KnowledgeBase.embedded(), "shared-dominance", "b", 0.75, 0.8),
                new Support(KnowledgeBase.embedded(), "deep-integration", "c", 1.0, 1.0),
                new Support(KnowledgeBase.embedded(), "deep-integration", "d", -0.5, 1.0),
                new Support(KnowledgeBase.embedded(), "chaos", "e", -1.0, 1.0));

        List<ScenarioScore> scores = Scoring.scores(KnowledgeBase.embedded(), 3.0, 9.5, reach, supports);

        // weighed: shared dominance 9.5 x 2.1 / 4.5, deep integration 9.5 x 1.0 / 18 - 0.5, chaos -1.0
        List<ScenarioScore> expected = scores(3.0, 9.5 / 18 - 0.5, 9.5 * 2.1 / 4.5, 0, -1.0);
        for (ScenarioScore e : expected) {
            ScenarioScore s = scores.stream().filter(x -> x.scenario().equals(e.scenario())).findFirst().orElseThrow();
            assertThat(s.score()).as(e.scenario()).isEqualTo(e.score());
            assertThat(s.rank()).as(e.scenario()).isEqualTo(e.rank());
        }
        // The nets stay the plain sums, as the proof trees show them.
        assertThat(scores).filteredOn(s -> s.scenario().equals("shared-dominance")).extracting(ScenarioScore::net).containsExactly(2.1);
        assertThat(scores).filteredOn(s -> s.scenario().equals("deep-integration")).extracting(ScenarioScore::net).containsExactly(0.5);
        // Every reach equal to the full weight is plain net evidence.
        assertThat(Scoring.scores(KnowledgeBase.embedded(), 3.0, 2.0, new double[] {2.0, 2.0, 2.0, 2.0}, supports)).extracting(ScenarioScore::score)
                .containsExactlyElementsOf(scores(3.0, 0.5, 2.1, 0, -1.0).stream().map(ScenarioScore::score).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "0.0, almost no chance", "0.0499, almost no chance", "0.05, very unlikely", "0.1999, very unlikely",
            "0.20, unlikely", "0.4499, unlikely", "0.45, roughly even chance", "0.5499, roughly even chance",
            "0.55, likely", "0.7999, likely", "0.80, very likely", "0.9499, very likely",
            "0.95, almost certain", "1.0, almost certain"})
    void likelihoodBandsFollowIcd203WithTheLowerBoundInclusive(double probability, String term) {
        assertThat(Likelihood.of(probability).term()).isEqualTo(term);
    }

    @Test
    void weakestIsTheLeastConfidence() {
        assertThat(Scoring.weakest(0.9, 0.4, 0.7)).isEqualTo(0.4);
        assertThat(Scoring.weakest(0.9)).isEqualTo(0.9);
    }
}
