package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.Finding;
import org.apsa.authoring.Validator;
import org.apsa.engine.Assessor;
import org.apsa.provenance.Provenance;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesFolderException;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The compiled rule bases of this process, by folder: compiled on first use, then reused,
 * so the shell compiles its rules once and a one-shot command only when it needs them. The
 * shell's session works with one folder (see {@link #sessionFolder()}, unless reloaded from another); a
 * reload compiles beside the rule base in use and swaps only when the new one compiles.
 *
 * <p>The session's folder and its assessor are one immutable pair swapped in one step, so
 * no command sees the new folder with the old rules. An assessment holds the assessor it
 * started with (and so its rule base) to the end; a swap during it changes nothing for it.
 */
@Component
public class RuleBases {

    private record Session(Path folder, Assessor assessor) {
    }

    private final AtomicReference<Session> session = new AtomicReference<>();
    private final ConcurrentMap<Path, Assessor> others = new ConcurrentHashMap<>();
    /** Reloads compile one at a time, so an older build never replaces a newer one. */
    private final Object compiling = new Object();
    /** The application property naming the shell's rules folder when it is started with {@code --rules DIR}. */
    public static final String SESSION_FOLDER_PROPERTY = "apsa.shell.rules";
    /** The environment variable naming the rules to use when no {@code --rules} is given. */
    public static final String RULES_VARIABLE = "APSA_RULES";
    /** What {@code --rules} is, in the help of a command that reads the rules. */
    static final String RULES_OPTION = "the folder of .drl rules (default: APSA_RULES, else the embedded rules)";
    /** What {@code --rules} is, in the help of a command about the rules in use. */
    static final String IN_USE_OPTION = "the folder of .drl rules (default: the one in use; at start APSA_RULES, else the embedded rules)";

    /** {@code --rules DIR} given to the shell at start, or null. */
    private final String shellFolder;
    /** The value of {@link #RULES_VARIABLE}, or null. */
    private final String variable;
    /** The session's folder; null until first asked, so a command that needs no rules writes out no embedded copy. */
    private volatile Path sessionFolder;
    /** The folder the session started with, before any reload. */
    private volatile Path startFolder;
    private volatile Consumer<Path> folderListener = folder -> { };

    /** The application context's: {@code shellFolder} is the shell's {@code --rules DIR}, given as {@value #SESSION_FOLDER_PROPERTY}. */
    @Autowired
    RuleBases(@Value("${" + SESSION_FOLDER_PROPERTY + ":}") String shellFolder) {
        this(shellFolder.isEmpty() ? null : shellFolder, System.getenv(RULES_VARIABLE));
    }

    /** {@code shellFolder}: the shell's {@code --rules}; {@code variable}: {@value #RULES_VARIABLE}'s value; either may be null. */
    RuleBases(String shellFolder, String variable) {
        this.shellFolder = shellFolder;
        this.variable = variable == null || variable.isBlank() ? null : variable;
    }

    /**
     * The assessor for the rules of a folder; null (no {@code --rules}) means the session's
     * folder. An empty one is refused as a usage error when loading, not taken for the default.
     */
    public Assessor assessor(String folder) {
        if (folder == null) {
            return sessionAssessor();
        }
        Path given = UserPaths.of(folder);
        Assessor loaded = loaded(given);
        // Keyed by the absolute folder; loaded by the path as given, so messages name it as the user wrote it.
        return loaded != null ? loaded : others.computeIfAbsent(key(given), p -> new Assessor(loadPlaced(given)));
    }

    /** The assessor already loaded for a folder: the session's, or another's; null when there is none. */
    private Assessor loaded(Path folder) {
        Session current = session.get();
        return current != null && key(current.folder()).equals(key(folder)) ? current.assessor() : others.get(key(folder));
    }

    /**
     * The knowledge base of a folder ({@code --rules}, null for the session's): that of its
     * rules when they are loaded, else read from the folder without compiling its rules.
     *
     * @throws org.apsa.rulebase.RuleBaseException when its knowledge-base.json has errors
     */
    public KnowledgeBase knowledgeBase(String folder) {
        Path given = folder(folder);
        Assessor loaded = loaded(given);
        return loaded != null ? loaded.rules().knowledgeBase() : RuleBaseLoader.knowledgeBase(given);
    }

    /** A reader of fact sets in the vocabulary of a folder's knowledge base (null for the session's). */
    public FactSetReader reader(String folder) {
        return new FactSetReader(knowledgeBase(folder).vocabulary());
    }

    /**
     * Compiles a folder anew and makes it the session's; when it does not compile, the
     * exception carries the errors and the rule base in use stays as it was.
     */
    public RuleBase reload(String folder) {
        Path given = folder(folder);
        Session fresh;
        synchronized (compiling) {
            fresh = new Session(given, new Assessor(load(given)));
            Session before = session.getAndSet(fresh);
            sessionFolder = given;
            others.remove(key(given));
            if (before == null || !key(before.folder()).equals(key(given))) {
                folderListener.accept(given);
            }
        }
        return fresh.assessor().rules();
    }

    /** The folder given as {@code --rules}, or the session's when none is given. */
    public Path folder(String folder) {
        return folder == null ? sessionFolder() : UserPaths.of(folder);
    }

    /**
     * The session's rules folder: the shell's {@code --rules DIR}, else {@value #RULES_VARIABLE},
     * else the rules embedded in the tool. A {@code rules/} folder in the current folder is
     * used only when named.
     */
    public Path sessionFolder() {
        Path folder = sessionFolder;
        if (folder == null) {
            synchronized (compiling) {
                folder = sessionFolder;
                if (folder == null) {
                    folder = defaultFolder();
                    startFolder = folder;
                    sessionFolder = folder;
                }
            }
        }
        return folder;
    }

    private Path defaultFolder() {
        if (shellFolder != null) {
            return UserPaths.of(shellFolder);
        }
        if (variable != null) {
            Path folder = UserPaths.of(variable);
            if (!Files.isDirectory(folder)) {
                throw new UsageException(RULES_VARIABLE + "=" + variable + ": " + (Files.exists(folder) ? "is a file, not a folder"
                        : "no such folder") + "; set it to the folder holding the .drl files, or unset it to use the embedded rules");
            }
            return folder;
        }
        return EmbeddedRules.folder();
    }

    /** Where the session's rules come from: "embedded", "APSA_RULES" or "--rules". */
    public String sessionOrigin() {
        return shellFolder != null ? "--rules" : variable != null ? RULES_VARIABLE : "embedded";
    }

    /** A folder of rules as a reader should see it named: the embedded rules by that name, any other by its path. */
    public static String describe(Path folder) {
        return EmbeddedRules.isEmbedded(folder) ? "the embedded rules" : folder.toString();
    }

    /**
     * One line on the session's rules: where they come from and their fingerprint, e.g.
     * "embedded, fingerprint 3fa2c1d9e0ab" or "/home/analyst/rules (APSA_RULES), fingerprint ...".
     */
    public String sessionSummary() {
        Path folder = sessionFolder();
        Session current = session.get();
        String fingerprint = current != null && current.folder().equals(folder) ? current.assessor().rules().fingerprint()
                : RuleBaseLoader.fingerprint(folder);
        String where = EmbeddedRules.isEmbedded(folder) ? "embedded"
                : folder.equals(startFolder) ? folder + " (" + sessionOrigin() + ")" : folder.toString();
        return where + ", fingerprint " + Provenance.shortFingerprint(fingerprint);
    }

    /** Told the new folder whenever a reload moves the session to another one (live reload follows it). */
    void onFolderChange(Consumer<Path> listener) {
        this.folderListener = listener;
    }

    private Assessor sessionAssessor() {
        Session current = session.get();
        if (current != null) {
            return current.assessor();
        }
        synchronized (compiling) {
            current = session.get();
            if (current == null) {
                Path folder = sessionFolder();
                current = new Session(folder, others.computeIfAbsent(key(folder), p -> new Assessor(loadPlaced(folder))));
                session.set(current);
                others.remove(key(folder));
            }
            return current.assessor();
        }
    }

    /** Whether the session has rules in use: false until a folder first compiles. */
    public boolean hasRulesInUse() {
        return session.get() != null;
    }

    /**
     * Loads a folder as its files are now (the compiled cache serves unchanged files); when it
     * does not compile, the errors are placed and worded as {@code rules validate} gives them
     * (at the statement, with the fix), not in Drools' words.
     */
    static RuleBase loadPlaced(Path folder) {
        try {
            RuleBase base = CompileProgress.standardError().during("Compiling " + describe(folder), () -> load(folder));
            base.warnings().forEach(System.err::println);
            return base;
        } catch (RuleBaseException e) {
            throw placed(folder, e, "The rules do not compile; 'rules validate' shows warnings too.");
        }
    }

    /**
     * Loads a folder as every command does: compiled (or from the compiled-rule cache) and
     * judged by the checks of 'rules validate', so that rules it calls wrong are not used.
     */
    static RuleBase load(Path folder) {
        return RuleBaseLoader.load(folder, RuleCache.standard(), Validator.checks());
    }

    /**
     * The errors of a folder that did not compile, placed and worded as 'rules validate' gives
     * them, then {@code verdict}; a failure without compile errors, or of the folder itself, as it is.
     */
    static RuleBaseException placed(Path folder, RuleBaseException failure, String verdict) {
        if (failure.problems().isEmpty() || failure instanceof RulesFolderException
                || failure.problems().stream().allMatch(p -> Path.of(p.file()).endsWith(KnowledgeBase.FILE))) {
            return failure;
        }
        return new RuleBaseException(new Validator().errorsAfterFailedLoad(folder, failure).stream().map(Finding::format)
                .collect(Collectors.joining("\n")) + "\n" + verdict);
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
