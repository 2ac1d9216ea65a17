package org.apsa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar apsa.jar --rules DIR}: the shell on another rules folder. */
class ShellLaunchTest {

    @Test
    void onlyARulesFolderAloneOpensTheShellOnIt() {
        assertThat(ApsaApplication.shellRules("--rules", "my-rules")).contains("my-rules");
        assertThat(ApsaApplication.shellRules("--rules=my-rules")).contains("my-rules");
        assertThat(ApsaApplication.shellRules("assess", "x.json", "--rules", "my-rules")).isEmpty();
        assertThat(ApsaApplication.shellRules()).isEmpty();
    }

    @Test
    void aRulesFolderThatIsNotThereIsEmptyOrIsAFileIsAUsageErrorBeforeTheShellStarts(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("README.md"), "not rules");

        assertThat(ApsaApplication.run("--rules", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(ApsaApplication.run("--rules", dir.toString())).isEqualTo(2);
        assertThat(ApsaApplication.run("--rules", file.toString())).isEqualTo(2);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> org.apsa.rulebase.RuleBaseLoader.drlFiles(file)))
                .hasMessage(file + ": is a file, not a folder of rules; give the folder holding the .drl files with --rules DIR");
    }

    @Test
    void anEmptyRulesFolderIsAUsageErrorBeforeTheShellStartsNotTheCurrentFolder() {
        // Run from the project folder, where rules/ holds rules that would compile.
        assertThat(ApsaApplication.run("--rules", "")).isEqualTo(2);
        assertThat(ApsaApplication.run("--rules=")).isEqualTo(2);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> org.apsa.rulebase.RuleBaseLoader.drlFiles(Path.of(""))))
                .isInstanceOf(org.apsa.rulebase.RulesFolderException.class)
                .hasMessage("--rules is empty; give the folder holding the .drl files, or leave the option out for the default");
    }

    @Test
    void aRulesFolderThatNamesNoPathOrAScriptThatIsNotThereIsAUsageErrorSaidInOneLine(@TempDir Path dir) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(ApsaApplication.run("--rules", "my\0rules")).isEqualTo(2);
            assertThat(ApsaApplication.run("@" + dir.resolve("none.apsa"))).isEqualTo(2);
        } finally {
            System.setErr(before);
        }

        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("\"my?rules\" is not a usable path: ")
                .endsWith("\n" + dir.resolve("none.apsa") + ": no such file; give a file of shell commands, e.g. @examples/session.apsa\n")
                .doesNotContain("internal error", "Exception");
    }

    @Test
    void aOneShotCommandsFailureEndsTheRunWithTheStatusSpringBootWasGivenForIt(@TempDir Path dir) throws Exception {
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"), "{ not json");

        // The documented statuses (docs/commands.md): 1 invalid input, 3 rule base error.
        assertThat(ApsaApplication.run("assess", broken.toString())).isEqualTo(1);
        assertThat(ApsaApplication.run("rules", "validate", "--rules", "src/test/resources/rules-broken/syntax")).isEqualTo(3);
        assertThat(ApsaApplication.run("version")).isZero();
    }
}
