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
 * so that the shell compiles the rules once and a one-shot command compiles them only when
 * it needs them.
 */
@Component
public class RuleBases {

    private final ConcurrentMap<Path, Assessor> assessors = new ConcurrentHashMap<>();

    /** The assessor for the rules of a folder ({@code rules/} when null). */
    public Assessor assessor(String folder) {
        Path given = folder == null || folder.isBlank() ? RuleBaseLoader.DEFAULT_FOLDER : Path.of(folder);
        // Keyed by the absolute folder; loaded by the path as given, so messages name it as the user wrote it.
        return assessors.computeIfAbsent(given.toAbsolutePath().normalize(), p -> new Assessor(RuleBaseLoader.load(given)));
    }

    public RuleBase ruleBase(String folder) {
        return assessor(folder).rules();
    }
}
