package org.apsa.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theEstimateCountsNonBlankLinesOfJsonlAndOneAJsonFile() throws IOException {
        Path lines = Files.writeString(temp.resolve("x.jsonl"), "{}\n\n  \n{}\r\n{}");
        Path one = Files.writeString(temp.resolve("y.json"), "{}");

        assertThat(Inputs.estimateRecords(List.of(lines, one))).isEqualTo(4);
    }
}
