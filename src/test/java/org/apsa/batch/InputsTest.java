package org.apsa.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTest {

    @TempDir
    Path temp;

    @Test
    void aFolderGivesItsFactFilesRecursivelyInNameOrderWithoutSchemasOrOtherFiles() {
        Path mixed = BatchTest.MIXED;

        List<Path> files = Inputs.discover(List.of(mixed), null);

        assertThat(files).containsExactly(mixed.resolve("a-baseline.json"), mixed.resolve("b-optimist.json"),
                mixed.resolve("c-crisis.json"), mixed.resolve("d-typos.json"), mixed.resolve("nested/e-2016.json"),
                mixed.resolve("views.jsonl"));
    }

    @Test
    void aFileReachedTwiceIsReadOnceAndANamedFileIsTakenAsItIs() {
        Path mixed = BatchTest.MIXED;

        List<Path> files = Inputs.discover(List.of(mixed.resolve("views.jsonl"), mixed, mixed.resolve("notes.txt")), null);

        assertThat(files).hasSize(7);
        assertThat(files.get(0)).isEqualTo(mixed.resolve("views.jsonl"));
        assertThat(files).containsOnlyOnce(mixed.resolve("views.jsonl"));
        assertThat(files.get(6)).as("the reader will say it is not a fact file").isEqualTo(mixed.resolve("notes.txt"));
    }

    @Test
    void theOutputFolderIsSkipped() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Files.createDirectories(temp.resolve("out"));
        Files.writeString(temp.resolve("out/assessments.jsonl"), "{}\n");

        assertThat(Inputs.discover(List.of(temp), temp.resolve("out"))).containsExactly(temp.resolve("a.json"));
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
        assertThat(Inputs.discover(List.of(elsewhere, link), temp.resolve("results")))
                .as("an output folder apart from them").containsExactly(elsewhere, link);
    }

    @Test
    void aLinkToAFileAlreadyReadIsReadOnce() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Files.createSymbolicLink(temp.resolve("b-link.json"), temp.resolve("a.json"));
        Files.createSymbolicLink(temp.resolve("dangling.json"), temp.resolve("gone.json"));

        assertThat(Inputs.discover(List.of(temp), null)).containsExactly(temp.resolve("a.json"));
        assertThat(Inputs.discover(List.of(temp.resolve("b-link.json"), temp), null)).containsExactly(temp.resolve("b-link.json"));
    }

    @Test
    void anOutputFolderReachedThroughALinkIsStillSkipped() throws IOException {
        Files.writeString(temp.resolve("a.json"), "{}");
        Path results = Files.createDirectories(temp.resolve("results"));
        Files.writeString(results.resolve("assessments.jsonl"), "{}\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("sibling")).resolve("out"), results);

        assertThat(Inputs.discover(List.of(temp), link)).containsExactly(temp.resolve("a.json"));
    }

    @Test
    void theEstimateCountsNonBlankLinesOfJsonlAndOneAJsonFile() throws IOException {
        Path lines = Files.writeString(temp.resolve("x.jsonl"), "{}\n\n  \n{}\r\n{}");
        Path one = Files.writeString(temp.resolve("y.json"), "{}");

        assertThat(Inputs.estimateRecords(List.of(lines, one))).isEqualTo(4);
    }
}
