package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few fixtures of the bad-input corpus on the packaged jar, one of each kind (the whole
 * corpus goes through the same code path in {@link BadInputCorpusTest}): exit status 1,
 * nothing on standard output, and on standard error one line per problem naming the file,
 * line and column, with no stack trace.
 */
class BadInputIT {

    private static final Path BAD = Jar.PROJECT.resolve("src/test/resources/facts/bad");
    private static final String RULES = Jar.PROJECT.resolve("rules").toString();

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @Test
    void binaryGarbageInvalidUtf8AndABadJsonlLineEachExitOneWithPositionedLines() throws Exception {
        for (String fixture : List.of("binary-garbage.json", "invalid-utf8.json", "jsonl-one-bad-line.jsonl")) {
            String file = BAD.resolve(fixture).toString();

            Jar.Run run = Jar.run(cwd, logs, "assess", file, "--rules", RULES);

            assertThat(run.exit()).as(fixture + ": " + run.err()).isEqualTo(1);
            assertThat(run.out()).as(fixture).isEmpty();
            assertThat(run.err().strip().lines().toList()).as(fixture).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches(Pattern.quote(file) + ":[1-9][0-9]*:[1-9][0-9]*: \\S.*"));
            assertThat(run.err()).as(fixture).doesNotContain("Exception", "\tat ", "\u001b[");
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutBeingRead() throws Exception {
        Path large = BadInputCorpusTest.VeryLargeFile.write(cwd);

        Jar.Run run = Jar.run(cwd, logs, "assess", large.toString(), "--rules", RULES);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(large + ": is larger than 4 MiB, the limit for one fact set;"
                + " split it or use a .jsonl file");
    }

    @Test
    void aBatchOfTheCorpusAssessesTheGoodRecordsAndExitsOne() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "batch", BAD.toString(), "--out", "out", "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.readAllLines(cwd.resolve("out/assessments.jsonl")))
                .extracting(line -> line.replaceAll("^\\{\"schemaVersion\":\"[^\"]+\",\"factSet\":\\{\"id\":\"([^\"]+)\".*", "$1"))
                .containsExactly("twin", "other", "third", "first");
        assertThat(Files.readAllLines(cwd.resolve("out/errors.jsonl"))).hasSizeGreaterThan(50);
    }
}
