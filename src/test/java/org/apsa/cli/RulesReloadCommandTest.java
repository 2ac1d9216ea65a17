package org.apsa.cli;

import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rules that do not compile, met by {@code rules reload} or any command: the errors where 'rules validate' puts them. */
class RulesReloadCommandTest {

    private static final Path BROKEN = Path.of("src/test/resources/rules-authoring/bad-java-in-consequence");

    @Test
    void aFailedReloadPlacesTheErrorAtTheStatementWithItsFixAndKeepsTheRulesInUse() {
        RuleBases bases = new RuleBases(null, null);
        RulesCommands commands = new RulesCommands(bases, new Output(System.out));
        bases.assessor(null);

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> commands.reload(BROKEN.toString()));

        assertThat(e.getMessage()).startsWith(BROKEN.resolve("bad-java-in-consequence.drl") + ":13:55: error: "
                + "in the consequence of rule \"Transparency builds confidence\": The method confidance() is undefined");
        assertThat(e.getMessage()).contains("\n    fix: call a method the type has")
                .endsWith("The rules do not compile; the rules in use stay. 'rules validate' shows warnings too.");
        assertThat(EmbeddedRules.isEmbedded(bases.sessionFolder())).isTrue();
    }

    @Test
    void beforeAnyRulesCompiledAFailedReloadDoesNotClaimRulesInUse() {
        RuleBases bases = new RuleBases(null, null);
        RulesCommands commands = new RulesCommands(bases, new Output(System.out));

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> commands.reload(BROKEN.toString()));

        assertThat(e.getMessage()).endsWith("The rules do not compile; no rules are in use until they do. "
                + "'rules validate' shows warnings too.");
        assertThat(bases.hasRulesInUse()).isFalse();
    }

    @Test
    void anyCommandThatLoadsRulesPlacesTheirErrorsAsRulesValidateDoes() {
        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> new RuleBases(null, null).assessor(BROKEN.toString()));

        assertThat(e.getMessage()).startsWith(BROKEN.resolve("bad-java-in-consequence.drl") + ":13:55: error: "
                + "in the consequence of rule \"Transparency builds confidence\": The method confidance() is undefined")
                .contains("\n    fix: call a method the type has")
                .endsWith("The rules do not compile; 'rules validate' shows warnings too.");
    }
}
