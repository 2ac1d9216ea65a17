package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import org.apache.commons.io.FileUtils;
import org.apsa.io.AtomicFiles;
import org.apsa.io.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compiled rule bases saved between runs, so a run whose rules have not changed skips the
 * seconds a compile takes. An entry holds the executable model of one set of DRL texts
 * (kjar bytes) under a key that covers everything the compiled classes depend on; see
 * {@link RuleBaseLoader}. Each file carries a digest of its key and its content: an entry that
 * was truncated or altered, or another key's entry copied under this key's name, is detected,
 * deleted and compiled again. The cache only ever speeds a run up: when it cannot be read or
 * written, the rules are compiled as if it were not there.
 *
 * <p>What it loads is code, so it is trusted only as far as it proves itself: an entry that is
 * a link or not a regular file (a named pipe, a device) is never opened, a folder that belongs
 * to another user or that others may write to is not used, and each says so in one warning
 * line on standard error. New folders are created 0700, entries 0600.
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
    /**
     * Rule sets kept; the entries of the least recently used beyond this are deleted. A rule
     * set's entries share the key of its compiled rules as the start of their names (the
     * compiled rules, the rules' model, the checks' verdicts; see {@link #ruleSet}).
     */
    static final int KEEP = 8;

    private static final byte[] MAGIC = "APSA compiled rules 2\n".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any compiled rule base; a bigger file is not an entry this tool wrote. */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    private static final int DIGEST_LINE = 65;
    private static final String SUFFIX = ".kjar";

    private final Path folder;
    private final Consumer<String> warnings;
    /** Whether the folder was found fit to hold code; null until first asked. */
    private Boolean trusted;

    private RuleCache(Path folder, Consumer<String> warnings) {
        this.folder = folder;
        this.warnings = warnings;
    }

    /** A warning line on standard error, and in the log. */
    private static void onStandardError(String warning) {
        LOG.warn("{}", warning);
        System.err.println("apsa: warning: " + warning);
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
        return new RuleCache(folder, RuleCache::onStandardError);
    }

    /** A cache in {@code folder} that tells its warnings to {@code warnings} instead of standard error. */
    static RuleCache at(Path folder, Consumer<String> warnings) {
        return new RuleCache(folder, warnings);
    }

    /** A cache that never holds anything: every load compiles. */
    public static RuleCache off() {
        return new RuleCache(null, RuleCache::onStandardError);
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
        if (file.isEmpty() || !trusted()) {
            return Optional.empty();
        }
        String refused;
        Optional<byte[]> payload = Optional.empty();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                refused = "is " + (attributes.isSymbolicLink() ? "a link" : "not a regular file") + ", which this tool never writes; not read";
            } else if (attributes.size() > MAX_ENTRY_BYTES) {
                refused = "is larger than any compiled rule base (" + attributes.size() + " bytes); not read";
            } else {
                try (InputStream in = Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) {
                    payload = payload(key, in.readNBytes((int) MAX_ENTRY_BYTES + 1));
                }
                refused = payload.isEmpty() ? "is damaged or is not the entry of these rules; not used" : null;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("compiled-rule cache entry {} cannot be read ({}); compiling the rules", file.get(), e.toString());
            return Optional.empty();
        }
        if (refused != null) {
            warnings.accept("compiled-rule cache entry " + file.get() + " " + refused + ": the rules were compiled and the entry replaced");
            discard(key);
            return Optional.empty();
        }
        // The time of last use, by which the cache is pruned; only that order depends on it.
        file.get().toFile().setLastModified(System.currentTimeMillis());
        return payload;
    }

    /**
     * Whether the folder may hold code this tool loads: when it exists, it belongs to the user
     * and no one else may write to it. Asked once; a folder that is not yet there is created
     * by {@link #write} as the user's alone.
     */
    boolean trusted() {
        if (trusted == null) {
            Optional<String> why = Files.isDirectory(folder) ? PrivateFiles.untrusted(folder) : Optional.empty();
            why.ifPresent(reason -> warnings.accept("the compiled-rule cache " + folder + " is not used: " + reason
                    + "; the rules are compiled on every run (set " + DIR_VARIABLE + " to a folder of your own, or to off)"));
            trusted = why.isEmpty();
        }
        return trusted;
    }

    /** Saves compiled rules under a key, atomically; a failure is logged, never thrown. */
    void write(String key, byte[] kjar) {
        Optional<Path> file = file(key);
        if (file.isEmpty()) {
            return;
        }
        Path temporary = null;
        try {
            PrivateFiles.folders(folder);
            if (!trusted()) {
                return;
            }
            // Created 0600 (createTempFile's own permissions), and so the entry renamed from it.
            temporary = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(MAGIC);
                out.write((HexFormat.of().formatHex(digest(key, kjar)) + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(kjar);
            }
            AtomicFiles.moveIntoPlace(temporary, file.get());
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules not saved in {} ({}); the next run compiles them again", folder, e.toString());
        } finally {
            // Gone once moved into place; one that cannot be deleted is left to pruning.
            if (temporary != null) {
                FileUtils.deleteQuietly(temporary.toFile());
            }
        }
        prune();
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

    /** The digest an entry carries: of its key and its content, so that an entry is only ever good for its own key. */
    private static byte[] digest(String key, byte[] kjar) {
        MessageDigest digest = RuleBaseLoader.sha256();
        digest.update(key.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        return digest.digest(kjar);
    }

    private static Optional<byte[]> payload(String key, byte[] entry) {
        int start = MAGIC.length + DIGEST_LINE;
        if (entry.length < start
                || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || entry[start - 1] != '\n') {
            return Optional.empty();
        }
        String recorded = new String(entry, MAGIC.length, DIGEST_LINE - 1, StandardCharsets.US_ASCII);
        byte[] payload = Arrays.copyOfRange(entry, start, entry.length);
        return recorded.equals(HexFormat.of().formatHex(digest(key, payload))) ? Optional.of(payload) : Optional.empty();
    }

    /**
     * Keeps the entries of the {@link #KEEP} most recently used rule sets and removes stray
     * temporary files; a failure only delays that.
     */
    private void prune() {
        Map<String, List<Path>> sets = new HashMap<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(SUFFIX)) {
                        sets.computeIfAbsent(ruleSet(name), k -> new ArrayList<>()).add(f);
                    } else if (name.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            // A rule set was last used when any of its entries was.
            List<Path> old = sets.values().stream().sorted(Comparator.comparingLong((List<Path> set) -> set.stream()
                    .mapToLong(entry -> entry.toFile().lastModified()).max().orElseThrow()).reversed())
                    .skip(KEEP).flatMap(List::stream).toList();
            for (Path entry : old) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("compiled-rule cache {} not pruned: {}", folder, e.toString());
        }
    }

    /** The rule set an entry belongs to: its name up to the first {@code -} (the key of the compiled rules). */
    static String ruleSet(String name) {
        int dash = name.indexOf('-');
        return dash < 0 ? name.substring(0, name.length() - SUFFIX.length()) : name.substring(0, dash);
    }

    @Override
    public String toString() {
        return folder == null ? "off" : folder.toString();
    }
}
