package org.apsa.cli;

import org.apsa.engine.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule author's commands on the packaged jar: output, messages and exit statuses (--strict is checked in the shell test). */
class RulesCommandsIT {

    private static final Path PROJECT = Jar.PROJECT;
    private static final String RULES = PROJECT.resolve("rules").toString();
    private static final Path FIXTURES = PROJECT.resolve("src/test/resources/rules-authoring");

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @Test
    void validateIsSilentOnTheShippedRulesAndExitsThreeWithPositionsOnBrokenOnes() throws Exception {
        Jar.Run clean = Jar.run(cwd, logs, "rules", "validate", "--rules", RULES, "--strict");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).isEqualTo(RULES + ": 20 files, 96 rules, 0 errors, 0 warnings\n");
        assertThat(clean.err()).isEmpty();

        String broken = FIXTURES.resolve("syntax-error").toString();
        Jar.Run run = Jar.run(cwd, logs, "rules", "validate", "--rules", broken);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains(broken + "/syntax-error.drl:11:19: error: syntax error: this parenthesis is not closed",
                broken + "/syntax-error.drl:19:10: error: rule \"Confidence favours integration\": unknown fact type \"Judgmnt\"",
                "    fix: ");
        assertThat(run.err().strip()).isEqualTo("the rules have errors (" + broken + ": 1 file, 2 rules, 2 errors, 0 warnings)");
        assertThat(run.err() + run.out()).doesNotContain("\tat ", "\u001b[");
    }

    @Test
    void aFailingRuleTestExitsOneAndShowsExpectedActualAndTrace(@TempDir Path rules) throws Exception {
        copyRules(rules);
        Path tests = Files.createDirectories(rules.resolve("tests"));
        Files.copy(PROJECT.resolve("rules/tests/nobody-in-charge.json"), tests.resolve("nobody-in-charge.json"));
        Files.writeString(tests.resolve("wrong-leader.json"), """
                { "facts": { "id": "wrong", "indicators": { "usChina.strategicDistrust": "high", "region.alignment": "taking-sides" } },
                  "expect": { "leading": "chaos" } }
                """);

        Jar.Run run = Jar.run(cwd, logs, "rules", "test", "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("ok    nobody-in-charge\nFAIL  wrong-leader\n")
                .contains("      leading: expected chaos, got polarization\n", "      trace:\n", "        chaos: ")
                .endsWith(tests + ": 2 rule tests, 1 passed, 1 failed\n");
        assertThat(run.err().strip()).isEqualTo(tests + ": 1 of 2 rule tests failed");
    }

    @Test
    void aLoopingRuleInARuleTestExitsThreeNamingTheRule() throws Exception {
        Path loop = TestRules.folderWithShippedScoring("escalates");
        Path tests = Files.createDirectories(loop.resolve("tests"));
        Files.copy(PROJECT.resolve("rules/tests/no-containment-when-presence-transparent.json"), tests.resolve("t.json"));

        Jar.Run run = Jar.run(cwd, logs, "rules", "test", "--rules", loop.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("FAIL  t", "rules failed: rule \"Doubt feeds doubt\" fired 20000 times on fact set",
                "\"Doubt feeds doubt\"");
        // After the knowledge base's warnings for what this small folder leaves unused.
        assertThat(run.err()).contains("\nthe rules misbehaved on 1 rule test");
    }

    @Test
    void docWritesTheCommittedCatalogue() throws Exception {
        Path out = cwd.resolve("CATALOGUE.md");

        Jar.Run run = Jar.run(cwd, logs, "rules", "doc", "--rules", RULES, "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Wrote the catalogue of 96 rules to " + out + ".\n");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(PROJECT.resolve("rules/CATALOGUE.md")));
    }

    private static void copyRules(Path into) throws Exception {
        try (Stream<Path> files = Files.list(PROJECT.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
    }
}
