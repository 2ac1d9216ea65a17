package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vocabulary} and {@code vocabulary --schema} speak of the knowledge base of the rules named. */
class VocabularyCommandTest {

    private static String run(String format, boolean schema, String rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new VocabularyCommands(new Output(out), new RuleBases(null, null)).vocabulary(format, schema, rules);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherKnowledgeBaseListsItsOwnIndicators() {
        String text = run("text", false, "examples/river-basin");

        assertThat(text).contains("basin.dataSharing", "none | partial | open").doesNotContain("us.presence.transparency");
    }

    @Test
    void theSchemaIsGeneratedFromTheKnowledgeBaseAndTheShippedOneFromRules() throws Exception {
        String example = run("text", true, "examples/river-basin");
        String shipped = run("text", true, "rules");

        assertThat(example).contains("\"basin.jointCommission\"", "\"working\"").doesNotContain("hotspot.");
        assertThat(shipped).isEqualTo(Files.readString(Path.of("facts/fact-set.schema.json"), StandardCharsets.UTF_8));
    }
}
