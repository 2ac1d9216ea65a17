package org.apsa.io;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Fixture of the defect: the history, unsaved fact sets and the log were 0644 in 0755 folders. */
class PrivateFilesTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void posix() {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions");
    }

    @Test
    void missingFoldersAreCreatedForTheOwnerAloneAndExistingOnesLeftAsTheyAre() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PrivateFiles.folders(temp.resolve("a/b"))).containsExactly(temp.resolve("a"), temp.resolve("a/b"));

        assertThat(permissions(temp.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(temp.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(permissions(temp)).isEqualTo("rwxr-xr-x");
        assertThat(PrivateFiles.folders(temp.resolve("a/b"))).isEmpty();
    }

    @Test
    void aNewFileIsReadableByItsOwnerOnlyAndAnExistingOneIsLeftAlone() throws IOException {
        Path history = temp.resolve(".apsa/history");

        PrivateFiles.file(history);
        Files.writeString(history, "set --note 'private'\n");
        PrivateFiles.file(history);

        assertThat(permissions(history)).isEqualTo("rw-------");
        assertThat(permissions(history.getParent())).isEqualTo("rwx------");
        assertThat(Files.readString(history)).as("kept").isEqualTo("set --note 'private'\n");
    }

    @Test
    void theToolsFolderLeftOpenByAnEarlierVersionIsClosed() throws IOException {
        Path apsa = Files.createDirectories(temp.resolve(".apsa"));
        Files.setPosixFilePermissions(apsa, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.tighten(apsa);

        assertThat(permissions(apsa)).isEqualTo("rwx------");
    }

    @Test
    void aFolderIsTrustedWithCodeOnlyWhenTheOwnerAloneMayWriteToIt() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("cache"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PrivateFiles.untrusted(folder)).isEmpty();

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(PrivateFiles.untrusted(folder)).hasValue("others than its owner may write to it (rwxrwxr-x); chmod go-w "
                + folder + " to use it");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
