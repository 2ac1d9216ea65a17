package org.apsa.cli;

import org.apsa.engine.Assessor;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The compiled rule bases of this process, by folder: compiled on first use, then reused,
 * so the shell compiles its rules once and a one-shot command only when it needs them. The
 * shell's session works with one folder ({@code rules/} unless reloaded from another); a
 * reload compiles beside the rule base in use and swaps only when the new one compiles.
 */
@Component
public class RuleBases {

    private final ConcurrentMap<Path, Assessor> assessors = new ConcurrentHashMap<>();
    private volatile Path sessionFolder = RuleBaseLoader.DEFAULT_FOLDER;

    /** The assessor for the rules of a folder; null or blank means the session's folder. */
    public Assessor assessor(String folder) {
        Path given = folder == null || folder.isBlank() ? sessionFolder : Path.of(folder);
        // Keyed by the absolute folder; loaded by the path as given, so messages name it as the user wrote it.
        return assessors.computeIfAbsent(key(given), p -> new Assessor(RuleBaseLoader.load(given)));
    }

    public RuleBase ruleBase(String folder) {
        return assessor(folder).rules();
    }

    /**
     * Compiles a folder anew and makes it the session's; when it does not compile, the
     * exception carries the errors and the rule base in use stays as it was.
     */
    public RuleBase reload(String folder) {
        Path given = folder == null || folder.isBlank() ? sessionFolder : Path.of(folder);
        Assessor fresh = new Assessor(RuleBaseLoader.load(given));
        assessors.put(key(given), fresh);
        sessionFolder = given;
        return fresh.rules();
    }

    public Path sessionFolder() {
        return sessionFolder;
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
