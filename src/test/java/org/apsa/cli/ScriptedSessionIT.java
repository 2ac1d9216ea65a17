package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example session kept in examples/session.apsa, run in the shell's script mode through
 * the packaged jar: from load to consult to save.
 */
class ScriptedSessionIT {

    @TempDir
    Path logs;

    @Test
    void theExampleSessionRunsFromLoadToConsultToSave() throws Exception {
        Path saved = Jar.PROJECT.resolve("target/session-example.json");
        Files.deleteIfExists(saved);

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@examples/session.apsa");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Loaded baseline-2014-12 from facts/baseline-2014-12.json")
                .contains("1  polarization")
                .contains("Indicators that differ (2)")
                .contains("newly met:     region.balancedPartnerships, usChina.militaryExchanges")
                .contains("Q1. usChina.accommodation")
                .contains("Why: knowing usChina.accommodation")
                .contains("usChina.accommodation = consensus. Now:")
                .contains("Skipped region.smallStatesVoice.")
                .contains("prescriptions met.")
                .contains("usChina.accommodation: unknown -> consensus")
                .contains("Saved baseline-2014-12 to target/session-example.json.");
        assertThat(Files.readString(saved)).contains("\"usChina.accommodation\"", "\"consensus\"", "answered in consultation");
    }

    @Test
    void aCommentDoesNotEndAScriptAndAFailureNamesItsLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("commented.apsa");
        Files.writeString(script, String.join("\n", "# load the baseline", "load facts/baseline-2014-12.json",
                "// then look at it", "show", "", "asess", "show"));

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@" + script);

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.out()).contains("Loaded baseline-2014-12", "Unknown (2): usChina.accommodation, region.smallStatesVoice");
        assertThat(run.err()).isEqualTo(script + ":6: unknown command \"asess\" (did you mean \"assess\"?); 'help' lists the commands\n");
    }

    @Test
    void aFailureInAScriptRunByAScriptIsSaidOnceAndEndsBothWithItsStatus(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inner.apsa"), "help rules\nload no-such.json\n");
        Files.writeString(dir.resolve("outer.apsa"), "script " + dir.resolve("inner.apsa") + "\nshow\n");

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@" + dir.resolve("outer.apsa"));

        assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT.status());
        assertThat(run.out()).doesNotContain("Unknown (").contains("rules validate: ");
        assertThat(run.err()).doesNotContain("rules validate: ")
                .endsWith(dir.resolve("inner.apsa") + ":2: no-such.json: no such file; check the path (fact files usually live in facts/)\n")
                .doesNotContain("internal error");
    }

    @Test
    void aScriptThatBeginsWithoutAFactSetIsToldAsTheShellTellsIt(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("show-first.apsa"), "show\n");

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@" + script);

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.err()).isEqualTo(script + ":1: no fact set yet; 'load FILE' opens one, 'new' starts an empty one\n");
    }

    @Test
    void aTildeInAScriptIsTheHomeFolderAndAFolderSaveCreatesIsSaid(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path script = Files.writeString(dir.resolve("home.apsa"), String.join("\n",
                "load " + Jar.PROJECT.resolve("facts/baseline-2014-12.json"),
                "save ~/views/mine.json",
                "load ~/views/mine.json",
                "diff ~/views/mine.json",
                "assess ~/views/mine.json --format json", ""));

        Jar.Run run = Jar.run(work, logs, List.of("-Duser.home=" + home,
                "-D" + RuleBases.SESSION_FOLDER_PROPERTY + "=" + Jar.PROJECT.resolve("rules")), Map.of(), "@" + script);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(home.resolve("views/mine.json")).exists();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("nothing written to the working folder").isEmpty();
        }
        assertThat(run.out()).contains("Saved baseline-2014-12 to " + home.resolve("views/mine.json")
                        + " (created the missing folder " + home.resolve("views") + ").",
                "Loaded baseline-2014-12 from ~/views/mine.json", "Indicators that differ (0)", "\"leading\" : \"polarization\"");
    }

    @Test
    void anEmptyNoteDropsTheNoteAndAWordTooManyEndsTheScriptNamingIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("notes.apsa");
        Files.writeString(script, String.join("\n", "new notes-1", "set region.alignment leaning --note \"two words\"",
                "set region.alignment balanced --note ''", "show", "set region.alignment leaning --note two words here", "show"));

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@" + script);

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.out()).contains("region.alignment: unknown -> leaning  (note added)",
                "region.alignment: leaning -> balanced  (note dropped)");
        assertThat(run.out().lines().filter(l -> l.contains("Unknown ("))).hasSize(1);
        assertThat(run.out().lines().filter(l -> l.strip().startsWith("region.alignment ")).map(String::strip))
                .as("no note after the confidence").singleElement().asString().matches("region\\.alignment +balanced +1\\.00");
        assertThat(run.err()).isEqualTo(script + ":5: \"words\" follows the value of --note, which takes one;"
                + " put a value of several words in quotes: --note \"two words here\"\n");
    }

    @Test
    void helpInAScriptGoesToStandardOutputListingTheShellsCommandsToo(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("help.apsa");
        Files.writeString(script, "help\nhelp assess\nhelp nosuch\nshow\n");

        Jar.Run run = Jar.run(Jar.PROJECT, logs, "@" + script);

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.out()).contains("\nWorkbench\n  load ", "\nShell\n  help ", "130 stopped (Ctrl-C).\n",
                "assess: Assess a fact set", "\nUsage:   assess [FILE] [--format FORMAT] [--rules RULES]\n")
                .doesNotContain("String", "[Optional");
        assertThat(run.err()).isEqualTo(script + ":3: unknown command \"nosuch\"; 'help' lists the commands\n");
    }
}
