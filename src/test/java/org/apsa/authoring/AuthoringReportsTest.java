package org.apsa.authoring;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessor;
import org.apsa.engine.TestRules;
import org.apsa.fact.FactSet;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.ruletest.RuleTestReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule tests, coverage and the catalogue on the shipped rules (compiled once for the class). */
class AuthoringReportsTest {

    private static final RuleBase RULES = RuleBaseLoader.load(Path.of("rules"));
    private static final Assessor ASSESSOR = new Assessor(RULES);

    @Test
    void passingTestsTakeOneLineEach(@TempDir Path tests) throws Exception {
        for (String name : List.of("high-distrust-erodes-trust.json", "nobody-in-charge.json")) {
            Files.copy(Path.of("rules/tests", name), tests.resolve(name));
        }

        RuleTestReport report = RuleTestReport.run(ASSESSOR, tests);

        assertThat(report.failed()).isZero();
        assertThat(report.render()).isEqualTo("ok    high-distrust-erodes-trust\nok    nobody-in-charge\n"
                + tests + ": 2 rule tests, 2 passed, 0 failed\n");
    }

    @Test
    void aFailingTestShowsExpectedAndActualAndTheTraceOfTheOutlooksInQuestion(@TempDir Path tests) throws Exception {
        Files.writeString(tests.resolve("distrust-leads-to-integration.json"), """
                { "description": "A deliberately wrong expectation",
                  "facts": { "id": "wrong", "indicators": { "usChina.strategicDistrust": "high",
                                                            "region.alignment": "taking-sides" } },
                  "expect": { "leading": "deep-integration",
                              "judgments": { "absent": ["usChina.mutualTrust.eroding"] } } }
                """);

        RuleTestReport report = RuleTestReport.run(ASSESSOR, tests);
        String text = report.render();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(text).startsWith("FAIL  distrust-leads-to-integration - A deliberately wrong expectation\n");
        assertThat(text).contains("      leading: expected deep-integration, got polarization\n",
                "      judgment usChina.mutualTrust.eroding: expected absent, got present\n",
                "      trace:\n", "        deep-integration: ", "        polarization: ",
                "by \"Mutual trust erodes under high distrust\"");
        assertThat(text).endsWith(tests + ": 1 rule tests, 0 passed, 1 failed\n");
    }

    @Test
    void aMisspeltJudgmentIdFailsInsteadOfPassingForNothing(@TempDir Path tests) throws Exception {
        Files.writeString(tests.resolve("misspelt.json"), """
                { "facts": { "id": "m", "indicators": { "usChina.strategicDistrust": "low" } },
                  "expect": { "judgments": { "absent": ["usChina.mutualTrust.erodng"], "present": ["no.such.judgment"] } } }
                """);

        RuleTestReport report = RuleTestReport.run(ASSESSOR, tests);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.render()).contains(
                "      judgment no.such.judgment: expected a judgment the rules conclude, got an id no rule inserts\n",
                "      judgment usChina.mutualTrust.erodng: expected a judgment the rules conclude, got an id no rule inserts"
                        + " (did you mean usChina.mutualTrust.eroding?)\n");
    }

    @Test
    void aTestTheRulesCannotFinishIsARuleDefectInTheTextAndInTheJUnitXml() throws Exception {
        Path rules = TestRules.folderWithShippedScoring("escalates");
        Path tests = Files.createDirectories(rules.resolve("tests"));
        Files.copy(Path.of("rules/tests/no-containment-when-presence-transparent.json"), tests.resolve("t.json"));

        RuleTestReport report = RuleTestReport.run(new Assessor(RuleBaseLoader.load(rules)), tests);

        assertThat(report.defects()).isEqualTo(1);
        assertThat(report.render()).startsWith("FAIL  t - ")
                .contains("\n      " + tests.resolve("t.json") + "\n      rules failed: rule \"Doubt feeds doubt\" fired 20000 times");
        assertThat(report.junitXml(java.time.LocalDateTime.of(2026, 12, 7, 12, 0))).contains("failures=\"0\" errors=\"1\"",
                "<error message=\"rules failed: rule &quot;Doubt feeds doubt&quot; fired", "type=\"RuleDefect\"");
    }

    @Test
    void judgmentIdsAreReadFromTheRulesAndNotListedWhenOneIsComputed(@TempDir Path folder) throws Exception {
        assertThat(RULES.judgmentIds().orElseThrow())
                .contains("usChina.mutualTrust.eroding", "securityDilemma");
        Files.writeString(folder.resolve("computed.drl"), """
                package rules.computed;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Judgment;
                rule "Judgment named after its indicator"
                    @source("9") @claim("C9.1") @title("t")
                when
                    $i : Indicator( level == "high" )
                then
                    insertLogical(new Judgment($i.id() + ".high", 0.8));
                end
                """);
        assertThat(RuleBaseLoader.load(folder).judgmentIds()).isEmpty();

        Files.writeString(folder.resolve("computed.drl"), Files.readString(folder.resolve("computed.drl"))
                .replace("$i.id() + \".high\"", "\"usChina.\" + \"high\""));
        assertThat(RuleBaseLoader.load(folder).judgmentIds()).as("a literal that begins an id is not the id").isEmpty();
    }

    @Test
    void coverageCountsFiringsAndNamesWhatNoFactSetExercises() {
        FactSet distrust = new RuleTestReader(KnowledgeBase.embedded()).read(Path.of("rules/tests/high-distrust-erodes-trust.json")).facts();

        Coverage coverage = Coverage.of(ASSESSOR, List.of(distrust, distrust), "two copies");

        Coverage.RuleCount eroding = coverage.rules().stream()
                .filter(r -> r.rule().name().equals("Mutual trust erodes under high distrust")).findFirst().orElseThrow();
        assertThat(eroding.firings()).isEqualTo(2);
        assertThat(eroding.factSets()).isEqualTo(2);
        assertThat(coverage.neverFired()).extracting(r -> r.name()).contains("Hotspots are deteriorating")
                .doesNotContain("Mutual trust erodes under high distrust");
        assertThat(coverage.indicatorsNeverStated()).contains("hotspot.koreanPeninsula").doesNotContain("usChina.strategicDistrust");
        assertThat(coverage.levelsNeverStated()).containsEntry("usChina.strategicDistrust", List.of("low", "medium"));
        assertThat(coverage.render()).contains("Coverage over two copies (2 fact sets)", "Rules never fired (",
                "Indicators never stated (", "usChina.strategicDistrust            low, medium");
    }

    /** Regenerate with: java -jar target/apsa.jar rules doc --out rules/CATALOGUE.md */
    @Test
    void theCommittedCatalogueIsTheGeneratedOne() throws Exception {
        String committed = Files.readString(Path.of("rules/CATALOGUE.md"), StandardCharsets.UTF_8);

        assertThat(Catalogue.markdown(RULES))
                .as("rules/CATALOGUE.md is out of date; regenerate it with " + Catalogue.REGENERATE)
                .isEqualTo(committed);
    }

    @Test
    void theCatalogueSaysWhatEachRuleConcludesAndReads() {
        String md = Catalogue.markdown(RULES);

        assertThat(md).contains("| Mutual trust erodes under high distrust (line 13) | High strategic distrust between the US "
                + "and China erodes mutual trust | 5 | C5.2 | judgment `usChina.mutualTrust.eroding` | "
                + "`usChina.strategicDistrust` high |");
        assertThat(md).contains("| Eroding trust drives polarization (line 52) |");
        assertThat(md).contains("for polarization +1.5; against deep-integration -1.0");
    }
}
