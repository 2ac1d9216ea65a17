package org.apsa.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's banner says the tool's version and which rules are in use. */
class BannerTest {

    @Test
    void theBannerNamesTheVersionAndTheRulesWithTheirFingerprint() {
        String banner = new InteractiveRunner(null, null, null, null, new RuleBases(null, null)).banner();

        assertThat(banner).matches("APSA \\d+\\.\\d+\\.\\d+\\S*, rules: embedded, fingerprint [0-9a-f]{12}\\.\n"
                + "'help' lists the commands; Ctrl-D or 'exit' ends the shell\\.");
        assertThat(banner.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
}
