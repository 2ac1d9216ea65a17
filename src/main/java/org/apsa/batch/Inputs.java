package org.apsa.batch;

import org.apsa.fact.FactSetReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the fact files of a batch. A file named on the command line is taken as it is (the
 * reader reports it when it is not a fact file, or missing), unless it lies in the output
 * folder; a folder is searched
 * recursively for {@code .json} and {@code .jsonl} files, in sorted order so that the input
 * order never depends on the file system. Within a folder, JSON Schema files
 * ({@code *.schema.json}) and the batch's own output folder are skipped; a file reached
 * twice is read once. Paths are compared as the file system resolves them, so a symbolic
 * link to a file already read, or to the output folder, is recognised as such.
 */
public final class Inputs {

    /** {@code -}: standard input, read as JSON Lines and named {@code <stdin>} in messages. */
    public static final Path STANDARD_INPUT = Path.of("-");

    private Inputs() {
    }

    /** An input as messages name it. */
    public static String name(Path input) {
        return input.equals(STANDARD_INPUT) ? FactSetReader.STANDARD_INPUT : input.toString();
    }

    /**
     * @param paths    files and folders, in the order given
     * @param skipping a folder never to read from (the output folder); may be null
     * @throws OutputException when {@code skipping} is one of the folders given, holds one, or
     *                         holds a file given: the results would be written among the
     *                         inputs, and the next run would read them as inputs
     */
    public static List<Path> discover(List<Path> paths, Path skipping) {
        Path skip = skipping == null ? null : resolved(skipping);
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path given : paths) {
            if (given.equals(STANDARD_INPUT)) {
                if (seen.add(given)) {
                    files.add(given);
                }
            } else if (Files.isDirectory(given)) {
                if (skip != null && resolved(given).startsWith(skip)) {
                    throw outHoldsInput("folder", given, skipping);
                }
                for (Path file : folder(given)) {
                    Path real = resolved(file);
                    if ((skip == null || !real.startsWith(skip)) && seen.add(real)) {
                        files.add(file);
                    }
                }
            } else {
                if (skip != null && liesIn(given, skip)) {
                    throw outHoldsInput("file", given, skipping);
                }
                if (seen.add(resolved(given))) {
                    files.add(given);
                }
            }
        }
        return files;
    }

    /** The output folder is a folder to read from, or holds one or a file to read. */
    private static OutputException outHoldsInput(String kind, Path input, Path out) {
        return new OutputException("--out " + out + (resolved(input).equals(resolved(out)) ? " is the input " : " holds the input ")
                + kind + " " + input + ": the results would be written among the inputs and read as inputs "
                + "by the next run; give --out a folder outside the inputs, e.g. --out results", null);
    }

    /**
     * Whether a named file is in {@code folder} (resolved) or below it, where it stands or,
     * for a link, where it leads: either way a run of that folder would read it.
     */
    private static boolean liesIn(Path file, Path folder) {
        Path parent = file.toAbsolutePath().getParent();
        return resolved(file).startsWith(folder) || (parent != null && resolved(parent).startsWith(folder));
    }

    /** The path as the file system resolves it (links followed), or as written when it does not exist. */
    private static Path resolved(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static List<Path> folder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(Inputs::isFactFile)
                    // Compare as strings: Path order differs between file systems, names do not.
                    .sorted((a, b) -> folder.relativize(a).toString().replace('\\', '/')
                            .compareTo(folder.relativize(b).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    static boolean isFactFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".json") && !name.endsWith(".schema.json")) || name.endsWith(".jsonl");
    }

    /**
     * About how many records the files hold (a {@code .json} file one, a {@code .jsonl} file
     * one a non-empty line), for a progress estimate; counting is a fast scan of bytes.
     */
    public static long estimateRecords(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            if (file.equals(STANDARD_INPUT)) {
                // Read once, as it comes: how much will come is not known.
                return -1;
            }
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                total++;
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                boolean content = false;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            total += content ? 1 : 0;
                            content = false;
                        } else if (b != ' ' && b != '\r' && b != '\t') {
                            content = true;
                        }
                    }
                }
                total += content ? 1 : 0;
            } catch (IOException e) {
                total++;
            }
        }
        return total;
    }
}
