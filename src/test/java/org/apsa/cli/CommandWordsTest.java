package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a command's words from its own annotations, as the shell, scripts and one-shot runs read them. */
class CommandWordsTest {

    /** A command with every kind of option the tool's commands use. */
    @Command(command = "demo", group = "Demo")
    static class Demo {
        final List<Object[]> calls = new ArrayList<>();

        @Command(command = "run", description = "Runs. Example: demo run a.json")
        void run(@Option(longNames = "file", required = true, description = "a file") String file,
                 @Option(longNames = "format", defaultValue = "text", description = "a format") String format,
                 @Option(longNames = "force", description = "a flag") boolean force,
                 @Option(longNames = "max", defaultValue = "5", description = "a count") int max,
                 @Option(longNames = "confidence", description = "a number") Double confidence) {
            calls.add(new Object[]{file, format, force, max, confidence});
        }

        @Command(command = "many", description = "Takes many. Example: demo many a b")
        void many(@Option(longNames = "path", required = true, description = "paths") String[] paths,
                  @Option(longNames = "out", description = "where") String out) {
            calls.add(new Object[]{List.of(paths), out});
        }

        @Command(command = "fail", description = "Fails. Example: demo fail")
        void fail() {
            throw new UsageException("deliberately wrong");
        }
    }

    private final Demo demo = new Demo();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CommandHarness oneShot = new CommandHarness(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), demo);

    @Test
    void positionalNamedAndDefaultValuesAreBoundAndConverted() {
        assertThat(oneShot.execute("demo", "run", "a.json", "--max", "7", "--confidence=0.5", "--force")).contains(0);
        assertThat(oneShot.execute("demo", "run", "--file", "b.json")).contains(0);

        assertThat(demo.calls.get(0)).containsExactly("a.json", "text", true, 7, 0.5);
        assertThat(demo.calls.get(1)).containsExactly("b.json", "text", false, 5, null);
    }

    @Test
    void aListOptionTakesEveryRemainingPositionalWord() {
        assertThat(oneShot.execute("demo", "many", "a", "b", "c", "--out", "o")).contains(0);
        assertThat(oneShot.execute("demo", "many", "--path", "x", "y", "--out", "o")).contains(0);

        assertThat(demo.calls.get(0)).containsExactly(List.of("a", "b", "c"), "o");
        assertThat(demo.calls.get(1)).containsExactly(List.of("x", "y"), "o");
    }

    @Test
    void mistakesAreUsageErrorsWithOneLineOnStandardError() {
        assertThat(oneShot.execute("demo", "run")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--bogus", "1")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--max", "many")).contains(2);
        assertThat(oneShot.execute("demo", "fail", "extra")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--format")).contains(2);
        assertThat(oneShot.execute("demo", "fail")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--forse")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--max", "99999999999")).contains(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "demo run: give the file (a file), e.g. demo run a.json",
                "unknown option --bogus for demo run; 'help demo run' lists its options",
                "\"many\" is not a whole number; --max takes a whole number (a count); see 'help demo run'",
                "unexpected \"extra\" for demo fail: it takes no word without an option's name; 'help demo fail' lists what it takes",
                "--format needs a value; 'help demo run' says what it takes",
                "deliberately wrong",
                "unknown option --forse for demo run (did you mean --force?); 'help demo run' lists its options",
                "--max 99999999999 is out of range; 'help demo run' says what it takes");
        assertThat(demo.calls).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Never joined into one value, nor handed to the next option in line: a word too many is named. */
    @Test
    void aWordTooManyIsAUsageErrorNamingIt() {
        assertThat(oneShot.execute("demo", "run", "a.json", "b.json")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--format", "two", "words", "here")).contains(2);
        assertThat(oneShot.execute("demo", "run", "a.json", "--format", "--force")).contains(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "unexpected \"b.json\" for demo run: it takes FILE by position and the rest by name;"
                        + " 'help demo run' lists what it takes",
                "\"words\" follows the value of --format, which takes one; put a value of several words in quotes:"
                        + " --format \"two words here\"",
                "--format needs a value; 'help demo run' says what it takes");
        assertThat(demo.calls).isEmpty();
    }

    @Test
    void anEmptyValueIsAValueAndAnOptionMayComeBeforeTheWordsByPosition() {
        assertThat(oneShot.execute("demo", "run", "--format", "", "--max", "3", "a.json")).contains(0);

        assertThat(demo.calls.get(0)).containsExactly("a.json", "", false, 3, null);
    }

    @Test
    void aScriptThatCannotBeReadIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ok.apsa"), "vocabulary\n");

        Scripts scripts = new Scripts(new org.jline.reader.impl.DefaultParser(), null);

        scripts.open(script.toString()).close();
        assertThatThrownBy(() -> scripts.open(dir.resolve("nope.apsa").toString())).hasMessage(dir.resolve("nope.apsa")
                + ": no such file; give a file of shell commands, e.g. @examples/session.apsa");
        assertThatThrownBy(() -> scripts.open(dir.toString())).hasMessageStartingWith(dir + ": is a folder;");
        // '@' alone, or '@ file' with a space: the name is missing, not a folder named "".
        assertThatThrownBy(() -> scripts.open("")).isInstanceOf(UsageException.class).hasMessage(
                "a file name is missing after @: write it right after the @, with no space, e.g. @examples/session.apsa");
    }

    @Test
    void dashDashHelpAndDashHShowTheOverviewAsHelpDoes() {
        assertThat(oneShot.execute("help")).contains(0);
        String overview = out.toString(StandardCharsets.UTF_8);
        for (String asked : List.of("--help", "-h")) {
            out.reset();
            assertThat(oneShot.execute(asked)).as(asked).contains(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).as(asked).isEqualTo(overview).startsWith("Usage: java -jar apsa.jar");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpOnAGroupShowsEachOfItsCommands() {
        assertThat(oneShot.execute("help", "demo")).contains(0);

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("demo fail: Fails.").contains("\ndemo many: Takes many.", "\ndemo run: Runs.",
                "  --file FILE               a file (required; also by position)\n");
    }

    @Test
    void aNameThatIsNoCommandIsRefusedAtOnceWithTheNearestOne() {
        assertThat(oneShot.execute("demo", "rn", "x")).contains(2);
        assertThat(oneShot.execute("dmeo", "run")).contains(2);
        assertThat(oneShot.execute("help", "nothing")).contains(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "unknown command \"demo rn\" (did you mean \"demo run\"?); 'help' lists the commands\n"
                + "unknown command \"dmeo\"; 'help' lists the commands\n"
                + "unknown command \"nothing\"; 'help' lists the commands\n");
        assertThat(demo.calls).isEmpty();
    }

    /** A command of the shell's own, which one-shot only describes. */
    @ShellOnly
    static class Editing {
        @Command(command = "show", description = "Shows the current fact set. Example: show")
        void show(@Option(longNames = "all", description = "every indicator") boolean all) {
            throw new AssertionError("a shell command must not run one-shot");
        }
    }

    @Test
    void aShellCommandOneShotIsAUsageErrorAndItsHelpSaysWhereItWorks() {
        CommandHarness withShell = new CommandHarness(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), demo).shellOnly(Editing.class);

        assertThat(withShell.execute("show", "--all")).contains(ExitCode.USAGE.status());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("'show' is a command of the interactive shell "
                + "(java -jar apsa.jar) and of @FILE scripts, where the fact set and the rules in use stay from one command "
                + "to the next; 'help show' shows what it takes\n");
        assertThat(withShell.execute("help", "show")).contains(ExitCode.OK.status());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("show: Shows the current fact set.\n")
                .contains("Example: show\n", "  --all   every indicator\n", "Only in the interactive shell and in @FILE scripts");
    }

    /** A class of commands that does not say it is the shell's, given as one. */
    static class Unmarked {
        @Command(command = "peek", description = "Peeks. Example: peek")
        void peek() {
        }
    }

    @Test
    void aShellCommandClassMustSaySoForTheShellsHelpToSayItToo() {
        assertThatThrownBy(() -> oneShot.shellOnly(Unmarked.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unmarked");
    }

    @Test
    void helpAsAnOptionShowsTheCommandsHelpAsInTheShell() {
        assertThat(oneShot.execute("demo", "run", "--help")).contains(0);
        assertThat(oneShot.execute("demo", "many", "x", "-h")).contains(0);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("demo run: Runs.\n").contains("\ndemo many: Takes many.\n");
        assertThat(demo.calls).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpListsTheCommandsAndTheirOptionsOnStandardOutput() {
        assertThat(oneShot.execute("help")).contains(0);
        assertThat(oneShot.execute("help", "demo", "run")).contains(0);

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("Demo\n  demo fail  Fails. Example: demo fail\n  demo many  Takes many.", "Exit status: 0 done");
        assertThat(help).contains("Usage:   demo run FILE [--format FORMAT] [--force] [--max MAX] [--confidence CONFIDENCE]\n",
                "--file FILE               a file (required; also by position)", "--format FORMAT           a format (default: text)",
                "--force                   a flag\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theToolsCommandsAreAllOneShot() {
        for (String command : List.of("assess", "explain", "why-not", "sensitivity", "explore", "batch", "vocabulary", "rules list",
                "rules validate", "rules test", "rules coverage", "rules doc")) {
            List<String> args = new ArrayList<>(List.of("help"));
            args.addAll(List.of(command.split(" ")));
            ByteArrayOutputStream help = new ByteArrayOutputStream();
            PrintStream stream = new PrintStream(help, true, StandardCharsets.UTF_8);
            CommandHarness standard = new CommandHarness(stream, stream, CommandHarness.standard().commandObjects());
            assertThat(standard.execute(args.toArray(String[]::new))).as(command).contains(0);
            assertThat(help.toString(StandardCharsets.UTF_8)).as(command).startsWith(command + ": ")
                    .contains(command.equals("vocabulary") ? "--format" : "--rules");
        }
    }
}
