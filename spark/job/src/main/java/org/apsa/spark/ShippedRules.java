package org.apsa.spark;

import org.apsa.engine.Assessor;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBaseLoader;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The rules a job runs, as they travel to the executors: the rules built into the job jar, or
 * the files of a {@code --rules} folder (every file, in a broadcast variable; a few hundred KB).
 * Each executor JVM compiles a rule base once, on first use, and every task that runs there
 * reuses it ({@link #assessor()}), keyed by the files' digest so that two jobs with different
 * rules in one JVM never mix them.
 */
public final class ShippedRules implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Compiled rule bases of this JVM by digest; a rule base is never compiled twice in one. */
    private static final Map<String, Assessor> COMPILED = new ConcurrentHashMap<>();
    /** The sessions of each rule base, reset and reused by every task of this JVM. */
    private static final Map<String, Assessor.Reusing> SESSIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();
    private static final String EMBEDDED = "embedded";

    /** The files by their path inside the folder ('/'-separated); null for the embedded rules. */
    private final TreeMap<String, byte[]> files;
    private final String digest;
    private final String name;

    private ShippedRules(TreeMap<String, byte[]> files, String digest, String name) {
        this.files = files;
        this.digest = digest;
        this.name = name;
    }

    /** The rules built into the job jar, the same in every JVM that runs the jar. */
    public static ShippedRules embedded() {
        return new ShippedRules(null, EMBEDDED, "the embedded rules");
    }

    /** Every file under {@code folder}, read now on the driver. */
    public static ShippedRules of(Path folder) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + folder + ": " + e.getMessage()
                    + "; give --rules a folder of .drl files that can be read", e);
        }
        MessageDigest sha = sha256();
        files.forEach((path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return new ShippedRules(files, HexFormat.of().formatHex(sha.digest()), folder.toString());
    }

    /** How the rules are named in messages. */
    public String name() {
        return name;
    }

    /**
     * The assessor of these rules in this JVM: compiled by the first task that asks (through
     * the compiled-rule cache, as on one machine), the same object for every task after it.
     */
    public Assessor assessor() {
        return COMPILED.computeIfAbsent(digest, d -> {
            COMPILATIONS.incrementAndGet();
            return new Assessor(RuleBaseLoader.load(folder()));
        });
    }

    /** The vocabulary of these rules' knowledge base, which fact sets are read against. */
    public org.apsa.fact.Vocabulary vocabulary() {
        return assessor().rules().knowledgeBase().vocabulary();
    }

    /** The reused sessions of {@link #assessor()}, shared by the tasks of this JVM (a pool: one session a thread at a time). */
    public Assessor.Reusing sessions() {
        return SESSIONS.computeIfAbsent(digest, d -> assessor().reusingSessions());
    }

    /** How many rule bases this JVM has compiled (or loaded from the cache) so far. */
    public static int compilations() {
        return COMPILATIONS.get();
    }

    private Path folder() {
        if (files == null) {
            return EmbeddedRules.folder();
        }
        try {
            Path folder = Files.createTempDirectory("apsa-rules-" + digest.substring(0, 12) + "-");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = folder.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "apsa-rules-cleanup"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shipped rules to a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is removed with the machine's temporary files.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
