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
    void aRulesFolderThatIsNotThereIsAUsageErrorBeforeTheShellStarts(@TempDir Path dir) {
        assertThat(ApsaApplication.run("--rules", dir.resolve("none").toString())).isEqualTo(2);
    }
}
