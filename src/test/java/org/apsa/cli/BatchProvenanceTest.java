package org.apsa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.ShippedRules;
import org.apsa.provenance.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch says where its results come from (tool version, rules fingerprint, time) in
 * run.json and in its reports, never in assessments.jsonl, whose lines stay the same bytes
 * from run to run.
 */
class BatchProvenanceTest {

    @TempDir
    Path temp;

    @Test
    void runJsonAndTheReportsSayTheVersionRulesAndTimeAndTheLinesStayTheSame() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        batch(first);
        Thread.sleep(1_100);
        batch(second);

        JsonNode run = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        assertThat(run.path("version").asText()).isEqualTo(Provenance.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(run.path("rules").asText()).isEqualTo("embedded");
        String fingerprint = ShippedRules.ruleBase().fingerprint();
        assertThat(run.path("rulesFingerprint").asText()).isEqualTo(fingerprint);
        Instant created = Instant.parse(run.path("created").asText());
        assertThat(created).isBetween(before, Instant.now());
        assertThat(run.path("assessed").asInt()).isEqualTo((int) Files.readAllLines(first.resolve("assessments.jsonl")).size());

        String sentence = "Made by apsa " + Provenance.VERSION + " on " + created + ", with the embedded rules"
                + " (fingerprint " + fingerprint.substring(0, 12) + ").";
        assertThat(Files.readString(first.resolve("report.md"))).contains("\n\n" + sentence + "\n\n");
        assertThat(Files.readString(first.resolve("report.html"))).contains(">" + sentence + "</p>");

        assertThat(Files.readAllBytes(second.resolve("assessments.jsonl"))).isEqualTo(Files.readAllBytes(first.resolve("assessments.jsonl")));
        assertThat(Files.readString(first.resolve("assessments.jsonl"))).doesNotContain(fingerprint, run.path("created").asText());
        assertThat(Files.readString(second.resolve("run.json"))).isNotEqualTo(Files.readString(first.resolve("run.json")));
    }

    private static void batch(Path out) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        CommandHarness oneShot = new CommandHarness(print, new PrintStream(stderr, true, StandardCharsets.UTF_8),
                new BatchCommands(new RuleBases(null, null), new Output(print)));
        assertThat(oneShot.execute("batch", "facts", "--out", out.toString(), "--format", "all"))
                .as(stderr.toString(StandardCharsets.UTF_8)).contains(ExitCode.OK.status());
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("run.json");
    }
}
