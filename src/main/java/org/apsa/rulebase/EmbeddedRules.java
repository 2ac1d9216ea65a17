package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.io.PrivateFiles;

import java.io.IOException;
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
import java.security.NoSuchAlgorithmException;
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
 */
public final class EmbeddedRules {

    private static final Logger LOG = LogManager.getLogger(EmbeddedRules.class);

    /** Where the rules lie on the class path. */
    static final String RESOURCE = "apsa/rules";

    private static volatile Path extracted;

    private EmbeddedRules() {
    }

    /**
     * The folder holding the embedded rules, written out on first use.
     *
     * @throws RuleBaseException when this build carries no rules (a defect of the build)
     */
    public static Path folder() {
        Path folder = extracted;
        if (folder == null) {
            synchronized (EmbeddedRules.class) {
                folder = extracted;
                if (folder == null) {
                    folder = extract(RuleCache.standard());
                    extracted = folder;
                }
            }
        }
        return folder;
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
        Map<String, byte[]> files = read();
        String digest = digest(files);
        try {
            // The copy is code the tool compiles and runs: only into a cache folder that is the user's alone.
            if (cache.folder().isEmpty() || !cache.trusted()) {
                Path temporary = Files.createTempDirectory("apsa-rules-");
                write(temporary, files);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(temporary), "apsa-rules-cleanup"));
                return temporary;
            }
            Path home = cache.folder().get().resolve("embedded");
            Path target = home.resolve(digest.substring(0, 16));
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
                try (FileSystem jar = openJar(uri)) {
                    return readTree(jar.getPath("/" + RESOURCE));
                } catch (UnsupportedOperationException e) {
                    // The jar's file system was already open elsewhere and cannot be closed here.
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

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new UnsupportedOperationException(e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> relative(root, p))).toList()) {
                files.put(relative(root, file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    static String digest(Map<String, byte[]> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("{} not deleted: {}", folder, e.toString());
        }
    }
}
