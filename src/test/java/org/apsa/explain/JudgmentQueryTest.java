package org.apsa.explain;

import org.apsa.fact.KnowledgeBase;
import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.fact.FactSetReader;
import org.apsa.render.ExplanationJson;
import org.apsa.render.ExplanationText;
import org.apsa.render.Style;
import org.apsa.render.TraceMarkdown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code explain} asked about an id as a judgment on the 2014 baseline: a judgment the rules
 * can draw but did not is answered, not refused, with the rules that could draw it; an
 * indicator id is said to be one; a made-up id is unknown.
 */
class JudgmentQueryTest {

    private static Assessment baseline;

    @BeforeAll
    static void assess() {
        baseline = ShippedRules.assessor().assess(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json")));
    }

    private static JudgmentQuery.Answer ask(String id) {
        return JudgmentQuery.ask(ShippedRules.ruleBase(), baseline, id);
    }

    @Test
    void aJudgmentTheRulesCanDrawButDidNotIsAnsweredWithTheRulesThatCouldDrawIt() {
        JudgmentQuery.Answer answer = ask("usChina.mutualTrust.rising");

        assertThat(answer).isInstanceOf(JudgmentQuery.DoesNotHold.class);
        JudgmentQuery.DoesNotHold d = (JudgmentQuery.DoesNotHold) answer;
        assertThat(d.complete()).isTrue();
        assertThat(d.drawnBy()).extracting(r -> r.rule().name())
                .containsExactly("Mutual trust rises with low distrust", "Reduced doubts and military exchanges build trust");
        JudgmentQuery.Drawer low = d.drawnBy().get(0);
        assertThat(low.conditions()).containsExactly("$d : Indicator( id == \"usChina.strategicDistrust\", level == \"low\" )");
        assertThat(low.indicators()).containsEntry("usChina.strategicDistrust", baseline.factSet().indicators().get("usChina.strategicDistrust"));
        JudgmentQuery.Drawer reduced = d.drawnBy().get(1);
        assertThat(reduced.judgments()).containsExactly(java.util.Map.entry("china.doubtsReduced", false));
        assertThat(reduced.indicators()).containsOnlyKeys("usChina.strategicDistrust", "usChina.militaryExchanges");

        String text = ExplanationText.judgment(answer, Style.PLAIN);
        assertThat(text).startsWith("usChina.mutualTrust.rising does not hold for baseline-2014-12: no rule drew it.\n")
                .contains("  \"Mutual trust rises with low distrust\" (¶9): Low strategic distrust means US-China mutual trust is rising\n"
                                + "    when  $d : Indicator( id == \"usChina.strategicDistrust\", level == \"low\" )\n"
                                + "    now   usChina.strategicDistrust = medium (confidence 0.80)\n",
                        "judgment china.doubtsReduced does not hold")
                .doesNotContain("eroding");
        assertThat(ExplanationJson.judgment(answer)).contains("\"holds\" : false", "\"trace\" : [ ]",
                "\"rule\" : \"Mutual trust rises with low distrust\"");
        assertThat(TraceMarkdown.judgment(answer)).contains("**usChina.mutualTrust.rising** does not hold for `baseline-2014-12`",
                "- *Mutual trust rises with low distrust* (¶9)");
    }

    @Test
    void aJudgmentThatHoldsIsItsProofTree() {
        JudgmentQuery.Answer answer = ask("usChina.mutualTrust.eroding");

        assertThat(answer).isInstanceOf(JudgmentQuery.Holds.class);
        assertThat(ExplanationText.judgment(answer, Style.PLAIN)).startsWith("judgment usChina.mutualTrust.eroding (confidence 0.70)\n");
        assertThat(ExplanationJson.judgment(answer)).contains("\"holds\" : true", "\"conclusion\" : \"usChina.mutualTrust.eroding\"");
    }

    @Test
    void anIndicatorIdIsSaidToBeAnIndicatorWithItsReading() {
        JudgmentQuery.Answer stated = ask("region.cooperationNetwork");
        JudgmentQuery.Answer unknown = ask("region.smallStatesVoice");

        assertThat(stated).isEqualTo(new JudgmentQuery.IsIndicator("region.cooperationNetwork", "baseline-2014-12",
                baseline.factSet().indicators().get("region.cooperationNetwork")));
        assertThat(ExplanationText.judgment(stated, Style.PLAIN))
                .startsWith("region.cooperationNetwork is an indicator, not a judgment: baseline-2014-12 states it medium (confidence 0.60)")
                .doesNotContain("does not hold");
        assertThat(ExplanationText.judgment(unknown, Style.PLAIN))
                .startsWith("region.smallStatesVoice is an indicator, not a judgment: baseline-2014-12 leaves it unknown.");
        assertThat(ExplanationJson.judgment(stated)).contains("\"indicator\" : \"region.cooperationNetwork\"", "\"level\" : \"medium\"");
    }

    @Test
    void anIdNoRuleDrawsIsUnknownWithEveryJudgmentTheRulesCanDraw() {
        JudgmentQuery.Answer answer = ask("made.up");

        assertThat(answer).isInstanceOf(JudgmentQuery.Unknown.class);
        assertThat(((JudgmentQuery.Unknown) answer).judgments())
                .contains("usChina.mutualTrust.rising", "usChina.mutualTrust.eroding", "blocs.forming");
    }
}
