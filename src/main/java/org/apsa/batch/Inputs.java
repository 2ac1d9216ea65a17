package org.apsa.batch;

import org.apsa.fact.FactSetReader;
import org.apsa.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the fact files of a batch. A file named on the command line is taken as it is (the
 * reader reports it when it is not a fact file, or missing), unless it lies in the output
 * folder or is not a regular file (a named pipe, a device: reading one could wait forever);
 * a folder is searched recursively for {@code .json} and {@code .jsonl} files, links to
 * folders followed, in sorted order so that the input order never depends on the file
 * system. Within a folder, JSON Schema files ({@code *.schema.json}) are skipped; a file
 * reached twice is read once. Paths are compared as the file system resolves them, so a
 * symbolic link to a file already read, or to the output folder, is recognised as such.
 *
 * <p>Nothing is skipped without a word: a folder that cannot be listed, a link that leads
 * nowhere or in a circle, and an entry with a fact file's name that is not a regular file
 * are each an invalid input, named with the reason, and the rest is still read.
 */
public final class Inputs {

    /** {@code -}: standard input, read as JSON Lines and named {@code <stdin>} in messages. */
    public static final Path STANDARD_INPUT = Path.of("-");

    /**
     * One input in the order to read: a fact file, or an input that cannot be read and why.
     *
     * @param problem null for a file to read; else what is wrong, in words ending with the fix
     */
    public record Input(Path path, String problem) {

        public boolean readable() {
            return problem == null;
        }
    }

    /** Opens a folder's listing; tests put a failing one in its place. */
    interface Listing {
        DirectoryStream<Path> open(Path folder) throws IOException;
    }

    private Inputs() {
    }

    /** An input as messages name it. */
    public static String name(Path input) {
        return input.equals(STANDARD_INPUT) ? FactSetReader.STANDARD_INPUT : input.toString();
    }

    /**
     * @param paths    files and folders, in the order given
     * @param skipping a folder never to read from (the output folder); may be null
     * @throws OutputException when {@code skipping} is one of the folders given, holds one, lies
     *                         in one, or holds a file given: the results would be written
     *                         among the inputs, and the next run would read them as inputs
     */
    public static List<Input> discover(List<Path> paths, Path skipping) {
        return discover(paths, skipping, Files::newDirectoryStream);
    }

    static List<Input> discover(List<Path> paths, Path skipping, Listing listing) {
        Path skip = skipping == null ? null : resolved(skipping);
        Set<Path> seen = new LinkedHashSet<>();
        List<Input> inputs = new ArrayList<>();
        for (Path given : paths) {
            if (given.equals(STANDARD_INPUT)) {
                if (seen.add(given)) {
                    inputs.add(new Input(given, null));
                }
            } else if (Files.isDirectory(given)) {
                Path real = resolved(given);
                if (skip != null && real.startsWith(skip)) {
                    throw outHoldsInput("folder", given, skipping);
                }
                if (skip != null && skip.startsWith(real)) {
                    throw new OutputException("--out " + skipping + " lies in the input folder " + given + ": the next run of "
                            + given + " would read the results as inputs; give --out a folder outside the inputs, e.g. --out results", null);
                }
                List<Found> found = new ArrayList<>();
                walk(given, given, new HashSet<>(Set.of(real)), found, listing);
                found.sort(Comparator.comparing(Found::order));
                for (Found f : found) {
                    if (!f.input().readable()) {
                        inputs.add(f.input());
                    } else {
                        Path file = resolved(f.input().path());
                        if ((skip == null || !file.startsWith(skip)) && seen.add(file)) {
                            inputs.add(f.input());
                        }
                    }
                }
            } else {
                if (skip != null && liesIn(given, skip)) {
                    throw outHoldsInput("file", given, skipping);
                }
                String special = Files.exists(given) && !Files.isRegularFile(given) ? notAFile(given) : null;
                if (special != null) {
                    inputs.add(new Input(given, special));
                } else if (seen.add(resolved(given))) {
                    inputs.add(new Input(given, null));
                }
            }
        }
        return inputs;
    }

    /** An entry met in a folder, with the key that sorts it: its path below the folder given, with '/'. */
    private record Found(String order, Input input) {
    }

    /**
     * Collects the fact files below {@code folder}, and the entries that would be read but
     * cannot. {@code ancestors} holds the real paths of the folders being read, so that a link
     * back to one of them is told as a loop instead of followed for ever.
     */
    private static void walk(Path root, Path folder, Set<Path> ancestors, List<Found> found, Listing listing) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = listing.open(folder)) {
            list.forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            found.add(new Found(order(root, folder), new Input(folder, "this folder cannot be read (" + reason(e)
                    + "), so its fact files were not assessed; check its permissions")));
            return;
        }
        for (Path entry : entries) {
            BasicFileAttributes own;
            try {
                own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (isFactFile(entry)) {
                    found.add(new Found(order(root, entry), new Input(entry, "cannot be read (" + reason(e) + "); check its permissions")));
                }
                continue;
            }
            BasicFileAttributes target = own;
            if (own.isSymbolicLink()) {
                try {
                    target = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    if (isFactFile(entry)) {
                        found.add(new Found(order(root, entry), new Input(entry, brokenLink(entry, e))));
                    }
                    continue;
                }
            }
            if (target.isDirectory()) {
                Path real = resolved(entry);
                if (!ancestors.add(real)) {
                    found.add(new Found(order(root, entry), new Input(entry, "a link back to " + real
                            + ", which holds it: a loop, so it was not followed; remove the link or point it elsewhere")));
                    continue;
                }
                walk(root, entry, ancestors, found, listing);
                ancestors.remove(real);
            } else if (isFactFile(entry)) {
                found.add(new Found(order(root, entry), new Input(entry, target.isRegularFile() ? null : notAFile(entry))));
            }
        }
    }

    private static String order(Path root, Path entry) {
        // Compare as strings: Path order differs between file systems, names do not.
        return root.relativize(entry).toString().replace('\\', '/');
    }

    /** Why a link cannot be followed. */
    private static String brokenLink(Path link, IOException e) {
        String to;
        try {
            to = " to " + Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException unreadable) {
            to = "";
        }
        if (e instanceof NoSuchFileException) {
            return "a link" + to + ", which does not exist: skipped; remove the link or restore its target";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null && fs.getReason().contains("symbolic links")) {
            return "a link" + to + " that leads back to itself through other links (a loop): skipped; remove the link";
        }
        return "a link" + to + " that cannot be followed (" + reason(e) + "): skipped";
    }

    /** Why a path that is there is not a file to read: a named pipe could wait for ever, a device never end. */
    private static String notAFile(Path path) {
        String kind = "a special file (not a regular file)";
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            kind = switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> kind;
            };
        } catch (IOException | RuntimeException notUnix) {
            // The generic words do.
        }
        return "is " + kind + ", not a file: batch reads only regular files, whose end it can reach without waiting; "
                + "save the data to a .json or .jsonl file and give that";
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof IOException io ? AtomicFiles.reason(io) : e.toString();
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

    /**
     * The path as the file system resolves it (links followed); for a path that does not
     * exist yet, its nearest existing folder resolved with the rest as written.
     */
    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path rest = null;
        for (Path at = absolute; at != null; at = at.getParent()) {
            try {
                Path real = at.toRealPath();
                return rest == null ? real : real.resolve(rest);
            } catch (IOException | SecurityException e) {
                Path name = at.getFileName();
                if (name == null) {
                    break;
                }
                rest = rest == null ? name : name.resolve(rest);
            }
        }
        return absolute;
    }

    public static boolean isFactFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".json") && !name.endsWith(".schema.json")) || name.endsWith(".jsonl");
    }

    /**
     * About how many records the files hold (a {@code .json} file one, a {@code .jsonl} file
     * one a non-empty line), for a progress estimate; counting is a fast scan of bytes.
     */
    static long estimateRecords(List<Input> inputs) {
        long total = 0;
        for (Input input : inputs) {
            Path file = input.path();
            if (file.equals(STANDARD_INPUT)) {
                // Read once, as it comes: how much will come is not known.
                return -1;
            }
            if (!input.readable() || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                total++;
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                boolean content = false;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n' || b == '\r') {
                            // A line ends at \n, \r\n or a lone \r, as the reader reads them.
                            total += content ? 1 : 0;
                            content = false;
                        } else if (b != ' ' && b != '\t') {
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
