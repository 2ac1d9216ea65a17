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

    @Test
    void helpOnAGroupInTheShellListsItsCommands() {
        org.springframework.shell.command.CommandCatalog catalog = org.springframework.shell.command.CommandCatalog.of();
        for (String name : List.of("validate", "list")) {
            catalog.register(org.springframework.shell.command.CommandRegistration.builder().command("rules", name)
                    .description("does " + name).withOption().longNames("rules").description("the folder").and()
                    .withTarget().consumer(context -> { }).and().build());
        }
        Failures failures = new Failures();
        failures.setCommands(catalog);

        var group = failures.resolve(new IllegalArgumentException("Unknown command 'rules'"));
        var unknown = failures.resolve(new IllegalArgumentException("Unknown command 'rulez'"));

        // No exit status at all: outside the interactive shell any would end the script it is in.
        assertThat(group.exitCode()).isNull();
        String options = "\n\nOptions (the first ones may also be given by position):\n  --rules      the folder\n";
        assertThat(group.message()).isEqualTo("rules list: does list" + options + "\n" + "rules validate: does validate" + options);
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.status());
    }
}
