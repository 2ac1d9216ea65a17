package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paths typed in the shell or a script: '~' is the home folder, as a Unix shell reads it. */
class UserPathsTest {

    private static final String HOME = System.getProperty("user.home");

    @Test
    void aLeadingTildeIsTheHomeFolder() {
        assertThat(UserPaths.of("~")).isEqualTo(Path.of(HOME));
        assertThat(UserPaths.of("~/views/mine.json")).isEqualTo(Path.of(HOME, "views", "mine.json"));
    }

    @Test
    void anyOtherPathIsTakenAsWritten() {
        assertThat(UserPaths.of("facts/baseline-2014-12.json")).isEqualTo(Path.of("facts/baseline-2014-12.json"));
        assertThat(UserPaths.of("/tmp/~/x.json")).isEqualTo(Path.of("/tmp/~/x.json"));
        // A file may be called so; a shell, too, leaves it when no user has that name.
        assertThat(UserPaths.of("~draft.json")).isEqualTo(Path.of("~draft.json"));
    }

    @Test
    void textThatCannotNameAFileIsAUsageError() {
        assertThatThrownBy(() -> UserPaths.of("bad\0name.json")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("\"bad?name.json\" is not a usable path");
    }
}
