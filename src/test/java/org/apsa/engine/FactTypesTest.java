package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
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
        assertThat(new Support(KnowledgeBase.embedded(), "polarization", "r", 1.5, 0.5).contribution()).isEqualTo(0.75);
        assertThatThrownBy(() -> new Support(KnowledgeBase.embedded(), "polarisation", "r", 1.5, 0.8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no outlook \"polarisation\" (did you mean \"polarization\"?); a Support is for one of "
                        + "deep-integration, shared-dominance, polarization, chaos");
    }

    @Test
    void aSupportHasAFiniteWeightAndAConfidenceInZeroToOne() {
        assertThat(new Support(KnowledgeBase.embedded(), "chaos", "r", -1.0, 1.0).contribution()).isEqualTo(-1.0);
        assertThatThrownBy(() -> new Support(KnowledgeBase.embedded(), "chaos", "r", 0.0 / 0.0, 1.0))
                .hasMessageStartingWith("the weight of a Support for chaos must be a finite number, was NaN; ");
        assertThatThrownBy(() -> new Support(KnowledgeBase.embedded(), "chaos", "r", Double.POSITIVE_INFINITY, 1.0))
                .hasMessageStartingWith("the weight of a Support for chaos must be a finite number, was Infinity; ");
        for (double confidence : new double[] {0.0, -0.5, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new Support(KnowledgeBase.embedded(), "chaos", "r", 1.0, confidence)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the confidence of a Support for chaos must be in (0, 1], was " + confidence + "; ");
        }
    }

    @Test
    void aJudgmentHasAnIdAndAConfidenceInZeroToOne() {
        assertThat(new Judgment("usChina.misjudgmentRisk", 1.0).confidence()).isEqualTo(1.0);
        assertThatThrownBy(() -> new Judgment("usChina.mutualTrust.eroding", 4.0))
                .hasMessage("the confidence of judgment \"usChina.mutualTrust.eroding\" must be in (0, 1], was 4.0; compute it "
                        + "from the confidences of the facts the rule matched, with Scoring.weakest(...) or Scoring.weakestOfStrongest(...)");
        assertThatThrownBy(() -> new Judgment("x", 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Judgment(" ", 0.5)).hasMessageStartingWith("a Judgment needs an id");
    }

    @Test
    void aRuleThatGivesAJudgmentAConfidenceAboveOneStopsTheAssessmentNamingTheRule(@TempDir Path dir) throws Exception {
        Assessor assessor = withRule(dir, """
                rule "Opacity erodes trust"
                    @source("9")
                    @title("An opaque presence erodes trust")
                when
                    $t : Indicator( id == "us.presence.transparency", level == "low" )
                then
                    insertLogical(new Judgment("usChina.mutualTrust.eroding", $t.confidence() * 4));
                end
                """);

        assertThatThrownBy(() -> assessor.assess(opaque())).isInstanceOf(RuleBaseException.class)
                .hasMessageStartingWith("rule \"Opacity erodes trust\" failed on fact set \"t\": IllegalArgumentException: "
                        + "the confidence of judgment \"usChina.mutualTrust.eroding\" must be in (0, 1], was 4.0");
    }

    @Test
    void aRuleThatWeighsEvidenceNotANumberStopsTheAssessmentNamingTheRuleNotTheScoring(@TempDir Path dir) throws Exception {
        Assessor assessor = withRule(dir, """
                rule "Opacity weighs nothing"
                    @source("9")
                    @title("A weight divided by zero")
                when
                    $t : Indicator( id == "us.presence.transparency", level == "low" )
                then
                    insertLogical(new Support(kcontext, "polarization", 0.0 / 0.0, $t.confidence()));
                end
                """);

        assertThatThrownBy(() -> assessor.assess(opaque())).isInstanceOf(RuleBaseException.class)
                .hasMessageStartingWith("rule \"Opacity weighs nothing\" failed on fact set \"t\": IllegalArgumentException: "
                        + "the weight of a Support for polarization must be a finite number, was NaN");
    }

    /** The shipped scoring rules and one more rule. */
    private static Assessor withRule(Path dir, String rule) throws Exception {
        Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        Files.writeString(dir.resolve("rule.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Judgment;
                import org.apsa.engine.Support;

                """ + rule);
        return new Assessor(RuleBaseLoader.load(dir));
    }

    private static FactSet opaque() {
        return new FactSet("t", null, null, null, Map.of("us.presence.transparency", Reading.of("low")), KnowledgeBase.embedded().vocabulary());
    }

    @Test
    void aRecommendationNamesAKnownIndicatorAndLevelsOnItsScale() {
        assertThat(new Recommendation("x", "us", "9", "t", "us.presence.transparency", "medium", "high").target()).isEqualTo("medium");
        assertThatThrownBy(() -> new Recommendation("x", "us", "9", "t", "us.presence.transparancy", "high").requireIn(KnowledgeBase.embedded().vocabulary()))
                .hasMessageStartingWith("recommendation \"x\" names unknown indicator \"us.presence.transparancy\" "
                        + "(did you mean \"us.presence.transparency\"?)");
        assertThatThrownBy(() -> new Recommendation("x", "us", "9", "t", "us.presence.transparency", "hihg").requireIn(KnowledgeBase.embedded().vocabulary()))
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
        FactSet facts = new FactSet("t", null, null, null, Map.of("us.presence.transparency", Reading.of("low")), KnowledgeBase.embedded().vocabulary());

        assertThatThrownBy(() -> assessor.assess(facts)).isInstanceOf(RuleBaseException.class)
                .hasMessageStartingWith("rule \"Opaque presence feeds blocs\" failed on fact set \"t\": IllegalArgumentException: "
                        + "no outlook \"polarisation\" (did you mean \"polarization\"?)");
    }
}
