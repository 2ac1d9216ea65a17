package org.apsa.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class InputsTest {

    @TempDir
    Path temp;
    @TempDir
    Path elsewhere;

    @Test
    void aFolderGivesItsFactFilesRecursivelyInNameOrderWithoutSchemasOrOtherFiles() {
        Path mixed = BatchTest.MIXED;

        List<Path> files = files(Inputs.discover(List.of(mixed), null));

        assertThat(files).containsExactly(mixed.resolve("a-baseline.json"), mixed.resolve("b-optimist.json"),
                mixed.resolve("c-crisis.json"), mixed.resolve("d-typos.json"), mixed.resolve("nested/e-2016.json"),
                mixed.resolve("views.jsonl"));
    }

    @Test
    void aFileReachedTwiceIsReadOnceAndANamedFileIsTakenAsItIs() {
        Path mixed = BatchTest.MIXED;

        List<Path> files = files(Inputs.discover(List.of(mixed.resolve("views.jsonl"), mixed, mixed.resolve("notes.txt")), null));

        assertThat(files).hasSize(7);
        assertThat(files.get(0)).isEqualTo(mixed.resolve("views.jsonl"));
        assertThat(files).containsOnlyOnce(mixed.resolve("views.jsonl"));
        assertThat(files.get(6)).as("the reader will say it is not a fact file").isEqualTo(mixed.resolve("notes.txt"));
    }

    @Test
    void anOutputFolderInsideAnInputFolderIsRefusedWhetherOrNotItExists() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Files.createDirectories(temp.resolve("res"));

        for (Path out : List.of(temp.resolve("res"), temp.resolve("not-yet/res"))) {
            assertThatThrownBy(() -> Inputs.discover(List.of(temp), out)).isInstanceOf(OutputException.class)
                    .hasMessage("--out " + out + " lies in the input folder " + temp + ": the next run of " + temp
                            + " would read the results as inputs; give --out a folder outside the inputs, e.g. --out results");
        }
        Path link = Files.createSymbolicLink(elsewhere.resolve("out-link"), temp.resolve("res"));
        assertThatThrownBy(() -> Inputs.discover(List.of(temp), link.resolve("deeper")))
                .as("through a link that leads into the input folder").isInstanceOf(OutputException.class);
    }

    @Test
    void anOutputFolderThatIsOrHoldsAnInputFolderIsRefusedBeforeAnythingIsRead() throws IOException {
        Path inputs = Files.createDirectories(temp.resolve("runs/inputs"));
        Files.writeString(inputs.resolve("a.json"), "{}");

        assertThatThrownBy(() -> Inputs.discover(List.of(inputs), inputs)).isInstanceOf(OutputException.class)
                .hasMessage("--out " + inputs + " is the input folder " + inputs + ": the results would be written among the "
                        + "inputs and read as inputs by the next run; give --out a folder outside the inputs, e.g. --out results");
        assertThatThrownBy(() -> Inputs.discover(List.of(inputs), temp.resolve("runs")))
                .hasMessageStartingWith("--out " + temp.resolve("runs") + " holds the input folder " + inputs + ":");
        assertThatThrownBy(() -> Inputs.discover(List.of(temp.resolve("runs/inputs/../inputs")), inputs))
                .as("the same folder written another way").isInstanceOf(OutputException.class);
    }

    @Test
    void anOutputFolderThatHoldsANamedInputFileIsRefusedBeforeAnythingIsRead() throws IOException {
        Path inputs = Files.createDirectories(temp.resolve("runs/inputs"));
        Path a = Files.writeString(inputs.resolve("a.json"), "{}");
        Path elsewhere = Files.writeString(temp.resolve("b.json"), "{}");

        assertThatThrownBy(() -> Inputs.discover(List.of(elsewhere, a), inputs)).isInstanceOf(OutputException.class)
                .hasMessage("--out " + inputs + " holds the input file " + a + ": the results would be written among the "
                        + "inputs and read as inputs by the next run; give --out a folder outside the inputs, e.g. --out results");
        assertThatThrownBy(() -> Inputs.discover(List.of(a), temp.resolve("runs")))
                .as("a file further down").hasMessageStartingWith("--out " + temp.resolve("runs") + " holds the input file " + a + ":");
        Path link = Files.createSymbolicLink(temp.resolve("a-link.json"), a);
        assertThatThrownBy(() -> Inputs.discover(List.of(link), inputs))
                .as("a link that leads into the output folder").isInstanceOf(OutputException.class);
        Files.createSymbolicLink(inputs.resolve("b-link.json"), elsewhere);
        assertThatThrownBy(() -> Inputs.discover(List.of(inputs.resolve("b-link.json")), inputs))
                .as("a link that stands in the output folder").isInstanceOf(OutputException.class);
        assertThat(files(Inputs.discover(List.of(elsewhere, link), temp.resolve("results"))))
                .as("an output folder apart from them").containsExactly(elsewhere, link);
    }

    @Test
    void aLinkToAFileAlreadyReadIsReadOnce() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Files.createSymbolicLink(temp.resolve("b-link.json"), temp.resolve("a.json"));

        assertThat(files(Inputs.discover(List.of(temp), null))).containsExactly(temp.resolve("a.json"));
        assertThat(files(Inputs.discover(List.of(temp.resolve("b-link.json"), temp), null))).containsExactly(temp.resolve("b-link.json"));
    }

    @Test
    void anOutputFolderReachedThroughALinkInAnInputFolderIsSkipped() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("a.json"), "{}");
        Path results = Files.createDirectories(temp.resolve("results"));
        Files.writeString(results.resolve("assessments.jsonl"), "{}\n");
        Files.createSymbolicLink(in.resolve("results-link"), results);

        assertThat(Inputs.discover(List.of(in), results)).containsExactly(new Inputs.Input(in.resolve("a.json"), null));
    }

    @Test
    void aLinkedFolderIsReadAndALinkBackToAFolderBeingReadIsNamedAsALoop() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.writeString(other.resolve("b.json"), "{}");
        Files.createSymbolicLink(in.resolve("linked"), other);
        Files.createSymbolicLink(other.resolve("back"), in);

        List<Inputs.Input> found = Inputs.discover(List.of(in), null);

        assertThat(found).extracting(Inputs.Input::path).containsExactly(in.resolve("linked/b.json"), in.resolve("linked/back"));
        assertThat(found.get(1).problem()).isEqualTo("a link back to " + in.toRealPath()
                + ", which holds it: a loop, so it was not followed; remove the link or point it elsewhere");
    }

    /** Fixtures of the defect: links that lead nowhere, or round in a circle, were skipped without a word. */
    @Test
    void aDanglingLinkAndALinkLoopWithFactFileNamesAreNamedAndTheRestIsRead() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Files.createSymbolicLink(temp.resolve("dangling.json"), temp.resolve("gone.json"));
        Files.createSymbolicLink(temp.resolve("loop-1.jsonl"), temp.resolve("loop-2.jsonl"));
        Files.createSymbolicLink(temp.resolve("loop-2.jsonl"), temp.resolve("loop-1.jsonl"));
        Files.createSymbolicLink(temp.resolve("notes-link.txt"), temp.resolve("gone.txt"));

        List<Inputs.Input> found = Inputs.discover(List.of(temp), null);

        assertThat(found).extracting(i -> temp.relativize(i.path()).toString())
                .as("no word about a link that would not be read anyway").containsExactly("a.json", "dangling.json", "loop-1.jsonl", "loop-2.jsonl");
        assertThat(found.get(0).readable()).isTrue();
        assertThat(found.get(1).problem()).isEqualTo("a link to " + temp.resolve("gone.json")
                + ", which does not exist: skipped; remove the link or restore its target");
        assertThat(found.get(2).problem()).isEqualTo("a link to " + temp.resolve("loop-2.jsonl")
                + " that leads back to itself through other links (a loop): skipped; remove the link");
    }

    /** Fixture of the defect: a named pipe among the inputs blocked the run for ever. */
    @Test
    void aNamedPipeIsRefusedWithoutBeingOpenedWhetherNamedOrInAFolder() throws Exception {
        Path pipe = SpecialFiles.fifo(temp.resolve("stream.jsonl"));
        Files.writeString(temp.resolve("a.json"), "{}");

        List<Inputs.Input> named = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Inputs.discover(List.of(pipe), null));
        List<Inputs.Input> inFolder = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Inputs.discover(List.of(temp), null));

        String message = "is a named pipe (FIFO), not a file: batch reads only regular files, whose end it can reach without "
                + "waiting; save the data to a .json or .jsonl file and give that";
        assertThat(named).containsExactly(new Inputs.Input(pipe, message));
        assertThat(inFolder).containsExactly(new Inputs.Input(temp.resolve("a.json"), null), new Inputs.Input(pipe, message));
        assertThat(Inputs.estimateRecords(inFolder)).as("counted without opening it").isEqualTo(2);
    }

    /**
     * Fixture of the defect: a subfolder that cannot be read stopped the whole batch with an
     * internal error. The listing fails as it does for a folder without read permission
     * (which root, who runs the build in some places, reads anyway).
     */
    @Test
    void anUnreadableSubfolderIsNamedAndTheReadableFilesAreStillRead() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Path locked = Files.createDirectories(temp.resolve("locked"));
        Files.writeString(locked.resolve("b.json"), "{}");
        Files.writeString(temp.resolve("z.json"), "{}");

        List<Inputs.Input> found = Inputs.discover(List.of(temp), null, folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return Files.newDirectoryStream(folder);
        });

        assertThat(found).containsExactly(new Inputs.Input(temp.resolve("a.json"), null),
                new Inputs.Input(locked, "this folder cannot be read (permission denied), so its fact files were not assessed; "
                        + "check its permissions"),
                new Inputs.Input(temp.resolve("z.json"), null));
    }

    /** The same with the file system's own permissions, where they bind (not for root). */
    @Test
    void aSubfolderWithoutReadPermissionIsNamed() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Path locked = Files.createDirectories(temp.resolve("locked"));
        Files.writeString(locked.resolve("b.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "this user reads folders without read permission (root)");

            assertThat(Inputs.discover(List.of(temp), null)).extracting(Inputs.Input::path, Inputs.Input::readable)
                    .containsExactly(tuple(temp.resolve("a.json"), true), tuple(locked, false));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static List<Path> files(List<Inputs.Input> inputs) {
        assertThat(inputs).allMatch(Inputs.Input::readable);
        return inputs.stream().map(Inputs.Input::path).toList();
    }

    @Test
    void theEstimateCountsNonBlankLinesOfJsonlAndOneAJsonFile() throws IOException {
        Path lines = Files.writeString(temp.resolve("x.jsonl"), "{}\n\n  \n{}\r\n{}");
        Path one = Files.writeString(temp.resolve("y.json"), "{}");

        assertThat(Inputs.estimateRecords(List.of(new Inputs.Input(lines, null), new Inputs.Input(one, null)))).isEqualTo(4);
    }

    @Test
    void linesEndingInALoneCarriageReturnAreCountedAsTheReaderReadsThem(@TempDir Path dir) throws IOException {
        Path oldMac = Files.writeString(dir.resolve("old-mac.jsonl"), "{\"id\": \"a\"}\r{\"id\": \"b\"}\r\n{\"id\": \"c\"}\r");

        assertThat(Inputs.estimateRecords(List.of(new Inputs.Input(oldMac, null)))).isEqualTo(3);
    }
}
