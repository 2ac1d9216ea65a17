package org.apsa.cli;

import org.apsa.authoring.Finding;
import org.apsa.authoring.Validator;
import org.apsa.engine.Assessor;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesFolderException;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleCache;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The compiled rule bases of this process, by folder: compiled on first use, then reused,
 * so the shell compiles its rules once and a one-shot command only when it needs them. The
 * shell's session works with one folder ({@code rules/} unless reloaded from another); a
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
    /** The shell's rules folder when it is started with {@code --rules DIR}. */
    public static final String SESSION_FOLDER_PROPERTY = "apsa.shell.rules";

    private volatile Path sessionFolder = UserPaths.of(System.getProperty(SESSION_FOLDER_PROPERTY, RuleBaseLoader.DEFAULT_FOLDER.toString()));
    private volatile Consumer<Path> folderListener = folder -> { };

    /**
     * The assessor for the rules of a folder; null (no {@code --rules}) means the session's
     * folder. An empty one is refused as a usage error when loading, not taken for the default.
     */
    public Assessor assessor(String folder) {
        if (folder == null) {
            return sessionAssessor();
        }
        Path given = UserPaths.of(folder);
        Session current = session.get();
        if (current != null && key(current.folder()).equals(key(given))) {
            return current.assessor();
        }
        // Keyed by the absolute folder; loaded by the path as given, so messages name it as the user wrote it.
        return others.computeIfAbsent(key(given), p -> new Assessor(loadPlaced(given)));
    }

    public RuleBase ruleBase(String folder) {
        return assessor(folder).rules();
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
        return folder == null ? sessionFolder : UserPaths.of(folder);
    }

    public Path sessionFolder() {
        return sessionFolder;
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
                Path folder = sessionFolder;
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
            RuleBase base = load(folder);
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
        if (failure.problems().isEmpty() || failure instanceof RulesFolderException) {
            return failure;
        }
        return new RuleBaseException(new Validator().errorsAfterFailedLoad(folder, failure).stream().map(Finding::format)
                .collect(Collectors.joining("\n")) + "\n" + verdict);
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
