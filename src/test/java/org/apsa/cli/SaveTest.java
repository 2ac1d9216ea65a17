package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 'save' keeps a fact file as it was laid out and does not overwrite a file it only loaded without --force. */
class SaveTest {

    @TempDir
    Path dir;

    private final Workbench bench = new Workbench(Workbench.Run.SCRIPT);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final WorkbenchCommands commands = new WorkbenchCommands(bench, new RuleBases(null, null),
            new Output(new PrintStream(printed, true, StandardCharsets.UTF_8)));

    @Test
    void aFileOnlyLoadedIsOverwrittenOnlyWithForce() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.copy(Path.of("facts/baseline-2014-12.json"), file);
        String shipped = Files.readString(file);
        commands.load(file.toString(), false);
        commands.set("us.presence.transparency", "high", null, null);

        assertThatThrownBy(() -> commands.save(null, false)).isInstanceOf(UsageException.class)
                .hasMessage(file + " was loaded, not saved, in this session; add --force to overwrite it, or save it under another name: save FILE");
        assertThat(Files.readString(file)).isEqualTo(shipped);

        commands.save(null, true);
        List<String> before = shipped.lines().toList();
        List<String> after = Files.readString(file).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).contains("\"us.presence.transparency\"")) {
                assertThat(after.get(i)).startsWith("    \"us.presence.transparency\": { \"level\": \"high\"");
            } else {
                assertThat(after.get(i)).as("line " + (i + 1)).isEqualTo(before.get(i));
            }
        }

        // Saved once in this session, it is the session's file.
        commands.set("us.presence.transparency", "medium", null, null);
        commands.save(null, false);
        assertThat(Files.readString(file)).contains("\"us.presence.transparency\": { \"level\": \"medium\",");
    }

    @Test
    void savingUnchangedKeepsTheFileByteForByteWithItsSchema() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.copy(Path.of("facts/baseline-2014-12.json"), file);
        String shipped = Files.readString(file);
        commands.load(file.toString(), false);

        commands.save(null, true);

        assertThat(Files.readString(file)).isEqualTo(shipped);
    }
}
