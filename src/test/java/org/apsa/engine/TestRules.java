package org.apsa.engine;

import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Rule folders for engine tests: a test folder plus the shipped scoring rules, compiled together. */
public final class TestRules {

    private TestRules() {
    }

    public static RuleBase withShippedScoring(String testFolder) {
        return RuleBaseLoader.load(folderWithShippedScoring(testFolder));
    }

    /** A temporary rules folder: the shipped scoring rules and the rules of a test folder. */
    public static Path folderWithShippedScoring(String testFolder) {
        try {
            Path dir = Files.createTempDirectory("apsa-rules");
            Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/rules-engine", testFolder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
