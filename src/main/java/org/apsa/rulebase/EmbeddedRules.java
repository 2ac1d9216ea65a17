package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.file.StandardDeleteOption;
import org.apsa.io.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The knowledge base shipped inside the tool: the repository's {@code rules/} folder, copied
 * into the jar at build time (under {@value #RESOURCE}). It is the default rule base, so the
 * tool works from any folder. Drools, the validator and the rule tests read a folder, so on
 * first use the copy is written out once, read-only, to a folder named after the digest of
 * its content inside the compiled-rule cache ({@code embedded/DIGEST}); a later run finds it
 * there. With the cache off it goes to a temporary folder removed at exit.
 *
 * <p>The digest is computed when the tool is built ({@link #main}) and stored beside the
 * rules ({@value #DIGEST}), so a run that finds its copy reads one small resource, not the
 * rules. It is trusted only inside a jar, which the build makes after storing it; from a
 * folder of classes, whose rules may have been copied again since, it is computed afresh.
 */
public final class EmbeddedRules {

    private static final Logger LOG = LogManager.getLogger(EmbeddedRules.class);

    /** Where the rules lie on the class path. */
    static final String RESOURCE = "apsa/rules";

    /** The SHA-256 of the embedded files, as {@link #digest} computes it, in hexadecimal. */
    static final String DIGEST = "apsa/rules.sha256";

    private static volatile Path extracted;

    private EmbeddedRules() {
    }

    /**
     * The folder holding the embedded rules, written out on first use.
     *
     * @throws RuleBaseException when this build carries no rules (a defect of the build)
     */
    public static synchronized Path folder() {
        if (extracted == null) {
            extracted = extract(RuleCache.standard());
        }
        return extracted;
    }

    /** Whether a folder is the written-out copy of the embedded rules (of this or any build). */
    public static boolean isEmbedded(Path folder) {
        Path copy = extracted;
        if (copy != null && copy.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
            return true;
        }
        Path parent = folder.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("embedded")
                && Files.isRegularFile(folder.resolve(MARKER));
    }

    /** Written last into a complete copy; a copy without it is never used. */
    private static final String MARKER = ".embedded";

    static Path extract(RuleCache cache) {
        return extract(cache, storedDigest());
    }

    /**
     * As {@link #extract(RuleCache)}, given the digest the build stored, if any: the copy of
     * the rules it names is taken as it is; without one, or without a copy, the rules are read.
     */
    static Path extract(RuleCache cache, String stored) {
        try {
            // The copy is code the tool compiles and runs: only into a cache folder that is the user's alone.
            Path home = cache.folder().isPresent() && cache.trusted() ? cache.folder().get().resolve("embedded") : null;
            if (home != null && stored != null && Files.isRegularFile(home.resolve(stored.substring(0, 16)).resolve(MARKER))) {
                return home.resolve(stored.substring(0, 16));
            }
            Map<String, byte[]> files = read();
            if (home == null) {
                Path temporary = Files.createTempDirectory("apsa-rules-");
                write(temporary, files);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(temporary), "apsa-rules-cleanup"));
                return temporary;
            }
            Path target = home.resolve(digest(files).substring(0, 16));
            if (Files.isRegularFile(target.resolve(MARKER))) {
                return target;
            }
            PrivateFiles.folders(home);
            Path temporary = Files.createTempDirectory(home, "tmp-");
            try {
                write(temporary, files);
                // Only an unfinished copy is removed: a finished one may be another process's, moved
                // in since the check above and being read now (executors of one job sharing a cache).
                if (!Files.isRegularFile(target.resolve(MARKER))) {
                    deleteQuietly(target);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("embedded rules written to {}", target);
            } catch (IOException e) {
                // Another run may have written the same copy at the same moment.
                if (!Files.isRegularFile(target.resolve(MARKER))) {
                    throw e;
                }
            } finally {
                deleteQuietly(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded rules to the cache folder " + cache
                    + ": " + e.getMessage() + "; set APSA_CACHE_DIR to a writable folder, or give --rules DIR", e);
        }
    }

    /**
     * The digest the build stored beside the rules, when they are read from a jar; null from
     * a folder of classes or a build without one.
     */
    static String storedDigest() {
        URL url = EmbeddedRules.class.getClassLoader().getResource(DIGEST);
        if (url == null || !url.getProtocol().equals("jar")) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            String digest = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return digest.matches("[0-9a-f]{64}") ? digest : null;
        } catch (IOException e) {
            LOG.debug("{} not read: {}", DIGEST, e.toString());
            return null;
        }
    }

    /**
     * Run by the build once the rules are copied among the classes: stores their digest
     * beside them ({@value #DIGEST}).
     *
     * <p>Usage: {@code EmbeddedRules CLASSES_DIR}
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Files.writeString(classes.resolve(DIGEST), digest(readTree(classes.resolve(RESOURCE))) + "\n", StandardCharsets.US_ASCII);
    }

    /** The embedded files by their path inside the rules folder, sorted. */
    static Map<String, byte[]> read() {
        URL url = EmbeddedRules.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new RuleBaseException("this build of the tool carries no rules (" + RESOURCE
                    + " is not on its class path); give the folder of rules with --rules DIR or APSA_RULES");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readTree(jar.getPath("/" + RESOURCE));
                } catch (FileSystemAlreadyExistsException e) {
                    // Open elsewhere: read through it, and leave it open.
                    return readTree(FileSystems.getFileSystem(uri).getPath("/" + RESOURCE));
                }
            }
            return readTree(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded rules: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> RuleBaseLoader.relative(root, p))).toList()) {
                files.put(RuleBaseLoader.relative(root, file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static String digest(Map<String, byte[]> files) {
        MessageDigest digest = RuleBaseLoader.sha256();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void write(Path folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            // A copy, not the source: an edit here would be lost with the next build's copy.
            target.toFile().setWritable(false, false);
        }
        Files.writeString(folder.resolve(MARKER), "The rules embedded in apsa, written out for reading. "
                + "Edit the project's rules/ folder or give your own with --rules DIR.\n");
    }

    private static void deleteQuietly(Path folder) {
        try {
            if (Files.exists(folder)) {
                PathUtils.deleteDirectory(folder, StandardDeleteOption.OVERRIDE_READ_ONLY);
            }
        } catch (IOException e) {
            LOG.debug("{} not deleted: {}", folder, e.toString());
        }
    }
}
