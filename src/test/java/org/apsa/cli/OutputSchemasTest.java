package org.apsa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.Schemas;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.apsa.provenance.Provenance;
import org.apsa.render.SchemaVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON output, as the commands print or write it, validates against its schema published
 * in {@code schemas/} (read by a third-party validator), and opens with {@code schemaVersion}.
 * The schemas are exact: a key left out or added is invalid. A new JSON output adds its schema
 * there and a test here that runs the command.
 */
class OutputSchemasTest {

    private static final String BASELINE = "facts/baseline-2014-12.json";
    private static final RuleBases RULES = new RuleBases(null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> factFiles;

    @TempDir
    Path temp;

    @BeforeAll
    static void listFactFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            factFiles = files.filter(p -> !p.toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    @Test
    void assessmentsValidate() {
        for (Path file : factFiles) {
            assertValid("assessment.schema.json", run("assess", file.toString(), "--format", "json"));
        }
    }

    /**
     * {@code assess --format json} says which tool and rules made it (rules folder or
     * "embedded", their fingerprint, the tool's version), and no time: the same bytes on every run.
     */
    @Test
    void anAssessmentSaysItsToolAndRulesAndIsTheSameBytesOnEveryRun() throws IOException {
        String first = run("assess", BASELINE, "--format", "json");
        JsonNode provenance = JSON.readTree(first).path("provenance");

        assertThat(List.of(JSON.readTree(first).fieldNames().next(), provenance.path("tool").asText(), provenance.path("version").asText(),
                provenance.path("rules").asText(), provenance.path("rulesFingerprint").asText()))
                .containsExactly("schemaVersion", "apsa", Provenance.VERSION, "embedded", RULES.assessor(null).rules().fingerprint());
        assertThat(provenance.size()).as("tool, version, rules and fingerprint; no time").isEqualTo(4);
        assertThat(run("assess", BASELINE, "--format", "json")).isEqualTo(first);
        JsonNode folder = JSON.readTree(run("assess", BASELINE, "--format", "json", "--rules", "rules")).path("provenance");
        assertThat(folder.path("rules").asText()).isEqualTo("rules");
        assertThat(folder.path("rulesFingerprint").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void explanationsOfOutlooksJudgmentsAndIndicatorsValidate() {
        assertValid("explanation.schema.json", run("explain", BASELINE, "--format", "json"));
        assertValid("explanation.schema.json", run("explain", BASELINE, "--scenario", "chaos", "--format", "json"));
        assertValid("explanation.schema.json", run("explain", BASELINE, "--judgment", "usChina.mutualTrust.eroding", "--format", "json"));
        assertValid("explanation.schema.json", run("explain", BASELINE, "--judgment", "usChina.mutualTrust.rising", "--format", "json"));
        assertValid("explanation.schema.json", run("explain", BASELINE, "--judgment", "usChina.accommodation", "--format", "json"));
    }

    @Test
    void whyNotAndSensitivityValidateWithALeaderAndWithout() throws IOException {
        Path unknown = Files.writeString(temp.resolve("little.json"), "{\"id\": \"little\", \"indicators\": "
                + "{\"usChina.strategicDistrust\": {\"level\": \"low\", \"confidence\": 0.6}}}");
        for (String file : List.of(BASELINE, unknown.toString())) {
            for (String outlook : List.of("deep-integration", "polarization", "chaos")) {
                assertValid("why-not.schema.json", run("why-not", file, "--scenario", outlook, "--format", "json"));
            }
            assertValid("sensitivity.schema.json", run("sensitivity", file, "--format", "json"));
        }
        assertThat(run("why-not", unknown.toString(), "--scenario", "chaos", "--format", "json"))
                .as("a fact set with too little evidence").contains("\"needed\"");
    }

    @Test
    void explorationsValidateWithALeaderAndWithoutAndAsWrittenUnderOut() throws IOException {
        String baseline = run("explore", BASELINE, "--samples", "300", "--format", "json");
        assertValid("explore.schema.json", baseline);
        JsonNode tree = JSON.readTree(baseline);
        assertThat(tree.path("boxes").findValues("conditions")).as("boxes with conditions to validate").isNotEmpty();
        assertThat(tree.path("firedRules")).as("fired rules to validate").isNotEmpty();
        Path unknown = Files.writeString(temp.resolve("little.json"), "{\"id\": \"little\", \"indicators\": "
                + "{\"usChina.strategicDistrust\": {\"level\": \"low\", \"confidence\": 0.6}}}");
        String little = run("explore", unknown.toString(), "--samples", "300", "--vary", "usChina.strategicDistrust,usChina.militaryExchanges", "--format", "json");
        assertThat(little).as("a fact set with too little evidence as stated").contains("\"assessedLeader\" : null");
        assertValid("explore.schema.json", little);
        Path out = temp.resolve("explore");
        run("explore", BASELINE, "--samples", "300", "--vary", "unknown", "--out", out.toString(), "--format", "json");
        assertValid("explore.schema.json", Files.readString(out.resolve("exploration.json")));
        assertThat(Schemas.problems("explore.schema.json", baseline.replaceFirst("\"inBox\" :", "\"inTheBox\" :"))).isNotEmpty();
        assertThat(Schemas.problems("explore.schema.json", baseline.replaceFirst("\"histogram\" : \\[", "\"histogram\" : [ 1,")))
                .as("a histogram of 21 bins").isNotEmpty();
    }

    @Test
    void theVocabularyValidatesAndListsEveryIndicatorWithItsLevels() throws IOException {
        String json = run("vocabulary", "--format", "json");
        assertValid("vocabulary.schema.json", json);
        JsonNode indicators = JSON.readTree(json).path("indicators");
        assertThat(indicators).hasSize(KnowledgeBase.embedded().vocabulary().indicators().size());
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDef def = KnowledgeBase.embedded().vocabulary().indicators().get(i);
            assertThat(indicators.get(i).path("id").asText()).isEqualTo(def.id());
            assertThat(JSON.convertValue(indicators.get(i).path("levels"), List.class)).isEqualTo(def.scale().levels());
        }
    }

    @Test
    void batchLinesValidateAtEveryDetailAndSoDoTheErrors() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.jsonl"), "{\"id\": \"x\", \"indicators\": {\"no.such\": \"high\"}}\nnot json\n");
        for (String detail : List.of("full", "lean", "scores")) {
            Path out = temp.resolve(detail);
            run(ExitCode.INVALID_INPUT, "batch", "facts", bad.toString(), "--out", out.toString(), "--detail", detail);
            List<String> lines = Files.readAllLines(out.resolve("assessments.jsonl"));
            assertThat(lines).hasSize(factFiles.size());
            lines.forEach(line -> assertValid("assessment.schema.json", line));
            List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
            assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
            errors.forEach(line -> assertValid("batch-error.schema.json", line));
            assertValid("run.schema.json", Files.readString(out.resolve("run.json")));
        }
    }

    @Test
    void theSchemasAreExactSoThatAnOutputThatDriftsFromThemFails() {
        String full = run("assess", BASELINE, "--format", "json");
        // Each level's keys, and no other: a full assessment without its proof trees is no level.
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst("\"trace\" : \\[", "\"proof\" : ["))).isNotEmpty();
        String version = "\"schemaVersion\" : \"" + SchemaVersion.CURRENT + "\"";
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst(version + ",", ""))).isNotEmpty();
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst(version, "\"schemaVersion\" : \"2.0\"")))
                .isNotEmpty();
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst("\"rules\" : \"embedded\"", "\"rules\" : 1")))
                .as("the provenance is checked too").isNotEmpty();
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst("\"rank\" : 1,", "\"rank\" : \"1\","))).isNotEmpty();
        // A proof-tree node, described in a schema of its own.
        assertThat(Schemas.problems("assessment.schema.json", full.replaceFirst("\"because\" : \\[", "\"reasons\" : ["))).isNotEmpty();
        String whyNot = run("why-not", BASELINE, "--scenario", "chaos", "--format", "json");
        assertThat(Schemas.problems("why-not.schema.json", whyNot.replaceFirst("\\{", "{ \"extra\" : 1,"))).isNotEmpty();
    }

    private static void assertValid(String schema, String json) {
        try {
            assertThat(JSON.readTree(json).fieldNames().next()).as("the first key of %s", json).isEqualTo("schemaVersion");
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        Schemas.assertValid(schema, json);
    }

    private static String run(String... args) {
        return run(ExitCode.OK, args);
    }

    /** Runs a command one-shot as the tool does, and gives what it printed on standard output. */
    private static String run(ExitCode expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        Output output = new Output(stdout);
        Workbench bench = new Workbench(Workbench.Run.COMMAND);
        CommandHarness oneShot = new CommandHarness(stdout, new PrintStream(err, true, StandardCharsets.UTF_8),
                new AssessCommands(RULES, bench, output), new ExplainCommands(RULES, bench, output),
                new BatchCommands(RULES, output), new ExploreCommands(RULES, bench, output), new VocabularyCommands(output, RULES), new RulesCommands(RULES, output));
        List<String> words = new ArrayList<>(List.of(args));
        assertThat(oneShot.execute(words.toArray(String[]::new))).as("%s: %s", String.join(" ", args), err)
                .contains(expected.status());
        return out.toString(StandardCharsets.UTF_8);
    }
}
