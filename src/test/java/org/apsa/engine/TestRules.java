package org.apsa.engine;

import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule folders for engine tests: a test folder plus the shipped scoring rules, compiled together.
 * The shipped scoring weighs each outlook's support as a share of its reach under the shipped
 * rules (rules/README.md, "Calibration"); a test folder has rules of its own, so here every
 * reach is the full weight, and a test's weights are its scores' units, as with no normalisation.
 */
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
            Files.writeString(dir.resolve("scoring.drl"), withoutNormalisation(Files.readString(Path.of("rules/scoring.drl"))));
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

    private static final Pattern FULL = Pattern.compile("Scoring\\.scores\\(3\\.0, ([0-9.]+), reach");
    private static final Pattern REACH = Pattern.compile("double\\[\\] reach = \\{[^}]*\\}");

    /** The shipped scoring rules with every outlook's reach equal to the full weight. */
    static String withoutNormalisation(String scoring) {
        Matcher full = FULL.matcher(scoring);
        if (!full.find() || !REACH.matcher(scoring).find()) {
            throw new IllegalStateException("rules/scoring.drl no longer declares 'double[] reach = {...}' and calls "
                    + "'Scoring.scores(3.0, FULL, reach, ...)': update TestRules to the new scoring rule");
        }
        String f = full.group(1);
        return REACH.matcher(scoring).replaceFirst(Matcher.quoteReplacement("double[] reach = { " + f + ", " + f + ", " + f + ", " + f + " }"));
    }
}
