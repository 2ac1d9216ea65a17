package org.apsa.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apsa.fact.KnowledgeBase;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Rule folders for engine tests: a test folder plus the shipped scoring rules, compiled together.
 * The shipped scoring weighs each outlook's support as a share of its reach under the shipped
 * rules (rules/README.md, "Calibration"); a test folder has rules of its own, so here its
 * knowledge base is the shipped one without the normalisation ("full"), and a test's weights are
 * its scores' units.
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
            Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
            Files.writeString(dir.resolve(KnowledgeBase.FILE), withoutNormalisation(Files.readString(Path.of("rules", KnowledgeBase.FILE))));
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

    /** The shipped knowledge base without the scoring's "full": support counts as it is, whatever each outlook's reach. */
    static String withoutNormalisation(String knowledgeBase) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(knowledgeBase);
        if (((ObjectNode) root.get("scoring")).remove("full") == null) {
            throw new IllegalStateException("rules/knowledge-base.json no longer gives the scoring's \"full\": update TestRules");
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
