package org.apsa.rulebase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher behind live reload: changes to .drl files, one callback per burst, and a folder that comes back. */
class RulesWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aFolderRemovedAndCreatedAgainIsStillWatched() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "// a");
        AtomicInteger changes = new AtomicInteger();
        try (RulesWatcher watcher = RulesWatcher.start(rules, Duration.ofMillis(100), changes::incrementAndGet)) {
            delete(rules);
            await(changes, n -> n >= 1);
            Files.createDirectories(rules);
            Files.writeString(rules.resolve("a.drl"), "// a again");
            int afterRecreate = await(changes, n -> n >= 2);

            Files.writeString(rules.resolve("a.drl"), "// edited after it came back");
            await(changes, n -> n > afterRecreate);
        }
    }

    @Test
    void otherFilesBesideTheFolderAreNotChanges() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        AtomicInteger changes = new AtomicInteger();
        try (RulesWatcher watcher = RulesWatcher.start(rules, Duration.ofMillis(100), changes::incrementAndGet)) {
            Files.writeString(dir.resolve("beside.drl"), "// not in the rules folder");
            Files.createDirectories(dir.resolve("other"));
            Thread.sleep(600);
            assertThat(changes.get()).isZero();
            Files.writeString(rules.resolve("b.drl"), "// in it");
            await(changes, n -> n >= 1);
        }
    }

    private static int await(AtomicInteger changes, IntPredicate done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.test(changes.get()) && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(done.test(changes.get())).as("callbacks so far: %d", changes.get()).isTrue();
        return changes.get();
    }

    private static void delete(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
