package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The fact sets shipped in facts/ must read cleanly and point editors to the schema. */
class FactFilesTest {

    private static final Path FACTS = Path.of("facts");

    @Test
    void everyShippedFactSetReadsWithoutProblemsAndNamesTheSchema() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(FACTS)) {
            try (var listing = Files.list(FACTS)) {
                listing.filter(file -> file.getFileName().toString().endsWith(".json"))
                        .filter(file -> !file.getFileName().equals(FactSetSchema.COMMITTED.getFileName()))
                        .sorted()
                        .forEach(files::add);
            }
        }
        assumeFalse(files.isEmpty(), "facts/ holds no fact sets yet, only the schema");
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            reader.read(file, entry -> entry.problems().forEach(problem -> problems.add(problem.format())));
            if (!Files.readString(file).contains("\"$schema\": \"fact-set.schema.json\"")) {
                problems.add(file + ": add \"$schema\": \"fact-set.schema.json\" so editors check the file");
            }
        }
        assertThat(problems).as("problems in facts/").isEmpty();
    }
}
