package org.apsa.cli;

import org.apsa.engine.Containment;
import org.apsa.engine.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that end the process or never return, run as a user runs the tool: in a process of
 * its own, one-shot and batch. None ends a run with status 0 or leaves it hanging; each
 * ends it with status 3 and names the rule.
 */
class HostileRulesProcessTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String TRANSPARENT = """
            {"id": "open", "indicators": {"us.presence.transparency": {"level": "high"}}}
            """;

    @TempDir
    Path cwd;

    private record Run(int exit, String out, String err) {
    }

    /** The tool's main class in a JVM of its own, on this test's class path. */
    private Run apsa(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("org.apsa.ApsaApplication");
        command.addAll(List.of(args));
        Path out = cwd.resolve("stdout.txt");
        Path err = cwd.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("APSA_LOG_DIR", cwd.resolve("logs").toString());
        builder.environment().put("APSA_CACHE_DIR", PROJECT.resolve("target/rule-cache").toString());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("apsa " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path facts() throws IOException {
        Path input = Files.createDirectories(cwd.resolve("in"));
        Files.writeString(input.resolve("open.json"), TRANSPARENT);
        return input;
    }

    @Test
    void aRuleThatCallsSystemExitZeroEndsAssessWithThreeNamingTheRule() throws Exception {
        String rules = TestRules.folderWithShippedScoring("exits").toString();

        Run run = apsa(List.of(), "assess", facts().resolve("open.json").toString(), "--rules", rules);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("rule \"Leave at a transparent presence\" ended the process (System.exit) on fact set "
                + "\"open\"; a rule must not end the process: remove the call. The run failed (exit status 3)");
    }

    @Test
    void aRuleThatCallsSystemExitZeroEndsABatchWithThree() throws Exception {
        String rules = TestRules.folderWithShippedScoring("exits").toString();

        Run run = apsa(List.of(), "batch", facts().toString(), "--out", cwd.resolve("out").toString(), "--rules", rules);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("rule \"Leave at a transparent presence\" ended the process (System.exit)");
        assertThat(cwd.resolve("out/assessments.jsonl")).doesNotExist();
    }

    @Test
    void aConsequenceThatLoopsEndsAssessAndBatchWithThreeNamingTheRule() throws Exception {
        String rules = TestRules.folderWithShippedScoring("spins").toString();
        List<String> deadline = List.of("-D" + Containment.DEADLINE_PROPERTY + "=2");

        Run assess = apsa(deadline, "assess", facts().resolve("open.json").toString(), "--rules", rules);
        Run batch = apsa(deadline, "batch", facts().toString(), "--out", cwd.resolve("out").toString(), "--rules", rules);

        for (Run run : List.of(assess, batch)) {
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("rule \"Spin at a transparent presence\" has run for more than 2 s without "
                    + "finishing on fact set \"open\"; it was stopped.");
        }
    }

    @Test
    void aConsequenceThatAllocatesWithoutEndEndsWithThreeNamingTheRule() throws Exception {
        String rules = TestRules.folderWithShippedScoring("hoards").toString();

        Run run = apsa(List.of("-Xmx128m"), "assess", facts().resolve("open.json").toString(), "--rules", rules);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("rule \"Hoard at a transparent presence\" ran out of memory on fact set \"open\"")
                .doesNotContain("OutOfMemoryError");
    }

    /** The shipped rules in a folder of the test's, with one text replaced. */
    private Path shippedRulesWith(String file, String from, String to) throws IOException {
        Path rules = Files.createDirectories(cwd.resolve("rules"));
        try (var files = Files.list(PROJECT.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path changed = rules.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).contains(from);
        Files.writeString(changed, text.replace(from, to));
        return rules;
    }

    @Test
    void rulesThatValidateCallsWrongAreRefusedByAssessAndBatch() throws Exception {
        Path rules = shippedRulesWith("china-role.drl", "id == \"china.securityDialogue\", level == \"high\"",
                "id == \"china.securityDialogue\", level == \"hihg\"");
        Path baseline = PROJECT.resolve("facts/baseline-2014-12.json");

        Run assess = apsa(List.of(), "assess", baseline.toString(), "--rules", rules.toString());
        Run batch = apsa(List.of(), "batch", baseline.toString(), "--out", cwd.resolve("out").toString(), "--rules", rules.toString());

        for (Run run : List.of(assess, batch)) {
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(rules.resolve("china-role.drl") + ":38:62: error: rule \"An open security dialogue "
                    + "supports integration\": level \"hihg\" is not on the scale", "The rules have 1 error, so they are not used");
        }
    }

    @Test
    void aWarningOfTheRulesIsPrintedOnceForARun() throws Exception {
        Path rules = shippedRulesWith("china-role.drl", "    @title(\"China discussing and shaping the security arrangement with other "
                + "regional countries supports integration\")\n", "");
        Path input = Files.createDirectories(cwd.resolve("many"));
        for (String f : List.of("baseline-2014-12.json", "analyst-a-2015-06.json", "analyst-b-2015-06.json")) {
            Files.copy(PROJECT.resolve("facts").resolve(f), input.resolve(f));
        }

        Run run = apsa(List.of(), "batch", input.toString(), "--out", cwd.resolve("out").toString(), "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(0);
        String warning = rules.resolve("china-role.drl") + ":34:1: warning: rule \"An open security dialogue supports integration\" "
                + "has no @title";
        assertThat(run.err()).contains(warning);
        assertThat(run.err().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    }
}
