package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A fact set saved as it was loaded is the same file: its layout, key order and $schema kept. */
class FactSetWriterTest {

    @Test
    void theShippedBaselineIsWrittenBackByteForByte() throws Exception {
        Path file = Path.of("facts/baseline-2014-12.json");
        FactSet facts = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file);

        assertThat(FactSetWriter.json(facts, "fact-set.schema.json")).isEqualTo(Files.readString(file));
    }

    @Test
    void everyShippedFactFileReadsBackAsItWasWritten() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("facts"))) {
            files = list.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")).sorted().toList();
        }
        for (Path file : files) {
            FactSet facts = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file);
            String written = FactSetWriter.json(facts, "fact-set.schema.json");
            assertThat(new FactSetReader(KnowledgeBase.embedded().vocabulary()).parse(file.toString(), written).factSet()).as(file.toString()).isEqualTo(facts);
            assertThat(written.lines().filter(l -> l.startsWith("    \"")).count()).as("one indicator a line in " + file)
                    .isEqualTo(facts.indicators().size());
        }
    }

    @Test
    void anEmptyFactSetHasAnEmptyIndicatorsObject() {
        assertThat(FactSetWriter.json(FactSet.empty("blank", KnowledgeBase.embedded().vocabulary()), null)).isEqualTo("{\n  \"id\": \"blank\",\n  \"indicators\": {}\n}\n");
    }
}
