package org.apsa.cli;

import org.apsa.rulebase.EmbeddedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which rules a run uses when no --rules is given: the shell's --rules, else APSA_RULES, else the embedded ones. */
class RulesInUseTest {

    @TempDir
    Path folder;

    @Test
    void withNothingNamedTheEmbeddedRulesAreUsedNotRulesInTheCurrentFolder() {
        RuleBases rules = new RuleBases(null, null);

        assertThat(EmbeddedRules.isEmbedded(rules.sessionFolder())).isTrue();
        assertThat(rules.sessionFolder().toAbsolutePath()).isNotEqualTo(Path.of("rules").toAbsolutePath());
        assertThat(rules.sessionOrigin()).isEqualTo("embedded");
        assertThat(rules.sessionSummary()).matches("embedded, fingerprint [0-9a-f]{12}");
    }

    @Test
    void apsaRulesNamesTheFolderAndTheSummarySaysSo() throws Exception {
        Files.copy(Path.of("rules/blocs.drl"), folder.resolve("blocs.drl"));
        RuleBases rules = new RuleBases(null, folder.toString());

        assertThat(rules.sessionFolder()).isEqualTo(folder);
        assertThat(rules.sessionSummary()).startsWith(folder + " (APSA_RULES), fingerprint ");
    }

    @Test
    void theShellsRulesOptionComesBeforeApsaRules() {
        RuleBases rules = new RuleBases("rules", folder.toString());

        assertThat(rules.sessionFolder()).isEqualTo(Path.of("rules"));
        assertThat(rules.sessionOrigin()).isEqualTo("--rules");
    }

    @Test
    void anApsaRulesThatIsNoFolderIsAUsageErrorNamingTheVariable() {
        RuleBases rules = new RuleBases(null, folder.resolve("missing").toString());

        assertThatThrownBy(rules::sessionFolder).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("APSA_RULES=" + folder.resolve("missing") + ": no such folder;")
                .hasMessageContaining("unset it to use the embedded rules");
    }

    @Test
    void anEmptyApsaRulesCountsAsUnset() {
        assertThat(new RuleBases(null, "").sessionOrigin()).isEqualTo("embedded");
    }
}
