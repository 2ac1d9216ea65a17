package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The "did you mean" for a mistyped command, a subcommand among its group's. */
class UnknownCommandTest {

    private static final Set<String> KNOWN = Set.of("assess", "batch", "load", "rules validate", "rules test", "rules list", "rules doc");

    @Test
    void aMistypedCommandIsMatchedAmongAll() {
        assertThat(UnknownCommand.suggestion(List.of("asess", "x.json"), KNOWN)).isEqualTo(" (did you mean \"assess\"?)");
        assertThat(UnknownCommand.suggestion(List.of("zzzzzz"), KNOWN)).isEmpty();
    }

    @Test
    void aMistypedSubcommandIsMatchedAmongItsGroup() {
        assertThat(UnknownCommand.suggestion(List.of("rules", "valdate"), KNOWN)).isEqualTo(" (did you mean \"rules validate\"?)");
        assertThat(UnknownCommand.suggestion(List.of("rules", "lst", "--rules", "x"), KNOWN)).isEqualTo(" (did you mean \"rules list\"?)");
    }

    @Test
    void aHelpTopicTheShellDoesNotKnowIsAUsageErrorWithASuggestion() {
        Failures failures = new Failures();
        var result = failures.resolve(new IllegalArgumentException("Unknown command 'sett'"));

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.status());
        assertThat(result.message()).isEqualTo("unknown command \"sett\"; 'help' lists the commands\n");
    }
}
