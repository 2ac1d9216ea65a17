package org.apsa.bench;

import org.apsa.batch.GeneratedFactSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's temporary folder holding {@code input.jsonl} of generated fact sets, the same
 * for every benchmark that reads one (seed {@value #SEED}, dated over {@value #DATES} dates);
 * made at set-up, removed with all it holds at tear-down.
 */
final class GeneratedInput {

    static final long SEED = 42;
    static final int DATES = 24;

    final Path folder;
    final Path input;

    GeneratedInput(String prefix, int records) throws IOException {
        folder = Files.createTempDirectory(prefix);
        input = GeneratedFactSets.write(folder.resolve("input.jsonl"), records, SEED, DATES);
    }

    /** The folder and everything the benchmark wrote into it. */
    void delete() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
