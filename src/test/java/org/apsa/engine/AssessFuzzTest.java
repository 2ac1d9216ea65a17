package org.apsa.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apsa.ShippedRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.KnowledgeBase;
import org.apsa.render.AssessmentJson;
import org.apsa.render.AssessmentMarkdown;
import org.apsa.render.AssessmentText;
import org.apsa.render.Style;
import org.apsa.rulebase.RuleBaseException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * Fuzzes the assess path with the shipped rules: any fact set the reader could accept
 * (any subset of indicators, any level, any confidence in (0, 1], any text in title and
 * notes) is assessed and rendered without an exception. The only exception
 * {@link Assessor#assess} documents is {@link RuleBaseException}, for rules that loop,
 * throw or break an invariant; the shipped rules must never raise it, so it fails here too,
 * with its message.
 *
 * <p>In {@code mvn test} this runs the committed inputs under
 * {@code src/test/resources/org/apsa/engine/AssessFuzzTestInputs/}; docs/reliability.md has
 * the command for a fuzzing run, through {@link AssessFuzzTarget}.
 */
class AssessFuzzTest {


    @FuzzTest(maxDuration = "60s")
    void anyFactSetIsAssessedAndRendered(FuzzedDataProvider data) {
        check(data);
    }


    static void check(FuzzedDataProvider data) {
        FactSet facts = factSet(data);

        Assessment a;
        try {
            a = ShippedRules.assessor().assess(facts);
        } catch (RuleBaseException e) {
            fail("the shipped rules misbehaved on " + facts + ": " + e.getMessage());
            return;
        }

        assertThat(a.scenarios()).hasSize(4);
        assertThat(a.scenarios().stream().mapToDouble(ScenarioScore::score).sum()).isCloseTo(1.0, within(0.0005));
        assertThat(a.status()).isIn(Assessment.ASSESSED, Assessment.INSUFFICIENT_EVIDENCE);
        assertThat(new String(new AssessmentJson.Lines().utf8(a), StandardCharsets.UTF_8)).doesNotContain("\n");
        assertThat(AssessmentText.render(a, Style.of(false))).isNotBlank();
        assertThat(AssessmentMarkdown.render(a)).isNotBlank();
    }

    static Assessor rules() {
        return ShippedRules.assessor();
    }

    /** Each indicator absent, or a level with a confidence in (0, 1] and maybe a note. */
    static FactSet factSet(FuzzedDataProvider data) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
            int pick = data.consumeInt(-1, def.scale().levels().size() - 1);
            if (pick < 0) {
                continue;
            }
            double confidence = data.consumeBoolean() ? Reading.CERTAIN
                    : Math.max(Double.MIN_VALUE, Math.min(1.0, data.consumeProbabilityDouble()));
            String note = data.consumeBoolean() ? data.consumeString(80) : null;
            readings.put(def.id(), new Reading(def.scale().levels().get(pick), confidence, note));
        }
        String title = data.consumeBoolean() ? data.consumeString(80) : null;
        return new FactSet("fuzzed", title, null, "2014-12-09", readings, KnowledgeBase.embedded().vocabulary());
    }
}
