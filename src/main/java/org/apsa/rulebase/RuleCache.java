package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Compiled rule bases saved between runs, so a run whose rules have not changed skips the
 * seconds a compile takes. An entry holds the executable model of one set of DRL texts
 * (kjar bytes) under a key that covers everything the compiled classes depend on; see
 * {@link RuleBaseLoader}. Each file carries the digest of its content: an entry that was
 * truncated or altered is detected, deleted and compiled again. The cache only ever speeds
 * a run up: when it cannot be read or written, the rules are compiled as if it were not there.
 *
 * <p>The folder is {@code ~/.apsa/cache/rules} unless {@code -Dapsa.cache.dir} or
 * {@code APSA_CACHE_DIR} names another; the value {@code off} turns the cache off.
 */
public final class RuleCache {

    private static final Logger LOG = LogManager.getLogger(RuleCache.class);

    /** The system property naming the cache folder, or {@code off}. */
    public static final String DIR_PROPERTY = "apsa.cache.dir";
    /** The environment variable used when the property is not set. */
    public static final String DIR_VARIABLE = "APSA_CACHE_DIR";
    /** Entries kept; the least recently used beyond this are deleted. */
    static final int KEEP = 16;

    private static final byte[] MAGIC = "APSA compiled rules 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LINE = 65;
    private static final String SUFFIX = ".kjar";

    private final Path folder;

    private RuleCache(Path folder) {
        this.folder = folder;
    }

    /** The cache the settings name: property, then environment, then the default folder. */
    public static RuleCache standard() {
        String setting = System.getProperty(DIR_PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(DIR_VARIABLE);
        }
        if (setting == null || setting.isBlank()) {
            return at(Path.of(System.getProperty("user.home"), ".apsa", "cache", "rules"));
        }
        if (setting.strip().equalsIgnoreCase("off")) {
            return off();
        }
        try {
            return at(Path.of(setting.strip()));
        } catch (InvalidPathException e) {
            LOG.warn("compiled-rule cache folder \"{}\" is not a path ({}); compiling the rules on every run",
                    setting, e.getMessage());
            return off();
        }
    }

    public static RuleCache at(Path folder) {
        return new RuleCache(folder);
    }

    /** A cache that never holds anything: every load compiles. */
    public static RuleCache off() {
        return new RuleCache(null);
    }

    /** The cache's folder; empty when the cache is off. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    public boolean enabled() {
        return folder != null;
    }

    /** Where the entry for a key lives (whether or not it exists); empty when the cache is off. */
    public Optional<Path> file(String key) {
        return folder == null ? Optional.empty() : Optional.of(folder.resolve(key + SUFFIX));
    }

    /**
     * The compiled rules saved under a key, if there is a sound entry. An entry whose content
     * does not match its digest is deleted.
     */
    Optional<byte[]> read(String key) {
        Optional<Path> file = file(key);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("compiled-rule cache entry {} cannot be read ({}); compiling the rules", file.get(), e.toString());
            return Optional.empty();
        }
        Optional<byte[]> payload = payload(bytes);
        if (payload.isEmpty()) {
            LOG.warn("compiled-rule cache entry {} is damaged; deleting it and compiling the rules", file.get());
            discard(key);
            return Optional.empty();
        }
        touch(file.get());
        return payload;
    }

    /** Saves compiled rules under a key, atomically; a failure is logged, never thrown. */
    void write(String key, byte[] kjar) {
        Optional<Path> file = file(key);
        if (file.isEmpty()) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, key, ".tmp");
            byte[] digest = HexFormat.of().formatHex(sha256(kjar)).getBytes(StandardCharsets.US_ASCII);
            byte[] entry = new byte[MAGIC.length + DIGEST_LINE + kjar.length];
            System.arraycopy(MAGIC, 0, entry, 0, MAGIC.length);
            System.arraycopy(digest, 0, entry, MAGIC.length, digest.length);
            entry[MAGIC.length + digest.length] = '\n';
            System.arraycopy(kjar, 0, entry, MAGIC.length + DIGEST_LINE, kjar.length);
            Files.write(temporary, entry);
            try {
                Files.move(temporary, file.get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file.get(), StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules not saved in {} ({}); the next run compiles them again", folder, e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Left behind in the cache folder only; pruning removes it later.
                }
            }
        }
        pruneQuietly();
    }

    /** Keeps the folder to its size after a write; a failure only delays that. */
    private void pruneQuietly() {
        try {
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("compiled-rule cache {} not pruned: {}", folder, e.toString());
        }
    }

    /** Deletes the entry for a key, if any. */
    void discard(String key) {
        file(key).ifPresent(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("compiled-rule cache entry {} cannot be deleted ({})", f, e.toString());
            }
        });
    }

    private static Optional<byte[]> payload(byte[] entry) {
        int start = MAGIC.length + DIGEST_LINE;
        if (entry.length <= start
                || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || entry[start - 1] != '\n') {
            return Optional.empty();
        }
        String recorded = new String(entry, MAGIC.length, DIGEST_LINE - 1, StandardCharsets.US_ASCII);
        byte[] payload = Arrays.copyOfRange(entry, start, entry.length);
        return recorded.equals(HexFormat.of().formatHex(sha256(payload))) ? Optional.of(payload) : Optional.empty();
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | UnsupportedOperationException ignored) {
            // Only the eviction order depends on it.
        }
    }

    /** Keeps the {@link #KEEP} most recently used entries and removes stray temporary files. */
    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    entries.add(f);
                } else if (name.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (entries.size() <= KEEP) {
            return;
        }
        entries.sort(Comparator.comparing(RuleCache::modified).reversed());
        for (Path old : entries.subList(KEEP, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return folder == null ? "off" : folder.toString();
    }
}
