package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.cli.ExplainCommands.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code explain} and {@code why-not} read their positional argument: a fact file, or an id in place of an option. */
class ExplainTargetTest {

    @Test
    void aFactFileStaysAFile() {
        assertThat(Target.of(KnowledgeBase.embedded(), "facts/baseline-2014-12.json", null, null, true))
                .isEqualTo(new Target("facts/baseline-2014-12.json", null, null));
        assertThat(Target.of(KnowledgeBase.embedded(), "views.jsonl", "chaos", null, false)).isEqualTo(new Target("views.jsonl", "chaos", null));
        assertThat(Target.of(KnowledgeBase.embedded(), "dir\\view", null, null, true)).isEqualTo(new Target("dir\\view", null, null));
    }

    @Test
    void anOutlookIdIsTakenAsTheScenario() {
        assertThat(Target.of(KnowledgeBase.embedded(), "polarization", null, null, true)).isEqualTo(new Target(null, "polarization", null));
        assertThat(Target.of(KnowledgeBase.embedded(), "deep-integration", null, null, false)).isEqualTo(new Target(null, "deep-integration", null));
    }

    @Test
    void anotherIdIsAJudgmentForExplainAndAScenarioForWhyNot() {
        assertThat(Target.of(KnowledgeBase.embedded(), "securityDilemma", null, null, true)).isEqualTo(new Target(null, null, "securityDilemma"));
        // why-not takes only outlooks: the id is checked, and misspellings suggested, as --scenario.
        assertThat(Target.of(KnowledgeBase.embedded(), "harmony", null, null, false)).isEqualTo(new Target(null, "harmony", null));
    }

    @Test
    void anIdGivenBesideItsOptionIsNotDroppedButStaysTheFile() {
        // Read as a file, it is reported as a missing file rather than silently ignored.
        assertThat(Target.of(KnowledgeBase.embedded(), "baseline", "chaos", null, true)).isEqualTo(new Target("baseline", "chaos", null));
        assertThat(Target.of(KnowledgeBase.embedded(), "securityDilemma", null, "management.weak", true))
                .isEqualTo(new Target("securityDilemma", null, "management.weak"));
        assertThat(Target.of(KnowledgeBase.embedded(), "polarization", "chaos", null, false)).isEqualTo(new Target("polarization", "chaos", null));
    }

    @Test
    void anOutlookIdBesideAJudgmentBecomesTheScenarioSoThatTheCommandRefusesBoth() {
        assertThat(Target.of(KnowledgeBase.embedded(), "chaos", null, "securityDilemma", true)).isEqualTo(new Target(null, "chaos", "securityDilemma"));
    }

    @Test
    void noArgumentLeavesTheOptionsAsGiven() {
        assertThat(Target.of(KnowledgeBase.embedded(), null, "chaos", null, true)).isEqualTo(new Target(null, "chaos", null));
        assertThat(Target.of(KnowledgeBase.embedded(), null, null, null, false)).isEqualTo(new Target(null, null, null));
    }
}
