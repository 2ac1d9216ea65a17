package org.apsa.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Files the user gets are written whole or not at all: to a hidden temporary file beside the
 * target, then renamed into place. Saved fact sets, the rule catalogue, recovery files and
 * the batch's outputs all go through here, and a failure is said the same way for each.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes atomically. Without {@code overwrite}, an existing file is left alone and
     * {@link FileAlreadyExistsException} is thrown. A new file gets the permissions new files
     * get (the umask decides); a replaced file keeps its own. Missing folders above it are
     * created, and returned, so that the user can be told ({@link #created}): a mistyped
     * folder name would otherwise go unseen.
     *
     * @return the folders created, outermost first, as {@code target} names them; empty when none
     * @throws IOException with a message a user can act on (see {@link #reason})
     */
    public static List<Path> write(Path target, String text, boolean overwrite) throws IOException {
        return write(target, text, overwrite, false);
    }

    /**
     * As {@link #write}, for a file of the user's own under {@code ~/.apsa}: a new file is
     * readable by its owner only, and missing folders are created usable by their owner only
     * ({@link PrivateFiles}).
     */
    public static List<Path> writePrivate(Path target, String text, boolean overwrite) throws IOException {
        return write(target, text, overwrite, true);
    }

    private static List<Path> write(Path target, String text, boolean overwrite, boolean owner) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("it is a folder");
        }
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path folder = absolute.getParent();
        for (Path above = folder; above != null; above = above.getParent()) {
            if (Files.exists(above) && !Files.isDirectory(above)) {
                throw new IOException(above + " is a file, not a folder");
            }
        }
        List<Path> missing = new ArrayList<>();
        for (Path above = target.getParent(); above != null && !Files.exists(above); above = above.getParent()) {
            missing.add(0, above);
        }
        if (owner) {
            PrivateFiles.folders(folder);
        } else {
            Files.createDirectories(folder);
        }
        Path temporary = owner ? Files.createFile(temporaryName(folder, absolute.getFileName().toString()), PrivateFiles.fileAttributes())
                : temporaryBeside(folder, absolute.getFileName().toString());
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            keepPermissions(absolute, temporary);
            moveIntoPlace(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return List.copyOf(missing);
    }

    /**
     * Renames a file written whole over its target: atomically where the file system can, so
     * that a reader sees the old file or the new one; where it cannot, a plain replace.
     */
    public static void moveIntoPlace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The folders {@link #write} created, in words to add to what the command says; empty when none. */
    public static String created(List<Path> folders) {
        if (folders.isEmpty()) {
            return "";
        }
        return " (created the missing folder" + (folders.size() == 1 ? " " : "s ")
                + String.join(", ", folders.stream().map(Path::toString).toList()) + ")";
    }

    /**
     * A new hidden file in {@code folder} for writing {@code name} before it is renamed into
     * place ({@code .name.<random>.tmp}). Not {@code Files.createTempFile}: its owner-only
     * permissions would carry over to the file the user gets.
     */
    public static Path temporaryBeside(Path folder, String name) throws IOException {
        return Files.createFile(temporaryName(folder, name));
    }

    private static Path temporaryName(Path folder, String name) {
        return folder.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
    }

    /** Whether {@code file} is a name {@link #temporaryBeside} gives for writing {@code name}. */
    public static boolean isTemporaryOf(String file, String name) {
        return file.length() > name.length() + 6 && file.startsWith("." + name + ".") && file.endsWith(".tmp")
                && file.substring(name.length() + 2, file.length() - 4).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** What went wrong writing, in words: "permission denied" rather than a bare path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            Path file = denied.getFile() == null ? null : Path.of(denied.getFile());
            return "permission denied" + (file == null ? "" : " in " + (file.getParent() == null ? file : file.getParent()));
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists already";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.exists(existing)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(existing));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems keep their own attributes.
        }
    }
}
