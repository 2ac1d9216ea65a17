package org.apsa.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run's files against a stop (Ctrl-C, kill) that comes at any moment: the clean-up on exit
 * ({@link OutputFiles#discard()}, what the shutdown hook runs) and the run's own commit never
 * leave a mix of two runs' files, nor temporary files.
 */
class OutputFilesTest {

    private static final List<String> NAMES = List.of("assessments.jsonl", "errors.jsonl", "report.md");
    /** Every name a run may write: an earlier run wrote summary.csv too, this one does not. */
    private static final List<String> OWNED = List.of("assessments.jsonl", "errors.jsonl", "summary.csv", "report.md");
    /** The same, each taking any file of its name for an earlier run's. */
    private static final Map<String, String> ANY = OWNED.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> "",
            (a, b) -> a, java.util.LinkedHashMap::new));

    @TempDir
    Path folder;

    @Test
    void aStopBeforeTheCommitRenamesNothingAndTheCommitSaysWhy() throws IOException {
        writeOld();
        Files.writeString(folder.resolve("summary.csv"), "old");
        OutputFiles files = new OutputFiles(folder, ANY);
        try {
            write(files, "new");
            files.discard();
            assertThatThrownBy(files::commit).isInstanceOf(OutputException.class)
                    .hasMessage("the run was stopped before it finished; nothing of it was kept in " + folder);
        } finally {
            files.close();
        }
        assertAll("old");
        assertThat(Files.readString(folder.resolve("summary.csv"))).as("the earlier run's file this run did not write").isEqualTo("old");
    }

    @Test
    void theCommitRemovesTheEarlierRunsFilesThisRunDidNotWriteAndNothingElse() throws IOException {
        for (String name : OWNED) {
            Files.writeString(folder.resolve(name), "old");
        }
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve(".report.md.swp"), "an editor's");
        List<String> removed;
        try (OutputFiles files = new OutputFiles(folder, ANY)) {
            files.open("assessments.jsonl").write("new".getBytes(StandardCharsets.UTF_8));
            files.open("errors.jsonl").write("new".getBytes(StandardCharsets.UTF_8));
            removed = files.commit();
        }

        assertThat(removed).containsExactly("summary.csv", "report.md");
        assertThat(listing()).containsExactlyInAnyOrder("assessments.jsonl", "errors.jsonl", "notes.txt", ".report.md.swp");
        assertThat(Files.readString(folder.resolve("assessments.jsonl"))).isEqualTo("new");
    }

    /** Fixture of the defect: the hidden temporary files of a run killed outright stayed for good, unmentioned. */
    @Test
    void theNextRunRemovesAndNamesTheTemporaryFilesOfAKilledRunButNotThoseOfARunStillWriting() throws IOException {
        Files.writeString(folder.resolve(".assessments.jsonl.5f3a9c.tmp"), "left by a run killed outright");
        Files.writeString(folder.resolve(".report.md.12ab.tmp"), "the same");
        Files.writeString(folder.resolve(".notes.txt.12ab.tmp"), "not a name a run writes");
        Files.writeString(folder.resolve(".report.md.draft.tmp"), "not a name a run gives");
        List<String> leftOver;
        try (OutputFiles live = new OutputFiles(folder, ANY)) {
            live.open("errors.jsonl").write("still writing".getBytes(StandardCharsets.UTF_8));
            String liveTemp;
            try (Stream<Path> files = Files.list(folder)) {
                liveTemp = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".errors.jsonl.")).findFirst().orElseThrow();
            }
            assertThat(live.leftOver()).containsExactly(".assessments.jsonl.5f3a9c.tmp", ".report.md.12ab.tmp");

            try (OutputFiles next = new OutputFiles(folder, ANY)) {
                leftOver = next.leftOver();
            }

            assertThat(leftOver).as("a run still writing holds its files").isEmpty();
            assertThat(listing()).containsExactlyInAnyOrder(liveTemp, ".notes.txt.12ab.tmp", ".report.md.draft.tmp");
        }
    }

    @Test
    void aFileOfAnOwnedNameWithoutTheRunsMarkIsNotAnEarlierRunsFileAndStays() throws IOException {
        Files.writeString(folder.resolve("report.md"), "# Meeting notes\nThe tool's reports begin \"# APSA batch report\".\n");
        Files.writeString(folder.resolve("summary.csv"), "id,asOf\nold\n");
        Map<String, String> marked = new java.util.LinkedHashMap<>(ANY);
        marked.put("report.md", "# APSA batch report");
        marked.put("summary.csv", "id,asOf");
        List<String> removed;
        try (OutputFiles files = new OutputFiles(folder, marked)) {
            files.open("assessments.jsonl").write("new".getBytes(StandardCharsets.UTF_8));
            removed = files.commit();
        }

        assertThat(removed).containsExactly("summary.csv");
        assertThat(Files.readString(folder.resolve("report.md"))).startsWith("# Meeting notes\n");
    }

    @Test
    void aFolderOrALinkUnderAnOwnedNameIsNotAnEarlierRunsFileAndStays() throws IOException {
        Files.createDirectories(folder.resolve("report.md"));
        Path elsewhere = Files.writeString(Files.createDirectories(folder.resolve("mine")).resolve("summary.csv"), "mine");
        Files.createSymbolicLink(folder.resolve("summary.csv"), elsewhere);
        List<String> removed;
        try (OutputFiles files = new OutputFiles(folder, ANY)) {
            files.open("assessments.jsonl").write("new".getBytes(StandardCharsets.UTF_8));
            removed = files.commit();
        }

        assertThat(removed).isEmpty();
        assertThat(folder.resolve("report.md")).isDirectory();
        assertThat(Files.isSymbolicLink(folder.resolve("summary.csv"))).isTrue();
        assertThat(Files.readString(elsewhere)).isEqualTo("mine");
    }

    @Test
    void aStopRacingTheCommitLeavesOneRunsFilesAndNoTemporaryFile() throws Exception {
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 200; round++) {
                writeOld();
                Files.writeString(folder.resolve("summary.csv"), "old");
                OutputFiles files = new OutputFiles(folder, ANY);
                write(files, "new");
                CountDownLatch ready = new CountDownLatch(1);
                Future<?> stop = stopper.submit(() -> {
                    ready.countDown();
                    files.discard();
                });
                ready.await();
                try {
                    files.commit();
                } catch (OutputException stopped) {
                    assertThat(stopped).hasMessageStartingWith("the run was stopped");
                }
                stop.get();
                files.close();
                String run = Files.readString(folder.resolve(NAMES.get(0)));
                assertAll(run);
                assertThat(listing()).as("round %d", round).containsExactlyInAnyOrderElementsOf(run.equals("new") ? NAMES : OWNED);
            }
        } finally {
            stopper.shutdownNow();
        }
    }

    private void writeOld() throws IOException {
        for (String name : NAMES) {
            Files.writeString(folder.resolve(name), "old");
        }
    }

    private static void write(OutputFiles files, String text) throws IOException {
        for (String name : NAMES) {
            files.open(name).write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void assertAll(String text) throws IOException {
        for (String name : NAMES) {
            assertThat(Files.readString(folder.resolve(name))).as(name).isEqualTo(text);
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
