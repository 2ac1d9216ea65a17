package org.apsa.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing a file atomically, the file's permissions kept, and a failure that says why. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneIsNotMadePrivate() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.json"), "{}");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicFiles.write(shared, "{\"id\": \"x\"}\n", true);
        AtomicFiles.write(dir.resolve("new.json"), "{\"id\": \"y\"}\n", false);

        assertThat(Files.readString(shared)).isEqualTo("{\"id\": \"x\"}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
        // Whatever the umask, never the owner-only permissions of a temporary file.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.json")))).isNotEqualTo("rw-------");
        assertThat(listing()).containsExactlyInAnyOrder("shared.json", "new.json");
    }

    /** Fixture of the defect: unsaved fact sets under ~/.apsa were 0644 in 0755 folders. */
    @Test
    void aPrivateFileIsTheOwnersAloneInFoldersCreatedForTheOwnerAlone() throws IOException {
        Path kept = dir.resolve(".apsa/unsaved/x-20261207-120000.json");

        List<Path> created = AtomicFiles.writePrivate(kept, "{\"id\": \"x\"}\n", false);

        assertThat(created).containsExactly(dir.resolve(".apsa"), dir.resolve(".apsa/unsaved"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".apsa")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".apsa/unsaved")))).isEqualTo("rwx------");
        assertThat(Files.readString(kept)).isEqualTo("{\"id\": \"x\"}\n");
    }

    @Test
    void aFailureSaysWhyAndLeavesNothingBehind() throws IOException {
        Files.writeString(dir.resolve("f.json"), "{}");
        Files.createDirectories(dir.resolve("folder.json"));

        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("f.json"), "{}", false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("f.json/x.json"), "{}", true))
                .hasMessage(dir.resolve("f.json") + " is a file, not a folder");
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("folder.json"), "{}", true)).hasMessage("it is a folder");
        assertThat(listing()).containsExactlyInAnyOrder("f.json", "folder.json");
    }

    @Test
    void theFoldersCreatedOnTheWayAreReturnedToBeToldToTheUser() throws IOException {
        Path deep = dir.resolve("reports/2015/mine.json");

        List<Path> created = AtomicFiles.write(deep, "{}", false);
        List<Path> none = AtomicFiles.write(dir.resolve("reports/other.json"), "{}", false);

        assertThat(created).containsExactly(dir.resolve("reports"), dir.resolve("reports/2015"));
        assertThat(AtomicFiles.created(created)).isEqualTo(" (created the missing folders " + dir.resolve("reports") + ", "
                + dir.resolve("reports/2015") + ")");
        assertThat(AtomicFiles.created(created.subList(1, 2))).isEqualTo(" (created the missing folder " + dir.resolve("reports/2015") + ")");
        assertThat(none).isEmpty();
        assertThat(AtomicFiles.created(none)).isEmpty();
        assertThat(Files.readString(deep)).isEqualTo("{}");
    }

    /** Saved files and a batch's outputs are moved into place by the one method: over a file, the source gone. */
    @Test
    void aWrittenFileReplacesItsTargetAndLeavesNothingBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("report.md"), "earlier");
        Path written = Files.writeString(dir.resolve(".report.md.1f.tmp"), "new");

        AtomicFiles.moveIntoPlace(written, target);

        assertThat(target).hasContent("new");
        assertThat(written).doesNotExist();
    }

    /**
     * Where no atomic rename is possible (here: from another file system, which is what the
     * fallback is for), the file is still moved into place, replacing what was there.
     */
    @Test
    void whereNoAtomicRenameIsPossibleTheFileIsMovedIntoPlaceAllTheSame() throws IOException {
        Path memory = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(memory) && Files.isWritable(memory)
                && !Files.getFileStore(memory).equals(Files.getFileStore(dir)), "a second file system to move from");
        Path written = Files.createTempFile(memory, "apsa-", ".tmp");
        try {
            Files.writeString(written, "new");
            Path target = Files.writeString(dir.resolve("summary.csv"), "earlier");

            AtomicFiles.moveIntoPlace(written, target);

            assertThat(target).hasContent("new");
            assertThat(written).doesNotExist();
        } finally {
            Files.deleteIfExists(written);
        }
    }

    @Test
    void reasonsAreWords() {
        assertThat(AtomicFiles.reason(new AccessDeniedException("/ro/.x.json.1f.tmp"))).isEqualTo("permission denied in /ro");
        assertThat(AtomicFiles.reason(new NoSuchFileException("/gone/x.json"))).isEqualTo("no such file or folder: /gone/x.json");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
