package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the packaged jar's log lines go: a one-shot command writes them without starting
 * Log4j2's core (its start is a third of a one-shot run), and the core takes over when the
 * log is due to roll over or the user names a Log4j2 configuration.
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
    void aOneShotCommandLogsToTheFileWithoutStartingLog4jsCore() throws Exception {
        Path classes = cwd.resolve("classes.txt");
        Jar.Run run = Jar.run(cwd, logs, List.of("-Xlog:class+load:file=" + classes), Map.of(), "assess", VALID, "--rules", RULES);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(logs.resolve("apsa.log")))
                .matches("(?s)(.*\n)?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} " + java.util.regex.Pattern.quote(LOADED) + ".*");
        // Log4j2's API lists the core as a provider (a handful of classes) but never starts it.
        assertThat(Files.readString(classes)).contains("org.apache.logging.log4j.LogManager ")
                .doesNotContain("org.apache.logging.log4j.core.LoggerContext ", "org.apache.logging.log4j.core.layout.PatternLayout ",
                        "org.apache.logging.log4j.core.appender.RollingFileAppender ");
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
