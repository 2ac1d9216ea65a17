package org.apsa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line contract (knowledge model §5), checked on the packaged jar: results on
 * standard output only, one clear message on standard error, the documented exit statuses,
 * and nothing left in the current folder.
 */
class CommandLineIT {

    private static final String RULES = Jar.PROJECT.resolve("rules").toString();
    private static final String VALID = Jar.PROJECT.resolve("src/test/resources/cli/valid.json").toString();

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @Test
    void assessPrintsRankedOutlooksAndLeavesTheCurrentFolderClean() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("cli-valid", "polarization", "deep integration",
                "shared dominance of big powers", "falling into chaos");
        assertThat(run.out()).doesNotContain("\u001b[");
        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left).as("files left in the current folder").isEmpty();
        }
        assertThat(logs.resolve("apsa.log")).exists();
    }

    @Test
    void assessAsJsonHasTheContractKeysAndScoresSummingToOne() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "assess", "--file", VALID, "--format", "json", "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("factSet").path("id").asText()).isEqualTo("cli-valid");
        assertThat(json.has("status")).isTrue();
        assertThat(json.has("leading")).isTrue();
        assertThat(json.path("scenarios")).hasSize(4);
        double sum = 0;
        for (JsonNode s : json.path("scenarios")) {
            sum += s.path("score").asDouble();
            assertThat(s.path("likelihood").asText()).isNotBlank();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(json.path("judgments").isArray()).isTrue();
        assertThat(json.path("prescriptions").isArray()).isTrue();
        assertThat(json.path("trace").isArray()).isTrue();
    }

    @Test
    void explainAnswersAJudgmentThatDoesNotHoldAndRefusesOnlyAnIdNoRuleDraws() throws Exception {
        String baseline = Jar.PROJECT.resolve("facts/baseline-2014-12.json").toString();

        Jar.Run notHeld = Jar.run(cwd, logs, "explain", baseline, "--judgment", "usChina.mutualTrust.rising", "--rules", RULES);
        Jar.Run indicator = Jar.run(cwd, logs, "explain", baseline, "--judgment", "region.alignment", "--rules", RULES);
        Jar.Run madeUp = Jar.run(cwd, logs, "explain", baseline, "--judgment", "usChina.mutualTrust.risng", "--rules", RULES);

        assertThat(notHeld.exit()).as(notHeld.err()).isZero();
        assertThat(notHeld.out()).startsWith("usChina.mutualTrust.rising does not hold for baseline-2014-12: no rule drew it.")
                .doesNotContain("eroding");
        assertThat(indicator.exit()).as(indicator.err()).isZero();
        assertThat(indicator.out()).startsWith("region.alignment is an indicator, not a judgment");
        assertThat(madeUp.exit()).isEqualTo(2);
        assertThat(madeUp.out()).isEmpty();
        assertThat(madeUp.err()).contains("unknown judgment \"usChina.mutualTrust.risng\" (did you mean \"usChina.mutualTrust.rising\"?)");
    }

    @Test
    void anInvalidFactFileExitsOneWithEveryProblemAndNoStackTrace() throws Exception {
        String bad = Jar.PROJECT.resolve("src/test/resources/cli/two-problems.json").toString();

        Jar.Run run = Jar.run(cwd, logs, "assess", bad, "--rules", RULES);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(bad + ":4:5: unknown indicator \"us.presence.transparancy\" (did you mean \"us.presence.transparency\"?)");
        assertThat(run.err()).contains(bad + ":5:34: level \"hihg\" is not on the scale of \"usChina.strategicDistrust\" (did you mean \"high\"?); allowed: low | medium | high");
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "\u001b[");
    }

    @Test
    void rulesThatDoNotCompileExitThreeNamingTheFileAndLine() throws Exception {
        String broken = Jar.PROJECT.resolve("src/test/resources/rules-broken/java").toString();

        Jar.Run run = Jar.run(cwd, logs, "assess", VALID, "--rules", broken);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(broken + "/unknown-type.drl:");
        assertThat(run.err()).contains("NoSuchFact");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Jar.Run format = Jar.run(cwd, logs, "assess", VALID, "--format", "xml", "--rules", RULES);
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.out()).isEmpty();
        assertThat(format.err()).contains("unknown format \"xml\" for assess; use text, json, markdown");

        Jar.Run command = Jar.run(cwd, logs, "asses", VALID);
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.out()).isEmpty();
        assertThat(command.err()).contains("unknown command \"asses\" (did you mean \"assess\"?)");
        assertThat(command.err()).doesNotContain("\u001b[");
    }

    @Test
    void helpGoesToStandardOutputAndHelpOnANameThatIsNoCommandIsAUsageErrorWithTheNearestOne() throws Exception {
        Jar.Run overview = Jar.run(cwd, logs, "help");
        assertThat(overview.exit()).as(overview.err()).isZero();
        assertThat(overview.err()).isEmpty();
        assertThat(overview.out()).contains("\nAssessment\n  assess ", "\nRules\n  rules list ").doesNotContain("\u001b[")
                .endsWith("130 stopped (Ctrl-C).\n");
        // Not a terminal: lines end by the fixed width, never inside a word.
        assertThat(overview.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Help.PLAIN_WIDTH));

        Jar.Run unknown = Jar.run(cwd, logs, "help", "asess");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.status());
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).isEqualTo("unknown command \"asess\" (did you mean \"assess\"?); 'help' lists the commands\n");

        Jar.Run option = Jar.run(cwd, logs, "rules", "test", "--help");
        assertThat(option.exit()).isZero();
        assertThat(option.out()).startsWith("rules test: Run the rule tests").contains("\nUsage:   rules test [NAME...] [--rules RULES] [--format FORMAT] [--out OUT]\n");
    }

    @Test
    void aMissingFileExitsOne() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "assess", "no-such-file.json", "--rules", RULES);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no-such-file.json: no such file");
    }

    @Test
    void aRulesFolderThatDoesNotExistIsAUsageErrorInOneLine() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "assess", VALID, "--rules", cwd.resolve("no-such-rules").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(cwd.resolve("no-such-rules")
                + ": no such rules folder; give the folder holding the .drl files with --rules DIR\n");
    }

    @Test
    void anEmptyRulesFolderIsAUsageErrorNotTheDefaultOne() throws Exception {
        Path project = Jar.PROJECT;
        for (String[] args : new String[][]{{"rules", "list", "--rules", ""}, {"assess", VALID, "--rules="}}) {
            // Run where rules/ is: the default would load and succeed.
            Jar.Run run = Jar.run(project, logs, args);

            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("--rules is empty; give the folder holding the .drl files, or leave the option "
                    + "out for the default\n");
        }
    }
}
