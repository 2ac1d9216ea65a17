package org.apsa.ruletest;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.render.AssessmentText;
import org.apsa.render.Style;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped rules recommend, to whom, and how the recommendations read (¶8, ¶9). */
class PrescriptionsTest {

    private final Assessment baseline = RuleFixtures.ASSESSOR.assess(RuleFixtures.facts("baseline-2014-12"));

    private PrescriptionResult prescription(String id) {
        return baseline.prescription(id).orElseThrow(() -> new AssertionError("no prescription " + id));
    }

    @Test
    void bilateralMilitaryExchangesAreAskedOfTheTwoCountriesTogether() {
        PrescriptionResult exchanges = prescription("usChina.militaryExchanges");

        assertThat(exchanges.actor()).isEqualTo("us-china");
        assertThat(exchanges.source()).isEqualTo("9");
        assertThat(exchanges.text()).contains("The US and China", "bilateral military exchanges");
        assertThat(baseline.prescription("china.militaryExchanges")).isEmpty();
    }

    @Test
    void theCollectiveSecurityModelIsAskedOfAllAndMetOnceAMechanismIsNascent() {
        PrescriptionResult model = prescription("all.collectiveSecurity");

        assertThat(model.actor()).isEqualTo("all");
        assertThat(model.source()).isEqualTo("8");
        assertThat(model.indicator()).isEqualTo("mechanism.collectiveSecurity");
        assertThat(model.target()).isEqualTo("nascent");
        assertThat(model.met()).isFalse();
        assertThat(model.gain()).isPositive();
    }

    @Test
    void theTextOutputKeepsTheActorColumnAlignedForTheLongestActor() {
        String text = AssessmentText.render(baseline, Style.PLAIN);

        List<String> unmet = text.lines().filter(l -> l.matches("^ +[+-]\\d\\.\\d{3}  .*")).toList();
        assertThat(unmet).hasSize((int) baseline.prescriptions().stream().filter(p -> !p.met()).count());
        assertThat(unmet).anyMatch(l -> l.contains(" us-china ¶9 "));
        assertThat(unmet.stream().map(l -> l.indexOf('¶')).distinct().toList()).hasSize(1);
    }
}
