package org.apsa.cli;

import org.apsa.ApsaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.command.CommandCatalog;

import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The list a one-shot run checks before starting is the one Spring Shell registers. */
class CommandNamesTest {

    @Test
    void theListIsExactlyTheCommandsTheShellRegisters() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApsaApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties(Map.of("spring.shell.interactive.enabled", "false", "spring.shell.noninteractive.enabled", "false",
                        "spring.shell.script.enabled", "false", "apsa.one-shot", "true"))
                .run()) {
            TreeSet<String> registered = new TreeSet<>(context.getBean(CommandCatalog.class).getRegistrations().keySet());
            assertThat(new TreeSet<>(CommandNames.all())).as("src/main/resources" + CommandNames.RESOURCE
                    + " lists the registered commands, one a line").isEqualTo(registered);
            // 'help' is the tool's: Spring Shell's own backs off for a bean of its Help.Command.
            assertThat(context.getBeansOfType(org.springframework.shell.standard.commands.Help.class)).isEmpty();
            assertThat(context.getBean(CommandCatalog.class).getRegistrations().get("help").getTarget().getBean())
                    .isInstanceOf(HelpCommand.class);
        }
    }

    @Test
    void aFirstWordThatNamesNoCommandIsAnsweredAsTheShellAnswersIt() {
        assertThat(CommandNames.unknown("asess", "facts/x.json"))
                .contains("unknown command \"asess\" (did you mean \"assess\"?); 'help' lists the commands");
        assertThat(CommandNames.unknown("zzzzzz")).contains("unknown command \"zzzzzz\"; 'help' lists the commands");
    }

    @Test
    void commandsOptionsScriptsAndGroupsAreLeftToTheShell() {
        assertThat(CommandNames.unknown("assess", "facts/x.json")).isEmpty();
        assertThat(CommandNames.unknown("rules", "valdate")).isEmpty();
        assertThat(CommandNames.unknown("--version")).isEmpty();
        assertThat(CommandNames.unknown("@script.apsa")).isEmpty();
        assertThat(CommandNames.unknown()).isEmpty();
    }
}
