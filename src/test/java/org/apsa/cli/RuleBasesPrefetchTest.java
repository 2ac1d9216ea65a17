package org.apsa.cli;

import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules loaded ahead of a one-shot command are the ones the command gets, errors included. */
class RuleBasesPrefetchTest {

    @Test
    void aPrefetchedFolderThatDoesNotExistFailsAsALoadWould(@TempDir Path dir) {
        Path missing = dir.resolve("no-rules");
        OneShot.prefetchRules("assess", "facts/baseline-2014-12.json", "--rules", missing.toString());

        assertThatThrownBy(() -> new RuleBases().assessor(missing.toString()))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage(missing + ": no such rules folder; give the folder holding the .drl files with --rules DIR");
    }

    @Test
    void thePrefetchedRulesAreTheFoldersAsTheyWereWhenTheCommandStarted(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.copy(Path.of("rules/scoring.drl"), rules.resolve("scoring.drl"));
        Files.copy(Path.of("src/test/resources/rules-engine/basic/engine-basic.drl"), rules.resolve("engine-basic.drl"));
        OneShot.prefetchRules("why-not", "facts/baseline-2014-12.json", "--rules=" + rules);

        RuleBase used = new RuleBases().ruleBase(rules.toString());

        assertThat(used.folder()).isEqualTo(rules);
        assertThat(used.rule("Doubts reduced by open alliances")).isPresent();
    }
}
