package org.apsa.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rules test NAME...} runs only the tests named; {@code --format junit} writes JUnit XML for CI. */
class RulesTestCommandTest {

    @TempDir
    Path rules;
    @TempDir
    Path results;

    private Path tests;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void rulesWithTwoGoodTestsOneFailingAndOneUnreadable() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        tests = Files.createDirectories(rules.resolve("tests"));
        Files.copy(Path.of("rules/tests/nobody-in-charge.json"), tests.resolve("nobody-in-charge.json"));
        Files.copy(Path.of("rules/tests/high-distrust-erodes-trust.json"), tests.resolve("high-distrust-erodes-trust.json"));
        Files.writeString(tests.resolve("wrong-leader.json"), """
                { "description": "a <leader> & \\"quotes\\" the rules do not draw",
                  "facts": { "id": "wrong", "indicators": { "usChina.strategicDistrust": "high", "region.alignment": "taking-sides" } },
                  "expect": { "leading": "chaos" } }
                """);
        Files.writeString(tests.resolve("being-written.json"), "{ \"facts\": ");
    }

    @Test
    void namedTestsRunAloneAndAnUnreadableOneNotNamedStopsNothing() {
        assertThat(run("rules", "test", "nobody-in-charge", "high-distrust-erodes-trust.json", "--rules", rules.toString()))
                .isEqualTo(ExitCode.OK.status());

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("ok    high-distrust-erodes-trust\nok    nobody-in-charge\n" + tests + ": 2 rule tests, 2 passed, 0 failed\n");
    }

    @Test
    void aNameThatIsNoTestsIsAUsageErrorWithTheClosestName() {
        assertThat(run("rules", "test", "nobody-in-charg", "--rules", rules.toString())).isEqualTo(ExitCode.USAGE.status());

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no rule test named \"nobody-in-charg\" in " + tests,
                "(did you mean \"nobody-in-charge\"?)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void junitXmlHasATestCasePerRuleTestAndTheFailureWithItsMessage() throws Exception {
        assertThat(run("rules", "test", "nobody-in-charge", "wrong-leader", "--rules", rules.toString(),
                "--format", "junit", "--out", results.toString())).isEqualTo(ExitCode.INVALID_INPUT.status());

        Path file = results.resolve("TEST-rule-tests.xml");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL  wrong-leader", "JUnit XML: " + file);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("nobody-in-charge", "wrong-leader");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("leading: expected chaos, got polarization");
        assertThat(failure.getTextContent()).startsWith("a <leader> & \"quotes\" the rules do not draw\n")
                .contains("trace:\n", "chaos: ");
    }

    @Test
    void junitXmlWithoutAFolderGoesToStandardOutput() throws Exception {
        assertThat(run("rules", "test", "nobody-in-charge", "--rules", rules.toString(), "--format", "junit"))
                .isEqualTo(ExitCode.OK.status());

        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    }

    @Test
    void outWithoutJunitIsAUsageError() {
        assertThat(run("rules", "test", "--rules", rules.toString(), "--out", results.toString())).isEqualTo(ExitCode.USAGE.status());

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("add --format junit");
    }

    private int run(String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        Output output = new Output(stdout);
        RuleBases ruleBases = new RuleBases(null, null);
        CommandHarness oneShot = new CommandHarness(stdout, new PrintStream(err, true, StandardCharsets.UTF_8), new RulesCommands(ruleBases, output));
        return oneShot.execute(args).orElseThrow();
    }
}
