package org.apsa.cli;

import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** what-if moves a stated indicator at its stated confidence, as why-not and sensitivity do, unless @CONFIDENCE gives another. */
class WhatIfConfidenceTest {

    private final FactSet facts = new FactSet("view", null, null, null,
            Map.of("us.presence.transparency", new Reading("low", 0.7, "¶9")), KnowledgeBase.embedded().vocabulary());

    @Test
    void aStatedIndicatorKeepsItsConfidenceAndNote() {
        Reading moved = WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("us.presence.transparency=high")).indicators().get("us.presence.transparency");

        assertThat(moved).isEqualTo(new Reading("high", 0.7, "¶9"));
    }

    @Test
    void aConfidenceAfterTheLevelReplacesTheStatedOne() {
        Reading moved = WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("us.presence.transparency=high@0.4")).indicators().get("us.presence.transparency");

        assertThat(moved.level()).isEqualTo("high");
        assertThat(moved.confidence()).isEqualTo(0.4);
    }

    @Test
    void anIndicatorNotStatedIsCertainUnlessAConfidenceIsGiven() {
        FactSet certain = WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("usChina.militaryExchanges=high"));
        FactSet given = WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("usChina.militaryExchanges=high@0.5"));

        assertThat(certain.indicators().get("usChina.militaryExchanges").confidence()).isEqualTo(1.0);
        assertThat(given.indicators().get("usChina.militaryExchanges").confidence()).isEqualTo(0.5);
    }

    @Test
    void aConfidenceThatIsNoNumberOrOutOfRangeIsAUsageError() {
        assertThatThrownBy(() -> WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("us.presence.transparency=high@much")))
                .isInstanceOf(UsageException.class).hasMessageContaining("the confidence after @ must be a number");
        assertThatThrownBy(() -> WorkbenchCommands.variant(facts.vocabulary(), facts, List.of("us.presence.transparency=high@1.5")))
                .isInstanceOf(UsageException.class).hasMessageContaining("out of range");
    }
}
