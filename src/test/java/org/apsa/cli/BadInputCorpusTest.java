package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.ShippedRules;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.fact.FactSetReader;
import org.apsa.render.Detail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.command.CommandHandlingResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * The whole bad-input corpus (src/test/resources/facts/bad, one fixture per defect, plus a
 * file too large to commit) through the code path of the command line, in this process:
 * the {@code assess} command reads the file, and the one failure mapping turns what it
 * throws into the message and exit status the user gets. The packaged jar is checked on a
 * few of them in {@code BadInputIT}. In a batch (the batch core here, the command on the jar
 * in BadInputIT), every valid record of the corpus is assessed and every defect is listed in
 * errors.jsonl.
 */
class BadInputCorpusTest {

    static final Path BAD = Path.of("src/test/resources/facts/bad");
    /** Problems with the file itself, before any line of it is read: no position applies. */
    private static final Set<String> WHOLE_FILE = Set.of("wrong-extension.txt", VeryLargeFile.NAME);
    /** Ids must be unique within a batch; each record of this file is valid on its own. */
    private static final String BATCH_ONLY = "duplicate-id.jsonl";
    /** {@code file:line:column: message}, or {@code file: message} for a whole-file problem. */
    private static final String POSITIONED = ":[1-9][0-9]*:[1-9][0-9]*: \\S.*";

    @TempDir
    static Path generated;
    private static Path veryLarge;

    @BeforeAll
    static void writeTheVeryLargeFile() throws IOException {
        veryLarge = VeryLargeFile.write(generated);
    }

    @TestFactory
    Stream<DynamicTest> everyDefectExitsOneWithOnePositionedMessagePerProblemAndNoStackTrace() throws IOException {
        List<Path> corpus = new ArrayList<>(corpus());
        corpus.add(veryLarge);
        AssessCommands assess = new AssessCommands(new RuleBases(null, null), new Workbench(Workbench.Run.SHELL), new Output(null, true));
        return corpus.stream().filter(f -> !f.getFileName().toString().equals(BATCH_ONLY)).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    Exception failure = catchException(() -> assess.assess(file.toString(), "json", "rules"));
                    CommandHandlingResult result = new Failures().resolve(failure);

                    assertThat(result.exitCode()).as("exit status, for %s", failure).isEqualTo(1);
                    String message = result.message();
                    assertThat(message).doesNotContain("Exception", "\tat ", "com.fasterxml", "org.apsa", "\u001b[");
                    List<String> lines = message.strip().lines().toList();
                    assertThat(lines).isNotEmpty();
                    String where = Pattern.quote(file.toString()) + (WHOLE_FILE.contains(file.getFileName().toString())
                            ? ": \\S.*" : POSITIONED);
                    assertThat(lines).allSatisfy(line -> assertThat(line).matches(where));
                    assertThat(lines).as("at most 100 problems and the notice").hasSizeLessThanOrEqualTo(101);
                }));
    }

    @Test
    void aBatchOfTheCorpusAssessesEveryValidRecordAndListsEveryDefect(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("out");

        Batch.Summary summary = new Batch(ShippedRules.assessor()).run(new Batch.Options(List.of(BAD, veryLarge), out,
                Set.of(Report.CSV), 2, Detail.FULL, null), Batch.Progress.NONE);

        // What should come out, worked out record by record with the reader alone.
        Set<String> validIds = new LinkedHashSet<>();
        Set<String> defective = new LinkedHashSet<>();
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        List<Path> inputs = new ArrayList<>(corpus().stream()
                .filter(f -> !f.getFileName().toString().endsWith(".txt")).toList());
        inputs.add(veryLarge);
        for (Path file : inputs) {
            reader.read(file, entry -> {
                if (entry.valid() && validIds.add(entry.factSet().id())) {
                    return;
                }
                defective.add(file.toString());
            });
        }
        assertThat(validIds).as("the good records among the bad").containsExactly("twin", "other", "third", "first");

        List<JsonNode> assessed = jsonLines(out.resolve("assessments.jsonl"));
        assertThat(summary.assessed()).isEqualTo(validIds.size());
        assertThat(assessed).extracting(a -> a.path("factSet").path("id").asText()).containsExactlyElementsOf(validIds);
        assertThat(assessed).allSatisfy(a -> assertThat(a.path("scenarios")).hasSize(4));
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(validIds.size() + 1);

        List<JsonNode> errors = jsonLines(out.resolve("errors.jsonl"));
        assertThat(errors.stream().map(e -> e.path("file").asText()).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(defective);
        assertThat(errors).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank().doesNotContain("Exception"));
        assertThat(errors).anySatisfy(e -> assertThat(e.path("message").asText()).startsWith("duplicate id \"twin\""));
    }

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.sorted().toList();
        }
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** A fact set padded past the 4 MiB limit: too large to commit, so made when needed. */
    static final class VeryLargeFile {
        static final String NAME = "very-large-file.json";

        static Path write(Path dir) throws IOException {
            byte[] head = "{\"id\": \"very-large-file\", \"indicators\": {}}".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[FactSetReader.MAX_DOCUMENT_BYTES + 1];
            java.util.Arrays.fill(bytes, (byte) ' ');
            System.arraycopy(head, 0, bytes, 0, head.length);
            return Files.write(dir.resolve(NAME), bytes);
        }
    }
}
