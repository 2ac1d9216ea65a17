package org.apsa.render;

import org.apsa.fact.KnowledgeBase;
import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.engine.ScenarioScore;
import org.apsa.explain.WhyNot;
import org.apsa.fact.FactSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four outlooks with equal scores (a fact set that states nothing) are not shown as if ordered:
 * where a reader sees ranks they share "=1"; the JSON {@code rank} keeps its documented order.
 */
class TiedRanksTest {

    private static final FactSet EMPTY = new FactSet("empty", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary());

    @Test
    void equalScoresShareTheFirstRankInTextMarkdownTheProofTreeAndWhyNot() {
        Assessment a = ShippedRules.assessor().assess(EMPTY);
        assertThat(a.scenarios()).extracting(ScenarioScore::score).containsOnly(0.25);

        assertThat(AssessmentText.render(a, Style.PLAIN)).contains("  =1 deep integration ", "  =1 shared dominance of big powers ",
                "  =1 polarization ", "  =1 falling into chaos ").doesNotContain("  4  falling into chaos");
        assertThat(AssessmentMarkdown.render(a)).contains("| =1 | polarization | 0.25 | unlikely |");
        assertThat(a.trace()).filteredOn(n -> n.kind().equals("scenario")).extracting(n -> n.conclusion())
                .contains("chaos: 0.2500 (unlikely), rank =1");
        assertThat(ExplanationText.whyNot(WhyNot.of(ShippedRules.assessor(), a, "polarization"), Style.PLAIN))
                .startsWith("Why not polarization? Score 0.25 (unlikely), rank =1\n");
        assertThat(AssessmentJson.pretty(a, null)).contains("\"rank\" : 4");
    }

    @Test
    void aTieAtTheTopIsSaidToBeBrokenByDesirability() {
        List<ScenarioScore> scores = List.of(new ScenarioScore("deep-integration", 2.0, 0.4, "unlikely", 1),
                new ScenarioScore("polarization", 2.0, 0.4, "unlikely", 2), new ScenarioScore("shared-dominance", 0.0, 0.1, "very unlikely", 3),
                new ScenarioScore("chaos", 0.0, 0.1, "very unlikely", 4));
        Assessment tied = new Assessment(EMPTY, Assessment.ASSESSED, "deep-integration", scores, 4.0, List.of(), List.of(),
                List.of(), List.of(), 0, Map.of(), Map.of(), KnowledgeBase.embedded());

        assertThat(AssessmentText.render(tied, Style.PLAIN)).contains("=1 deep integration", "leading (tied; the more desirable, ¶7)",
                "=1 polarization", "=3 shared dominance of big powers", "=3 falling into chaos");
    }
}
