package org.apsa.cli;

import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.Input;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts of shell commands: comments and blank lines skipped, never the end of the script; failures placed. */
class ScriptInputTest {

    @TempDir
    Path dir;

    private final Scripts scripts = new Scripts(new DefaultParser(), null);

    @Test
    void commentsAndBlankLinesAreSkippedAndAContinuedLineIsOneCommand() throws Exception {
        Path script = dir.resolve("s.apsa");
        Files.writeString(script, """
                # an analyst's session
                load facts/baseline-2014-12.json

                  // a comment after a blank line does not end the script
                what-if region.alignment=balanced \\
                    usChina.militaryExchanges=high
                show
                """, StandardCharsets.UTF_8);

        List<String> commands = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        try (ScriptInput input = scripts.open(script.toString())) {
            for (Input command = input.readInput(); command != null; command = input.readInput()) {
                commands.add(String.join(" ", command.words()));
                positions.add(scripts.position().orElseThrow());
            }
        }

        assertThat(commands).containsExactly("load facts/baseline-2014-12.json",
                "what-if region.alignment=balanced usChina.militaryExchanges=high", "show");
        assertThat(positions).containsExactly(script + ":2", script + ":5", script + ":7");
        assertThat(scripts.position()).isEmpty();
    }

    @Test
    void aFailureInAScriptSaysWhereInTheScriptItWas() throws Exception {
        Path script = dir.resolve("s.apsa");
        Files.writeString(script, "# setup\nassess --format jsonx\n", StandardCharsets.UTF_8);

        try (ScriptInput input = scripts.open(script.toString())) {
            input.readInput();
            Failures failures = new Failures();
            failures.setScripts(scripts);
            var result = failures.resolve(new UsageException("unknown format \"jsonx\""));

            assertThat(result.message()).isEqualTo(script + ":2: unknown format \"jsonx\"\n");
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.status());
        }
        assertThat(new Failures().resolve(new UsageException("outside")).message()).isEqualTo("outside\n");
    }

    @Test
    void aScriptSavedWithAByteOrderMarkOrWindowsLineEndsReadsAsAnyOther() {
        Path file = Path.of("s.apsa");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] windows = "show\r\n\r\nnew caf\u00e9\r\nsave\r".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + windows.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(windows, 0, both, bom.length, windows.length);

        assertThat(ScriptInput.lines(file, both)).containsExactly("show", "", "new caf\u00e9", "save");
        assertThat(ScriptInput.lines(file, "show\n\n".getBytes(StandardCharsets.UTF_8))).containsExactly("show", "");
        assertThat(ScriptInput.lines(file, new byte[0])).isEmpty();
        assertThat(ScriptInput.lines(file, bom)).isEmpty();
        assertThatThrownBy(() -> ScriptInput.lines(file, "show\r\n\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("s.apsa:3: not UTF-8 text; save the script as UTF-8");
    }

    @Test
    void aScriptThatIsMissingOrNotUtf8IsAUsageErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> scripts.open(dir.resolve("none.apsa").toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("none.apsa: no such file");
        Path latin1 = dir.resolve("latin1.apsa");
        Files.write(latin1, "show\nnew caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        // Refused before any of it runs, at the line that is not UTF-8.
        assertThatThrownBy(() -> scripts.open(latin1.toString()))
                .isInstanceOf(UsageException.class).hasMessage(latin1 + ":2: not UTF-8 text; save the script as UTF-8");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        Path script = dir.resolve("bom.apsa");
        Files.write(script, "\uFEFF# saved by an editor that marks UTF-8\nshow\n".getBytes(StandardCharsets.UTF_8));

        try (ScriptInput input = scripts.open(script.toString())) {
            assertThat(input.readInput().words()).containsExactly("show");
        }
    }

    @Test
    void aScriptMayRunAnotherButNeverItself() throws Exception {
        Path outer = dir.resolve("outer.apsa");
        Path inner = dir.resolve("inner.apsa");
        Files.writeString(outer, "script inner.apsa\n");
        Files.writeString(inner, "script outer.apsa\n");

        try (ScriptInput first = scripts.open(outer.toString())) {
            first.readInput();
            try (ScriptInput second = scripts.open(inner.toString())) {
                second.readInput();
                assertThat(scripts.position()).contains(inner + ":1");
                assertThatThrownBy(() -> scripts.open(outer.toString()))
                        .isInstanceOf(UsageException.class)
                        .hasMessage(outer + " is running already (" + outer + ":1 is inside it); "
                                + "a script may not run itself, even through another");
            }
            // The inner script over, the outer one is the running one again.
            assertThat(scripts.position()).contains(outer + ":1");
        }
        assertThat(scripts.position()).isEmpty();
    }

    @Test
    void aStopEndsTheScriptAndTheScriptsThatRunIt() throws Exception {
        Path outer = dir.resolve("outer.apsa");
        Path inner = dir.resolve("inner.apsa");
        Files.writeString(outer, "script inner.apsa\nshow\n");
        Files.writeString(inner, "batch big --out o\nshow\n");

        try (ScriptInput first = scripts.open(outer.toString())) {
            first.readInput();
            try (ScriptInput second = scripts.open(inner.toString())) {
                second.readInput();
                scripts.stopAll();
                assertThat(second.readInput()).isNull();
            }
            assertThat(first.readInput()).isNull();
        }
    }

    @Test
    void aCtrlCThatTheLastCommandDidNotNoticeStopsTheScriptBeforeTheNext() throws Exception {
        Path script = dir.resolve("s.apsa");
        Files.writeString(script, "vocabulary\nsave out.json --force\n");

        try (ScriptInput input = scripts.open(script.toString())) {
            input.readInput();
            Thread.currentThread().interrupt();

            assertThat(input.readInput()).isNull();
            assertThat(input.interrupted()).isTrue();
            // Taken: the shell's next prompt must not read it as a request to quit.
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aCommentLineWithinAContinuedCommandIsSkipped() throws Exception {
        Path script = dir.resolve("s.apsa");
        Files.writeString(script, "rules list \\\n# which rules\n  --rules rules\n");

        try (ScriptInput input = scripts.open(script.toString())) {
            assertThat(input.readInput().words()).containsExactly("rules", "list", "--rules", "rules");
        }
    }
}
