package org.apsa.log;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.spi.LoggerContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file log of one-shot commands must be indistinguishable from what Log4j2's core writes
 * with {@code log4j2.xml}: the same layout, levels and file, checked against the XML itself
 * so that the two cannot drift apart.
 */
class FileLogTest {

    private static Element config;

    @TempDir
    Path dir;

    @BeforeAll
    static void readLog4jXml() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/resources/log4j2.xml").toFile());
        config = xml.getDocumentElement();
    }

    private static Element only(String tag) {
        NodeList nodes = config.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag + " elements in log4j2.xml").isEqualTo(1);
        return (Element) nodes.item(0);
    }

    @Test
    void linesAreLaidOutAsLog4jsPatternLayoutLaysThemOut() {
        PatternLayout layout = PatternLayout.newBuilder().withPattern(only("PatternLayout").getAttribute("pattern")).build();
        long time = Instant.parse("2026-03-01T09:05:07.042Z").toEpochMilli();
        IllegalStateException failure = new IllegalStateException("broken", new IOException("disk full"));
        record Case(String logger, Level level, String message, Throwable thrown) {
        }
        for (Case c : List.of(
                new Case("org.apsa.rulebase.RuleBaseLoader", Level.INFO, "loaded 89 rules", null),
                new Case("org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.WARN, "File 'a.drl'", null),
                new Case("Top", Level.ERROR, "unexpected failure", failure),
                new Case("org.apsa.cli.Failures", Level.DEBUG, "détail ünïcode", null))) {
            String expected = layout.toSerializable(Log4jLogEvent.newBuilder()
                    .setLoggerName(c.logger()).setLevel(c.level()).setThreadName("worker-1")
                    .setMessage(new SimpleMessage(c.message())).setThrown(c.thrown()).setTimeMillis(time).build());

            assertThat(FileLog.format(Instant.ofEpochMilli(time), c.level(), "worker-1", c.logger(), c.message(), c.thrown()))
                    .as(c.toString()).isEqualTo(expected);
        }
    }

    @Test
    void levelsFileAndRollOverSizeAreLog4jXmls() {
        Map<String, Level> configured = new HashMap<>();
        NodeList loggers = config.getElementsByTagName("Logger");
        for (int i = 0; i < loggers.getLength(); i++) {
            Element logger = (Element) loggers.item(i);
            configured.put(logger.getAttribute("name"), Level.valueOf(logger.getAttribute("level")));
        }
        assertThat(FileLog.LEVELS).isEqualTo(configured);
        assertThat(Level.valueOf(only("Root").getAttribute("level"))).isEqualTo(FileLog.ROOT_LEVEL);
        assertThat(only("RollingFile").getAttribute("fileName"))
                .startsWith("${sys:" + FileLog.LOG_DIR_PROPERTY + ":-").endsWith("/" + FileLog.FILE_NAME);
        assertThat(only("SizeBasedTriggeringPolicy").getAttribute("size")).isEqualTo(FileLog.ROLL_OVER_SIZE / (1024 * 1024) + " MB");
    }

    @Test
    void writesWhatTheLevelsLetThroughWithMessagesAndStackTraces() throws IOException {
        Path file = dir.resolve("logs/apsa.log");
        LoggerContext context = new FileLog.ContextFactory(file, System.err).getContext(null, null, null, false);

        context.getLogger("org.drools.core.Session").info("drools info");
        context.getLogger("org.drools.core.Session").warn("drools warning");
        context.getLogger("org.droolsextra.Other").info("not under org.drools");
        Logger apsa = context.getLogger("org.apsa.batch.Batch");
        apsa.debug("apsa debug");
        apsa.info("{} fact sets in {} ms", 12, 340);
        apsa.error("unexpected failure", new IllegalStateException("boom"));

        String log = Files.readString(file);
        assertThat(log).doesNotContain("drools info", "apsa debug")
                .contains("WARN  [main] o.d.c.Session - drools warning", "INFO  [main] o.d.Other - not under org.drools",
                        "INFO  [main] o.a.b.Batch - 12 fact sets in 340 ms",
                        "ERROR [main] o.a.b.Batch - unexpected failure" + System.lineSeparator()
                                + "java.lang.IllegalStateException: boom",
                        "at org.apsa.log.FileLogTest.writesWhatTheLevelsLetThroughWithMessagesAndStackTraces");
        assertThat(log.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} .*"))).hasSize(4);
    }

    /** Fixture of the defect: the log, which may quote what the user typed, was 0644 in 0755 folders. */
    @Test
    void aNewLogIsTheUsersAloneInFoldersOfTheUsersAlone() throws IOException {
        Path file = dir.resolve("home/.apsa/logs/apsa.log");

        new FileLog.ContextFactory(file, System.err).getContext(null, null, null, false).getLogger("org.apsa.X").info("a line");

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void appendsToTheLogAlreadyThere() throws IOException {
        Path file = dir.resolve("apsa.log");
        Files.writeString(file, "earlier line\n");

        new FileLog.ContextFactory(file, System.err).getContext(null, null, null, false).getLogger("org.apsa.X").info("later line");

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("earlier line");
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedOnceAndTheRunGoesOn() throws IOException {
        Files.writeString(dir.resolve("not-a-folder"), "");
        Path file = dir.resolve("not-a-folder/logs/apsa.log");
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        Logger logger = new FileLog.ContextFactory(file, new PrintStream(problems, true, StandardCharsets.UTF_8))
                .getContext(null, null, null, false).getLogger("org.apsa.X");

        logger.info("first");
        logger.error("second");

        String message = problems.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith(file + ": cannot write the log (").contains("Set APSA_LOG_DIR to a folder you can write to");
    }

    @Test
    void linesFromManyThreadsStayWhole() throws Exception {
        Path file = dir.resolve("apsa.log");
        LoggerContext context = new FileLog.ContextFactory(file, System.err).getContext(null, null, null, false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    context.getLogger("org.apsa.T" + thread).info("thread {} line {} {}", thread, i, "x".repeat(200));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2000).allMatch(l -> l.matches(".* INFO  \\[pool-\\d+-thread-\\d] o\\.a\\.T\\d - thread \\d line \\d+ x{200}"));
    }

    @Test
    void log4jsCoreKeepsChargeWhenTheUserConfiguresItOrTheFileIsDueToRollOver() throws IOException {
        Path file = dir.resolve("apsa.log");
        Map<String, String> none = Map.of();

        assertThat(FileLog.suits(none::get, none::get, file)).as("no log yet").isTrue();
        for (String property : List.of("log4j2.configurationFile", "log4j.configurationFile", "log4j2.loggerContextFactory", "log4j.provider")) {
            assertThat(FileLog.suits(Map.of(property, "x")::get, none::get, file)).as(property).isFalse();
        }
        for (String variable : List.of("LOG4J_CONFIGURATION_FILE", "LOG4J_LOGGER_CONTEXT_FACTORY", "LOG4J_PROVIDER")) {
            assertThat(FileLog.suits(none::get, Map.of(variable, "x")::get, file)).as(variable).isFalse();
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "rw")) {
            log.setLength(FileLog.ROLL_OVER_SIZE - 1);
            assertThat(FileLog.suits(none::get, none::get, file)).as("just under the roll-over size").isTrue();
            log.setLength(FileLog.ROLL_OVER_SIZE);
            assertThat(FileLog.suits(none::get, none::get, file)).as("at the roll-over size").isFalse();
        }
    }
}
