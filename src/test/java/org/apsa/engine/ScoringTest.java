package org.apsa.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoringTest {

    @Test
    void noEvidenceGivesFourEqualScoresRankedInTheArticlesOrder() {
        List<ScenarioScore> scores = Scoring.scores(2.0, 0, 0, 0, 0);

        assertThat(scores).extracting(ScenarioScore::scenario)
                .containsExactly("deep-integration", "shared-dominance", "polarization", "chaos");
        assertThat(scores).extracting(ScenarioScore::score).containsOnly(0.25);
        assertThat(scores).extracting(ScenarioScore::likelihood).containsOnly("unlikely");
    }

    @Test
    void equalScoresShareTheBestOfTheirRanksAsShownWhileTheRanksStayOneToFour() {
        List<ScenarioScore> none = Scoring.scores(3.0, 0, 0, 0, 0);
        List<ScenarioScore> middle = Scoring.scores(3.0, 2.0, 0, 0, -1.0);

        assertThat(none).extracting(ScenarioScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(none).extracting(s -> s.shownRank(none)).containsExactly("=1", "=1", "=1", "=1");
        assertThat(middle).extracting(ScenarioScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(middle).extracting(s -> s.shownRank(middle)).containsExactly("1", "=2", "=2", "4");
    }

    @Test
    void oneUnitOfNetEvidenceMultipliesTheOddsByETheInverseTemperature() {
        List<ScenarioScore> scores = Scoring.scores(2.0, 0, 0, 2.0, 0);

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

        List<ScenarioScore> scores = Scoring.scores(3.0, residue, 1.0, 0, 0);

        ScenarioScore deepIntegration = scores.stream().filter(s -> s.scenario().equals("deep-integration")).findFirst().orElseThrow();
        assertThat(Double.compare(deepIntegration.net(), 0.0)).as("net %s", deepIntegration.net()).isZero();
        assertThat(Double.compare(Scoring.round(-0.00004), 0.0)).isZero();
        assertThat(Scoring.round(-0.00006)).isEqualTo(-0.0001);
    }

    @Test
    void largeNetsDoNotOverflow() {
        List<ScenarioScore> scores = Scoring.scores(2.0, 5000, -5000, 0, 0);

        assertThat(scores.get(0).score()).isEqualTo(1.0);
        assertThat(scores.get(0).likelihood()).isEqualTo("almost certain");
        assertThat(scores.stream().mapToDouble(ScenarioScore::score).sum()).isCloseTo(1.0, within(0.0005));
    }

    @Test
    void rejectsAWrongNumberOfNetsOrTemperature() {
        assertThatThrownBy(() -> Scoring.scores(2.0, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.scores(0, 1, 2, 3, 4)).isInstanceOf(IllegalArgumentException.class);
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
