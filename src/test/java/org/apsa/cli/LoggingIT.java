package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the packaged jar's log lines go: log4j2.xml's file, whatever the command, with the
 * console left to results; Log4j2 rolls the file over, and a configuration the user names is
 * the one used.
 */
class LoggingIT {

    private static final String RULES = Jar.PROJECT.resolve("rules").toString();
    private static final String VALID = Jar.PROJECT.resolve("src/test/resources/cli/valid.json").toString();
    private static final String LOADED = "INFO  [main] o.a.r.RuleBaseLoader - ";

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @Test
    void aOneShotCommandLogsToTheFileOnlyReadableByItsOwner() throws Exception {
        Jar.Run run = Jar.run(cwd, logs, "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("RuleBaseLoader", "INFO", "WARN");
        Path log = logs.resolve("apsa.log");
        assertThat(Files.readString(log))
                .matches("(?s)(.*\n)?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} " + java.util.regex.Pattern.quote(LOADED) + ".*");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files).as("nothing written to the current folder").isEmpty();
        }
    }

    @Test
    void theLogFolderOfTheCommandLineComesBeforeTheEnvironmentsAndOneThatCannotBeMadeIsOneLine() throws Exception {
        Path chosen = cwd.resolve("chosen");
        Jar.Run run = Jar.run(cwd, logs, List.of("-Dapsa.log.dir=" + chosen), Map.of(), "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(chosen.resolve("apsa.log"))).contains(LOADED);
        assertThat(logs.resolve("apsa.log")).doesNotExist();

        Files.writeString(cwd.resolve("a-file"), "");
        Jar.Run broken = Jar.run(cwd, cwd.resolve("a-file/logs"), "assess", VALID, "--rules", RULES);

        assertThat(broken.exit()).as(broken.err()).isZero();
        assertThat(broken.out()).contains("cli-valid");
        assertThat(broken.err().lines()).singleElement().asString().startsWith("apsa: the log: ")
                .endsWith("Set APSA_LOG_DIR to a folder you can write to");
    }

    @Test
    void aLogDueToRollOverIsRolledOverByLog4jsCore() throws Exception {
        Path log = logs.resolve("apsa.log");
        try (RandomAccessFile full = new RandomAccessFile(log.toFile(), "rw")) {
            full.setLength(10L * 1024 * 1024 + 1);
        }

        Jar.Run run = Jar.run(cwd, logs, "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.size(log)).isLessThan(1024 * 1024);
        assertThat(Files.readString(log)).contains(LOADED);
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("apsa-\\d\\.log\\.gz"));
        }
    }

    @Test
    void aLog4jConfigurationNamedByTheUserIsTheOneUsed() throws Exception {
        Path own = cwd.resolve("own.log");
        Path config = cwd.resolve("log4j2-own.xml");
        Files.writeString(config, """
                <Configuration status="WARN">
                  <Appenders><File name="own" fileName="%s"><PatternLayout pattern="OWN %%c %%msg%%n"/></File></Appenders>
                  <Loggers><Root level="info"><AppenderRef ref="own"/></Root></Loggers>
                </Configuration>
                """.formatted(own));

        Jar.Run run = Jar.run(cwd, logs, List.of("-Dlog4j2.configurationFile=" + config), Map.of(), "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(own)).contains("OWN org.apsa.rulebase.RuleBaseLoader ");
        assertThat(logs.resolve("apsa.log")).doesNotExist();
    }
}
