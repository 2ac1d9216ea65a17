package org.apsa.engine;

import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RuleBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facts rules insert refuse what the knowledge model has no place for, so that a typo in
 * a rule stops the assessment, naming the rule, instead of counting for nothing unseen.
 */
class FactTypesTest {

    @Test
    void aSupportIsForOneOfTheFourOutlooks() {
        assertThat(new Support("polarization", "r", 1.5, 0.5).contribution()).isEqualTo(0.75);
        assertThatThrownBy(() -> new Support("polarisation", "r", 1.5, 0.8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no outlook \"polarisation\" (did you mean \"polarization\"?); a Support is for one of "
                        + "deep-integration, shared-dominance, polarization, chaos");
    }

    @Test
    void aRecommendationNamesAKnownIndicatorAndLevelsOnItsScale() {
        assertThat(new Recommendation("x", "us", "9", "t", "us.presence.transparency", "medium", "high").target()).isEqualTo("medium");
        assertThatThrownBy(() -> new Recommendation("x", "us", "9", "t", "us.presence.transparancy", "high"))
                .hasMessageStartingWith("recommendation \"x\" names unknown indicator \"us.presence.transparancy\" "
                        + "(did you mean \"us.presence.transparency\"?)");
        assertThatThrownBy(() -> new Recommendation("x", "us", "9", "t", "us.presence.transparency", "hihg"))
                .hasMessageStartingWith("recommendation \"x\": level \"hihg\" is not on the scale of us.presence.transparency "
                        + "(did you mean \"high\"?); use ");
        assertThatThrownBy(() -> new Recommendation("x", "us", "9", "t", "us.presence.transparency"))
                .hasMessage("recommendation \"x\" names no level that meets it");
    }

    @Test
    void aRuleThatInsertsEvidenceForNoOutlookStopsTheAssessmentNamingTheRule(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        Files.writeString(dir.resolve("typo.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Support;

                rule "Opaque presence feeds blocs"
                    @source("5")
                    @title("An opaque presence pushes toward blocs")
                when
                    Indicator( id == "us.presence.transparency", level == "low", $c : confidence )
                then
                    insertLogical(new Support(kcontext, "polarisation", 2.0, $c));
                end
                """);
        Assessor assessor = new Assessor(RuleBaseLoader.load(dir));
        FactSet facts = new FactSet("t", null, null, null, Map.of("us.presence.transparency", Reading.of("low")));

        assertThatThrownBy(() -> assessor.assess(facts)).isInstanceOf(RuleBaseException.class)
                .hasMessageStartingWith("rule \"Opaque presence feeds blocs\" failed on fact set \"t\": IllegalArgumentException: "
                        + "no outlook \"polarisation\" (did you mean \"polarization\"?)");
    }
}
