package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a rules folder (and the folders under it) for changes to {@code .drl} files and
 * calls back once the changes have settled: an editor's save is often several events
 * (write, rename, touch), and one reload should follow them, not one per event. A folder
 * removed and created again is watched again. Runs on one
 * daemon thread, so it never keeps the process alive; {@link #close()} stops it.
 */
public final class RulesWatcher implements AutoCloseable {

    /** How long the folder must be quiet before the callback runs. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private static final Logger LOG = LogManager.getLogger(RulesWatcher.class);

    private final Path folder;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    /** The folder's parent, watched only for the folder itself coming back after it was removed. */
    private final Path parent;
    private final Path absolute;

    private RulesWatcher(Path folder, Duration debounce, Runnable onChange) throws IOException {
        this.folder = folder;
        this.debounce = debounce;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        this.absolute = folder.toAbsolutePath().normalize();
        this.parent = absolute.getParent();
        if (parent != null) {
            // A folder removed and created again (a checkout, a copy) is otherwise no longer watched.
            try {
                parent.register(service, StandardWatchEventKinds.ENTRY_CREATE);
            } catch (IOException e) {
                LOG.info("not watching {} for {} coming back: {}", parent, folder, e.toString());
            }
        }
        registerTree(folder);
        this.thread = new Thread(this::loop, "rules-watcher");
        thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @param onChange runs on the watcher's thread after .drl files changed and the folder
     *                 was quiet for {@code debounce}; what it throws is logged and ignored
     * @throws UncheckedIOException when the folder cannot be watched
     */
    public static RulesWatcher start(Path folder, Duration debounce, Runnable onChange) {
        try {
            RulesWatcher watcher = new RulesWatcher(folder, debounce, onChange);
            watcher.thread.start();
            LOG.info("watching {} for rule changes", folder);
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        long deadline = 0;
        boolean pending = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = pending
                        ? service.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : service.take();
                if (key == null) {
                    pending = false;
                    runCallback();
                    continue;
                }
                Path dir = (Path) key.watchable();
                boolean aboveTheFolder = dir.equals(parent);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        pending = true;
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (aboveTheFolder) {
                        // Beside the folder only the folder itself matters: back again, it is watched anew.
                        if (changed.equals(absolute) && Files.isDirectory(changed)) {
                            registerTree(folder);
                            pending = true;
                        }
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                        pending = true;
                    } else if (changed.getFileName().toString().endsWith(".drl")) {
                        pending = true;
                    }
                }
                key.reset();
                if (pending) {
                    deadline = System.nanoTime() + debounce.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: the watcher stops
        } catch (IOException | RuntimeException e) {
            LOG.warn("stopped watching {}: {}", folder, e.toString());
        }
    }

    private void runCallback() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warn("reload after a change in {} failed", folder, e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service of {}: {}", folder, e.toString());
        }
        thread.interrupt();
    }
}
