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
    void helpOnANameTheShellDoesNotKnowIsAUsageErrorWithASuggestion() {
        Help help = HelpCommand.help(catalog().getRegistrations().values(), CommandHarness.TEMPLATES);

        assertThat(help.unknown("sett")).isEqualTo("unknown command \"sett\"; 'help' lists the commands");
        assertThat(help.unknown("rules valdate"))
                .isEqualTo("unknown command \"rules valdate\" (did you mean \"rules validate\"?); 'help' lists the commands");
        assertThat(help.topic("rulez", Help.PLAIN_WIDTH)).isEmpty();
    }

    @Test
    void helpOnAGroupInTheShellListsItsCommands() {
        Help help = HelpCommand.help(catalog().getRegistrations().values(), CommandHarness.TEMPLATES);

        String options = "\n\nUsage:   rules %s [--rules RULES]\n\nOptions:\n  --rules RULES   the folder\n";
        assertThat(help.topic("rules", Help.PLAIN_WIDTH)).contains("rules list: does list" + options.formatted("list") + "\n"
                + "rules validate: does validate" + options.formatted("validate"));
    }

    /** Commands registered as the shell framework registers its own, without the tool's annotations. */
    private static org.springframework.shell.command.CommandCatalog catalog() {
        org.springframework.shell.command.CommandCatalog catalog = org.springframework.shell.command.CommandCatalog.of();
        for (String name : List.of("validate", "list")) {
            catalog.register(org.springframework.shell.command.CommandRegistration.builder().command("rules", name)
                    .description("does " + name).withOption().longNames("rules").description("the folder").and()
                    .withTarget().consumer(context -> { }).and().build());
        }
        return catalog;
    }
}
