package org.apsa.batch;

import org.apsa.io.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one run, each written to a temporary file beside its final name and renamed
 * into place only when the whole run succeeded. A run that fails, or a process stopped with
 * Ctrl-C, removes its temporary files and leaves the folder as it was: every report there
 * is whole, from this run or from an earlier one. A run that succeeds removes, with its
 * renaming, the files an earlier run wrote under the names it owns and this run did not
 * write, so the folder never shows one run's assessments beside another run's reports.
 *
 * <p>A run holds a lock on each of its temporary files while it lives (the system releases it
 * when the process ends, however it ends). A run killed outright cannot remove its temporary
 * files; the next run into the folder removes those no live run holds, and names them.
 */
final class OutputFiles implements AutoCloseable {

    private static final int BUFFER = 256 * 1024;

    private final Path folder;
    /**
     * The names a run of this kind may write, each with how such a file begins; a file under
     * such a name that this run did not write is an earlier run's if it begins so too.
     */
    private final Map<String, String> owned;
    private final Map<String, Path> temporary = new LinkedHashMap<>();
    /** The run's files as opened, by name. */
    private final Map<String, OutputStream> files = new LinkedHashMap<>();
    /** The hidden temporary files of an interrupted earlier run, removed when this run began. */
    private final List<String> leftOver;
    private final Thread cleanUpOnExit = new Thread(this::discard, "apsa-batch-cleanup");
    /*
     * One lock orders the run's thread against the clean-up on exit: a stop that comes while
     * the files are renamed waits for the renaming to finish, and a stop that comes first
     * leaves nothing to rename. Either way the folder holds one run's files, never a mix.
     */
    private boolean committed;
    private boolean discarded;

    /**
     * @param owned the names of every file a run may write, whichever it writes this time, in
     *              the order they are listed to the user, each with how such a file begins
     *              (empty: any file); no other file of the folder is ever touched
     */
    OutputFiles(Path folder, Map<String, String> owned) {
        this.folder = folder;
        this.owned = new LinkedHashMap<>(owned);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputException("cannot create the output folder " + folder + ": " + AtomicFiles.reason(e)
                    + "; give --out a folder you can write to", e);
        }
        this.leftOver = removeLeftOvers();
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
    }

    /** The temporary files an interrupted run left here, removed as this run began; empty when none. */
    List<String> leftOver() {
        return leftOver;
    }

    /**
     * Removes the temporary files ({@code .NAME.<random>.tmp}, for a name this kind of run
     * writes) that no live run holds: those of a run killed outright. One that cannot be
     * locked belongs to a run still writing, or to a file system without locks; either way
     * it is left alone.
     */
    private List<String> removeLeftOvers() {
        List<String> removed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder, ".*.tmp")) {
            list.forEach(candidates::add);
        } catch (IOException e) {
            return List.of();
        }
        candidates.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path temp : candidates) {
            String name = temp.getFileName().toString();
            if (owned.keySet().stream().noneMatch(n -> AtomicFiles.isTemporaryOf(name, n))
                    || !Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            boolean unheld;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = channel.tryLock();
                unheld = lock != null;
                if (unheld) {
                    lock.release();
                }
            } catch (IOException | OverlappingFileLockException e) {
                unheld = false;
            }
            try {
                if (unheld && Files.deleteIfExists(temp)) {
                    removed.add(name);
                }
            } catch (IOException e) {
                // Left for a later run; it is hidden and never taken for a report.
            }
        }
        return List.copyOf(removed);
    }

    /**
     * Checks, before any work, that nothing stands where the files will go: a folder with a
     * report's name would otherwise fail the last rename, after the others were done.
     */
    void checkTargets(List<String> names) {
        for (String name : names) {
            if (Files.isDirectory(folder.resolve(name))) {
                throw new OutputException(folder.resolve(name) + " is a folder; remove it or give --out another folder", null);
            }
        }
    }

    /** A file of the run, buffered; its text arrives encoded as UTF-8. */
    synchronized OutputStream open(String name) {
        if (discarded) {
            throw stopped();
        }
        try {
            Path temp = AtomicFiles.temporaryBeside(folder, name);
            temporary.put(name, temp);
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            try {
                // Tells a later run that this file is in use; without locks it only loses that.
                channel.tryLock();
            } catch (IOException | OverlappingFileLockException unlocked) {
                // Nothing to do.
            }
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            files.put(name, stream);
            return stream;
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    /**
     * Writes out and closes every file, renames each into place, then removes the files of an
     * earlier run under the other owned names. A stop waits for all of it.
     *
     * @return the names removed, in the order owned
     */
    synchronized List<String> commit() {
        if (discarded) {
            throw stopped();
        }
        for (Map.Entry<String, OutputStream> file : files.entrySet()) {
            try {
                // Flushed, not closed: closing would release the lock that keeps a later run's clean-up off it.
                file.getValue().flush();
            } catch (IOException e) {
                throw failure(file.getKey(), e);
            }
        }
        for (String name : temporary.keySet()) {
            try {
                AtomicFiles.moveIntoPlace(temporary.get(name), folder.resolve(name));
            } catch (FileSystemException openFile) {
                // Some systems rename no open file: close it and try again.
                try {
                    files.get(name).close();
                    AtomicFiles.moveIntoPlace(temporary.get(name), folder.resolve(name));
                } catch (IOException io) {
                    throw failure(name, io);
                }
            } catch (IOException io) {
                throw failure(name, io);
            }
        }
        committed = true;
        for (Map.Entry<String, OutputStream> file : files.entrySet()) {
            try {
                file.getValue().close();
            } catch (IOException e) {
                throw failure(file.getKey(), e);
            }
        }
        return removeEarlierFiles();
    }

    /**
     * Removes what an earlier run left under the names this run did not write. Only regular
     * files: a folder or a link under such a name was not written by a run, and is left alone.
     * Done after the renaming, so that a run failing before or during it keeps every earlier file.
     */
    private List<String> removeEarlierFiles() {
        List<String> removed = new ArrayList<>();
        for (String name : owned.keySet()) {
            Path earlier = folder.resolve(name);
            if (temporary.containsKey(name) || !Files.isRegularFile(earlier, LinkOption.NOFOLLOW_LINKS)
                    || !marked(earlier, owned.get(name))) {
                continue;
            }
            try {
                if (Files.deleteIfExists(earlier)) {
                    removed.add(name);
                }
            } catch (IOException e) {
                throw new OutputException("this run's results are in " + folder + ", but " + earlier + " is from an earlier run and "
                        + "could not be removed: " + AtomicFiles.reason(e) + "; remove it by hand", e);
            }
        }
        return removed;
    }

    /** Whether {@code file} begins with {@code beginning}: a file a run wrote, not one of the same name put there by hand. */
    private static boolean marked(Path file, String beginning) {
        if (beginning.isEmpty()) {
            return true;
        }
        byte[] expected = beginning.getBytes(StandardCharsets.UTF_8);
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException e) {
            return false;
        }
    }

    /** Why writing {@code name} failed; when the run was stopped meanwhile, that is the reason. */
    synchronized OutputException failure(String name, IOException e) {
        if (discarded) {
            return stopped();
        }
        return new OutputException("cannot write " + folder.resolve(name) + ": " + AtomicFiles.reason(e) + "; nothing of this run was kept", e);
    }

    private OutputException stopped() {
        return new OutputException("the run was stopped before it finished; nothing of it was kept in " + folder, null);
    }

    /** Removes what was not committed. Safe to call more than once and from a shutdown hook. */
    synchronized void discard() {
        if (committed || discarded) {
            return;
        }
        discarded = true;
        for (OutputStream file : files.values()) {
            try {
                file.close();
            } catch (IOException | RuntimeException ignored) {
                // The file is removed below; a failed close changes nothing.
            }
        }
        for (Path temp : temporary.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden .tmp file is never mistaken for a report.
            }
        }
    }

    @Override
    public void close() {
        discard();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it does the same.
        }
    }
}
