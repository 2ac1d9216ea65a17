package org.apsa.cli;

import org.apsa.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one help of the tool, as one-shot shows it: order, wrapping, and what a command's help says. */
class HelpTest {

    /** The commands of the overview, in the order shown: the lines of a name led by two spaces and followed by two or more. */
    static List<String> commandsIn(String overview) {
        return overview.lines().filter(l -> l.matches("  \\S.*?\\S {2,}\\S.*")).map(l -> l.substring(2).split(" {2,}")[0]).toList();
    }

    private static String oneShot(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandHarness standard = new CommandHarness(stream, stream, CommandHarness.standard().commandObjects())
                .shellOnly(WorkbenchCommands.class, ConsultCommands.class, ScriptCommand.class);
        assertThat(standard.execute(args)).as(String.join(" ", args)).contains(ExitCode.OK.status());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOneShotOverviewMatchesItsGoldenFile() {
        Golden.assertMatches("help-overview-one-shot.txt", oneShot("help"));
    }

    @Test
    void aCommandsHelpMatchesItsGoldenFile() {
        Golden.assertMatches("help-assess.txt", oneShot("help", "assess"));
        Golden.assertMatches("help-set.txt", oneShot("help", "set"));
        Golden.assertMatches("help-rules-test.txt", oneShot("help", "rules", "test"));
    }

    @Test
    void theOverviewListsTheCommandsInTheOrderOfWorkGroupByGroup() {
        assertThat(commandsIn(oneShot("help"))).containsExactly("assess", "batch", "explain", "why-not", "sensitivity",
                "explore", "vocabulary", "rules list", "rules validate", "rules test", "rules coverage", "rules doc", "version");
        assertThat(oneShot("help")).isEqualTo(oneShot("help"));
    }

    @Test
    void oneShotTheShellsCommandsAreNamedNotListed() {
        String overview = oneShot("help");

        assertThat(overview).doesNotContain("\n  load ", "\n  rules reload ", "\nWorkbench\n");
        assertThat(overview.replace("\n  ", " ")).contains("Only in the interactive shell and in @FILE scripts, where the fact set "
                + "and the rules in use stay from one command to the next: load, new, show, set, unset, what-if, diff, recommend, "
                + "consult, history, save, rules reload, script.");
        assertThat(overview.strip().lines().reduce((a, b) -> b).orElseThrow()).contains("130 stopped (Ctrl-C).");
    }

    @Test
    void everyCommandOfTheToolHasItsPlaceInTheOrderOfWork() {
        // A command left out would come last in its group, alphabetically: placed by accident.
        assertThat(Help.ORDER).containsAll(CommandHarness.standard().helpEntries().stream().map(Help.Entry::name).toList())
                .contains("help");
    }

    @Test
    void aCommandsHelpSaysItsOptionsDefaultsAndPositionalOnesWithoutJavaTypes() {
        String help = oneShot("help", "batch");

        assertThat(help).contains("Usage:   batch PATH... --out OUT [--format FORMAT] [--threads THREADS] [--detail DETAIL]\n         [--rules RULES]\n",
                "Example: batch facts/ --out results --format csv,markdown,html\n",
                "  --path PATH...      fact files (.json, .jsonl) and folders; - reads JSON Lines from standard input\n"
                        + "                      (required; also by position)\n",
                "  --out OUT           the folder for the results, created when missing (required)\n",
                "(default: jsonl)");
        for (String command : List.of("assess", "batch", "explain", "why-not", "sensitivity", "set", "what-if", "consult",
                "rules doc", "script")) {
            assertThat(oneShot(("help " + command).split(" "))).as(command)
                    .doesNotContain("String", "Integer", "Double", "int ", "boolean", "[Optional");
        }
    }

    @Test
    void everyCommandThatRunsTheSessionsRulesSaysTheSameDefaultForRules() {
        for (String command : List.of("assess", "batch", "explain", "why-not", "sensitivity", "explore", "vocabulary")) {
            assertThat(oneShot("help", command).replaceAll("\\s+", " ")).as(command)
                    .contains("--rules RULES the folder of .drl rules (default: APSA_RULES, else the embedded rules)");
        }
    }

    @Test
    void aCommandOfTheShellSaysWhereItWorks() {
        assertThat(oneShot("help", "rules", "reload")).contains("Only in the interactive shell and in @FILE scripts, not one-shot.");
        assertThat(oneShot("help", "rules", "list")).doesNotContain("Only in the interactive shell");
    }

    @Test
    void theTemplatesLinesAreWrappedToTheWidthGivenHangingUnderTheirText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandHarness narrow = new CommandHarness(stream, stream, () -> 57, CommandHarness.standard().commandObjects());

        narrow.execute("help");
        narrow.execute("help", "batch");

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(57));
        assertThat(help).contains("""
                  batch           Assess many fact sets (files, folders
                                  searched recursively, .jsonl files) in
                                  parallel. Example: batch facts/ --out
                                  results --format csv,markdown,html
                """, """
                Usage:   batch PATH... --out OUT [--format FORMAT]
                         [--threads THREADS] [--detail DETAIL]
                         [--rules RULES]
                """, """
                  --path PATH...      fact files (.json, .jsonl) and
                                      folders; - reads JSON Lines from
                                      standard input (required; also by
                                      position)
                """);
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 57, 80, 100, 131})
    void linesAreWrappedAtSpacesToTheWidthWithAHangingIndent(int width) {
        String text = "Show what the rule tests exercise: which rules they (and with --facts the fact sets in facts/) make fire "
                + "and how often, which never fire, which indicators and levels no test states.";

        String wrapped = Help.wrap("  rules coverage  ", text, width, 18);

        List<String> lines = wrapped.lines().toList();
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith(" ".repeat(18)).doesNotStartWith(" ".repeat(19)));
        assertThat(Arrays.asList(wrapped.strip().split("\\s+"))).containsExactlyElementsOf(
                Arrays.asList(("rules coverage " + text).split(" ")));
    }

    @Test
    void aWordLongerThanALineIsKeptWholeOnALineOfItsOwn() {
        String wrapped = Help.wrap("Example: ", "load facts/" + "x".repeat(60) + ".json now", 40, 9);

        assertThat(wrapped).isEqualTo("Example: load\n         facts/" + "x".repeat(60) + ".json\n         now");
    }

    @Test
    void theOverviewGivesTheDescriptionUpToItsFirstColonSemicolonOrFullStopOutsideParentheses() {
        assertThat(Help.summary("Assess a fact set: the four outlooks ranked.")).isEqualTo("Assess a fact set");
        assertThat(Help.summary("Save the current fact set (atomically; an existing file only with --force).")).
                isEqualTo("Save the current fact set (atomically; an existing file only with --force)");
        assertThat(Help.summary("Run the rule tests (tests/*.json beside the rules), one line each; a failure shows")).
                isEqualTo("Run the rule tests (tests/*.json beside the rules), one line each");
        assertThat(Help.summary("Exit the shell.")).isEqualTo("Exit the shell");
    }
}
