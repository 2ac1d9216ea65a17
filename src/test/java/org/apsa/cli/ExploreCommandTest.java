package org.apsa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code explore} one-shot: what it prints, what it writes, and the usage errors it names. */
class ExploreCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final CommandHarness oneShot = new CommandHarness(stdout, new PrintStream(err, true, StandardCharsets.UTF_8),
            new ExploreCommands(new RuleBases(null, null), new Workbench(Workbench.Run.COMMAND), new Output(stdout)));

    @Test
    void printsWhoLeadsWithTheSettingsThatReproduceIt() {
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--samples", "300", "--seed", "9", "--threads", "1"))
                .contains(0);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("300 samples, seed 9, --vary all").contains("Who leads").contains("Sensitivity")
                .contains("Where each outlook leads");
        assertFitsEightyColumns(text);
    }

    @Test
    void aLongTitleWrapsUnderTheHeading(@TempDir Path dir) throws Exception {
        String title = "After the Shangri-La Dialogue, with the East and South China Seas tense and the Korean Peninsula quiet";
        Path facts = Files.writeString(dir.resolve("long.json"), "{\"id\": \"long-title\", \"title\": \"" + title + "\", "
                + "\"asOf\": \"2015-06-01\", \"indicators\": {\"usChina.strategicDistrust\": {\"level\": \"high\", \"confidence\": 0.6}}}");
        assertThat(oneShot.execute("explore", facts.toString(), "--samples", "200", "--threads", "1")).contains(0);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Exploration of long-title\n  After the Shangri-La Dialogue,");
        assertFitsEightyColumns(text);
    }

    @Test
    void readsTheFactSetFromStandardInputForDashAsEveryCommandThatTakesAFactFile() throws Exception {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of("facts/baseline-2014-12.json"))));
        try {
            assertThat(oneShot.execute("explore", "-", "--samples", "200", "--threads", "1")).contains(0);
        } finally {
            System.setIn(before);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Exploration of baseline-2014-12\n");
    }

    private static void assertFitsEightyColumns(String text) {
        assertThat(text.lines()).as("the text fits an 80-column terminal, no line ending in a space")
                .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80))
                .noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void writesEachFormatAskedForIntoTheOutFolder(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("new/results");
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--samples", "200", "--out", target.toString(),
                "--format", "json,text", "--vary", "usChina.strategicDistrust,region.alignment")).contains(0);
        JsonNode json = new ObjectMapper().readTree(target.resolve("exploration.json").toFile());
        assertThat(json.get("samples").asInt()).isEqualTo(200);
        assertThat(json.get("seed").asLong()).isEqualTo(1);
        assertThat(json.get("vary").asText()).isEqualTo("usChina.strategicDistrust,region.alignment");
        assertThat(json.at("/samplingModel/varied")).hasSize(2);
        assertThat(Files.readString(target.resolve("exploration.txt"))).contains("Who leads");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote " + target.resolve("exploration.json"))
                .contains("created the missing folder");
    }

    @Test
    void aMistypedIndicatorInVaryIsAUsageErrorWithADidYouMean() {
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--vary", "us.presence.transparancy")).contains(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did you mean \"us.presence.transparency\"");
    }

    @Test
    void severalFormatsNeedAnOutFolderAndSamplesMustBePositive() {
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--format", "json,text")).contains(2);
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--samples", "0")).contains(2);
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--format", "jsn")).contains(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give --out DIR").contains("--samples must be between 1")
                .contains("did you mean \"json\"");
    }

    @Test
    void anOutFolderThatIsAFileOrTooManyThreadsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "");
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--out", file.toString())).contains(2);
        assertThat(oneShot.execute("explore", "facts/baseline-2014-12.json", "--threads", "0")).contains(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + file + " is a file; give a folder for the results")
                .contains("--threads must be between 1 and 256, was 0");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theHtmlPageShowsTheFactSetsTextEscapedAndEverySection(@TempDir Path dir) throws Exception {
        Path facts = Files.writeString(dir.resolve("hostile.json"), "{\"id\": \"hostile\", \"title\": \"<script>alert(1)</script> & \\\"more\\\"\", "
                + "\"indicators\": {\"usChina.strategicDistrust\": {\"level\": \"high\", \"confidence\": 0.6}}}");
        assertThat(oneShot.execute("explore", facts.toString(), "--samples", "200", "--format", "html")).contains(0);
        String page = out.toString(StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>Exploration of hostile</title>")
                .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ").doesNotContain("<script")
                .contains("<h2>Who leads</h2>", "<h2>Scores</h2>", "<h2>Sensitivity</h2>", "<h2>Where each outlook leads</h2>")
                .contains("<code>usChina.strategicDistrust</code>").endsWith("</html>\n");
    }
}
