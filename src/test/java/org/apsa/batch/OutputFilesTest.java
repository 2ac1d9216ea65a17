package org.apsa.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @TempDir
    Path folder;

    @Test
    void aStopBeforeTheCommitRenamesNothingAndTheCommitSaysWhy() throws IOException {
        writeOld();
        OutputFiles files = new OutputFiles(folder);
        try {
            write(files, "new");
            files.discard();
            assertThatThrownBy(files::commit).isInstanceOf(OutputException.class)
                    .hasMessage("the run was stopped before it finished; nothing of it was kept in " + folder);
        } finally {
            files.close();
        }
        assertAll("old");
    }

    @Test
    void afterAStopNoFileIsOpenedAndAFailedWriteIsReportedAsTheStop() throws IOException {
        OutputFiles files = new OutputFiles(folder);
        try {
            Writer writer = files.open("assessments.jsonl");
            files.discard();
            assertThatThrownBy(() -> files.open("report.md")).hasMessageStartingWith("the run was stopped");
            IOException closed = assertThrowsOnWrite(writer);
            assertThat(files.failure("assessments.jsonl", closed).getMessage()).startsWith("the run was stopped");
        } finally {
            files.close();
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void aStopRacingTheCommitLeavesOneRunsFilesAndNoTemporaryFile() throws Exception {
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 200; round++) {
                writeOld();
                OutputFiles files = new OutputFiles(folder);
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
                assertThat(listing()).as("round %d", round).containsExactlyInAnyOrderElementsOf(NAMES);
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
            files.open(name).write(text);
        }
    }

    private void assertAll(String text) throws IOException {
        for (String name : NAMES) {
            assertThat(Files.readString(folder.resolve(name))).as(name).isEqualTo(text);
        }
    }

    private static IOException assertThrowsOnWrite(Writer writer) {
        try {
            writer.write("more");
            writer.flush();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("a closed writer accepted more text");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
