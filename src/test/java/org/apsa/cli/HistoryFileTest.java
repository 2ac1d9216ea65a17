package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixture of the defect: the shell's history, typed notes and all, was 0644 in a 0755 folder. */
class HistoryFileTest {

    @TempDir
    Path home;

    @Test
    void theInteractiveShellsHistoryIsCreatedForTheUserAloneBeforeALineIsAppended() throws IOException {
        Path history = home.resolve(".apsa/history");

        new HistoryFile(true, true, history.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent()))).isEqualTo("rwx------");
        assertThat(history).isEmptyFile();
    }

    @Test
    void noHistoryIsCreatedOutsideTheInteractiveShellOrWhenItIsOff() {
        new HistoryFile(false, true, home.resolve("a/history").toString());
        new HistoryFile(true, false, home.resolve("b/history").toString());

        assertThat(home.resolve("a")).doesNotExist();
        assertThat(home.resolve("b")).doesNotExist();
    }
}
