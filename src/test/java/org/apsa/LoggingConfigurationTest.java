package org.apsa;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * log4j2.xml, the one logging configuration: where lines go, how they read, what the levels
 * let through, and what a log that cannot be written does. Each test starts a Log4j2 context
 * of its own from the shipped file.
 */
class LoggingConfigurationTest {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} ";

    @TempDir
    Path dir;

    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        System.clearProperty("apsa.log.dir");
    }

    private LoggerContext start(Path logDir) throws URISyntaxException {
        System.setProperty("apsa.log.dir", logDir.toString());
        context = new LoggerContext("test", null,
                Objects.requireNonNull(getClass().getResource("/log4j2.xml")).toURI());
        context.start();
        return context;
    }

    @Test
    void linesGoToApsaLogInTheFolderNamedWithTimeLevelThreadAndShortLoggerName() throws Exception {
        Logger logger = start(dir).getLogger("org.apsa.batch.Batch");

        logger.info("{} fact sets in {} ms", 12, 340);
        logger.error("unexpected failure", new IllegalStateException("boom"));

        String log = Files.readString(dir.resolve("apsa.log"));
        assertThat(log).containsPattern(TIME + "INFO  \\[main] o\\.a\\.b\\.Batch - 12 fact sets in 340 ms\\R")
                .containsPattern(TIME + "ERROR \\[main] o\\.a\\.b\\.Batch - unexpected failure\\Rjava\\.lang\\.IllegalStateException: boom\\R")
                .contains("at org.apsa.LoggingConfigurationTest.linesGoToApsaLogInTheFolderNamedWithTimeLevelThreadAndShortLoggerName");
    }

    @Test
    void librariesSayOnlyWarningsAndTheToolSaysNoDebugLines() throws Exception {
        LoggerContext logs = start(dir);

        for (String library : new String[] {"org.drools.core.Session", "org.kie.api.X", "org.springframework.shell.Y", "org.jline.Z"}) {
            logs.getLogger(library).info("library info");
            logs.getLogger(library).warn("library warning");
        }
        logs.getLogger("org.droolsextra.Other").info("not under org.drools");
        logs.getLogger("org.apsa.X").debug("apsa debug");

        String log = Files.readString(dir.resolve("apsa.log"));
        assertThat(log).doesNotContain("library info", "apsa debug").contains("not under org.drools");
        assertThat(log.lines().filter(l -> l.contains("library warning"))).hasSize(4);
    }

    @Test
    void theFileIsMadeOnTheFirstLineReadableByItsOwnerOnly() throws Exception {
        Path logs = dir.resolve("logs");
        Logger logger = start(logs).getLogger("org.apsa.X");
        assertThat(logs.resolve("apsa.log")).as("nothing logged, no file").doesNotExist();

        logger.info("first line");

        assertThat(Files.getPosixFilePermissions(logs.resolve("apsa.log"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void appendsToTheLogAlreadyThere() throws Exception {
        Files.writeString(dir.resolve("apsa.log"), "earlier line\n");

        start(dir).getLogger("org.apsa.X").info("later line");

        assertThat(Files.readAllLines(dir.resolve("apsa.log"))).hasSize(2).first().isEqualTo("earlier line");
    }

    @Test
    void anInternalErrorPointsToTheLogFileOfTheConfiguration() {
        assertThat(ApsaApplication.logFile()).endsWith(java.io.File.separator + "apsa.log");
    }

    @Test
    void aLogThatCannotBeWrittenIsOneLineOnStandardErrorAndLoggingGoesOn() throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LogProblems problems = new LogProblems(new PrintStream(err, true, StandardCharsets.UTF_8));
        StatusLogger.getLogger().registerListener(problems);
        try {
            Logger logger = start(dir.resolve("not-a-folder/logs")).getLogger("org.apsa.X");
            logger.info("first");
            logger.error("second", new IOException("x"));
        } finally {
            StatusLogger.getLogger().removeListener(problems);
        }

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("apsa: the log: ").contains(dir.resolve("not-a-folder/logs").toString())
                .endsWith("this run keeps no log. Set APSA_LOG_DIR to a folder you can write to" + System.lineSeparator());
    }
}
