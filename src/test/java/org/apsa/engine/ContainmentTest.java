package org.apsa.engine;

import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.KnowledgeBase;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules that misbehave without firing again and again: each is stopped, and named. */
class ContainmentTest {

    private static final FactSet TRANSPARENT = new FactSet("open", null, null, null,
            Map.of("us.presence.transparency", Reading.of("high")), KnowledgeBase.embedded().vocabulary());

    @AfterEach
    void defaultDeadline() {
        System.clearProperty(Containment.DEADLINE_PROPERTY);
    }

    @Test
    void aConsequenceThatLoopsIsStoppedAtTheDeadlineAndNamed() {
        System.setProperty(Containment.DEADLINE_PROPERTY, "1");
        Assessor spinning = new Assessor(TestRules.withShippedScoring("spins"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> spinning.assess(TRANSPARENT))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage("rule \"Spin at a transparent presence\" has run for more than 1 s without finishing on fact set "
                        + "\"open\"; it was stopped. A rule must not loop or wait: fix its consequence ('then' part) or the "
                        + "functions it calls");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        // The thread that fired the rule is this one, and it goes on.
        System.clearProperty(Containment.DEADLINE_PROPERTY);
        assertThat(new Assessor(TestRules.withShippedScoring("basic")).assess(TRANSPARENT).scenarios()).hasSize(4);
    }

    @Test
    void aLoopInAReusedSessionIsStoppedAndTheSessionIsNotReused() {
        System.setProperty(Containment.DEADLINE_PROPERTY, "1");
        Assessor spinning = new Assessor(TestRules.withShippedScoring("spins"));
        try (Assessor.Reusing sessions = spinning.reusingSessions()) {
            assertThatThrownBy(() -> sessions.assess(TRANSPARENT)).isInstanceOf(RuleBaseException.class)
                    .hasMessageStartingWith("rule \"Spin at a transparent presence\" has run for more than 1 s");
            System.clearProperty(Containment.DEADLINE_PROPERTY);
            FactSet calm = new FactSet("calm", null, null, null, Map.of("us.presence.transparency", Reading.of("low")), KnowledgeBase.embedded().vocabulary());
            assertThat(sessions.assess(calm).scenarios()).hasSize(4);
        }
    }

    @Test
    void endlessRecursionInAFunctionIsNamedWithTheRuleThatCalledIt() {
        Assessor recursing = new Assessor(TestRules.withShippedScoring("recurses"));

        assertThatThrownBy(() -> recursing.assess(TRANSPARENT))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage("rule \"Recurse at a transparent presence\" overflowed the stack (endless recursion?) on fact set "
                        + "\"open\"; fix the rule's consequence ('then' part) or the functions it calls");
    }

    @Test
    void manyFiringsOfManyRulesAreNoRunaway() {
        Map<String, Reading> all = new LinkedHashMap<>();
        for (IndicatorDef d : KnowledgeBase.embedded().vocabulary().indicators()) {
            all.put(d.id(), Reading.of(d.scale().levels().get(0)));
        }
        Assessor many = new Assessor(TestRules.withShippedScoring("many-rules"));

        Assessment a = many.assess(new FactSet("all", null, null, null, all, KnowledgeBase.embedded().vocabulary()));

        assertThat(a.firings()).isGreaterThan(Assessor.FIRING_LIMIT);
        assertThat(a.firedRules().get("Triple 1")).isGreaterThan(1000).isEqualTo(a.firedRules().get("Triple 8"));
    }
}
