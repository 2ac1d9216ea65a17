package org.apsa.log;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.simple.SimpleLogger;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.util.PropertiesUtil;
import org.apsa.io.PrivateFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * The log of a command given on the command line, written as Log4j2's core would write it
 * with {@code log4j2.xml} (same file, same line layout, same levels) but without starting
 * that core, which loads some 800 classes and takes about half a second, a third of a
 * one-shot run. It is a Log4j2 API back end: code and libraries log through the API as
 * everywhere else.
 *
 * <p>Log4j2's core stays in charge whenever this would do less than it: in the interactive
 * shell, when the user names a Log4j2 configuration or back end, and when the log file has
 * reached the size at which {@code log4j2.xml} rolls it over (the core then rolls it on its
 * first line).
 *
 * <p>Each line is written to the file as it is logged, so an exit loses none; lines from
 * several threads never interleave.
 */
public final class FileLog {

    /** Where the log file goes: {@code -Dapsa.log.dir}, else {@code APSA_LOG_DIR}, else {@code ~/.apsa/logs}. */
    public static final String LOG_DIR_PROPERTY = "apsa.log.dir";

    /** The file in {@link #LOG_DIR_PROPERTY}, as in {@code log4j2.xml}. */
    static final String FILE_NAME = "apsa.log";

    /** The size at which {@code log4j2.xml} rolls the file over. */
    static final long ROLL_OVER_SIZE = 10L * 1024 * 1024;

    /** The level of every logger not under {@link #LEVELS}, as {@code log4j2.xml}'s root. */
    static final Level ROOT_LEVEL = Level.INFO;

    /** Loggers (and those under them) with their own level, as in {@code log4j2.xml}. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.drools", Level.WARN,
            "org.kie", Level.WARN,
            "org.springframework", Level.WARN,
            "org.jline", Level.WARN);

    /** Log4j2's ISO8601 date, in the local time zone as Log4j2 writes it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS")
            .withZone(ZoneId.systemDefault());

    /** System properties by which a user names a Log4j2 configuration or back end of their own. */
    private static final List<String> LOG4J_PROPERTIES = List.of(
            "log4j2.configurationFile", "log4j.configurationFile", "log4j2.loggerContextFactory", "log4j.provider");

    /** The same, as environment variables. */
    private static final List<String> LOG4J_VARIABLES = List.of(
            "LOG4J_CONFIGURATION_FILE", "LOG4J_LOGGER_CONTEXT_FACTORY", "LOG4J_PROVIDER");

    private FileLog() {
    }

    /**
     * Makes this process log through {@link FileLog} when that suits (see the class comment);
     * call it before anything logs. Spring Boot is told to leave logging alone, since it
     * would otherwise reconfigure Log4j2's core, which is then not running.
     *
     * @return whether it did
     */
    public static boolean install() {
        if (!suits(System::getProperty, System::getenv, logFile())) {
            return false;
        }
        System.setProperty("log4j2.loggerContextFactory", ContextFactory.class.getName());
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return true;
    }

    /** Whether the file log can stand in for Log4j2's core, given these settings and file. */
    static boolean suits(UnaryOperator<String> properties, UnaryOperator<String> environment, Path logFile) {
        if (LOG4J_PROPERTIES.stream().anyMatch(p -> properties.apply(p) != null)
                || LOG4J_VARIABLES.stream().anyMatch(v -> environment.apply(v) != null)) {
            return false;
        }
        try {
            return !Files.isRegularFile(logFile) || Files.size(logFile) < ROLL_OVER_SIZE;
        } catch (IOException e) {
            return true; // unreadable: writing will say so
        }
    }

    /**
     * Settles {@link #LOG_DIR_PROPERTY} for the process, which {@code log4j2.xml} reads too;
     * call it before anything logs.
     */
    public static void configureDirectory() {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            String fromEnv = System.getenv("APSA_LOG_DIR");
            String dir = fromEnv != null && !fromEnv.isBlank() ? fromEnv
                    : Path.of(System.getProperty("user.home"), ".apsa", "logs").toString();
            System.setProperty(LOG_DIR_PROPERTY, dir);
        }
    }

    /** The log file, once {@link #configureDirectory()} has run. */
    public static Path logFile() {
        return Path.of(System.getProperty(LOG_DIR_PROPERTY), FILE_NAME);
    }

    /** The level of a logger: that of the nearest configured ancestor, else the root's. */
    static Level levelOf(String loggerName) {
        for (Map.Entry<String, Level> e : LEVELS.entrySet()) {
            String name = e.getKey();
            if (loggerName.equals(name) || loggerName.startsWith(name) && loggerName.charAt(name.length()) == '.') {
                return e.getValue();
            }
        }
        return ROOT_LEVEL;
    }

    /**
     * One line as {@code %d{ISO8601} %-5level [%t] %c{1.} - %msg%n%throwable} lays it out.
     */
    static String format(Instant time, Level level, String thread, String loggerName, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder(96 + message.length());
        TIME.formatTo(time, line);
        line.append(' ').append(level.name());
        for (int i = level.name().length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(" [").append(thread).append("] ");
        abbreviate(loggerName, line);
        line.append(" - ").append(message).append(System.lineSeparator());
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    /** {@code %c{1.}}: every part of the name but the last cut to its first letter. */
    private static void abbreviate(String name, StringBuilder to) {
        int start = 0;
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
            if (dot > start) {
                to.append(name.charAt(start));
            }
            to.append('.');
            start = dot + 1;
        }
        to.append(name, start, name.length());
    }

    /**
     * The back end Log4j2's API instantiates by name ({@code log4j2.loggerContextFactory}):
     * one context for the whole process, writing to {@link #logFile()}.
     */
    public static final class ContextFactory implements LoggerContextFactory {

        private final Context context;

        public ContextFactory() {
            this(logFile(), System.err);
        }

        ContextFactory(Path file, PrintStream problems) {
            this.context = new Context(new Appender(file, problems));
        }

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
            return context;
        }

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                                        URI configLocation, String name) {
            return context;
        }

        @Override
        public void removeContext(LoggerContext context) {
            // One context lives as long as the process.
        }

        @Override
        public boolean isClassLoaderDependent() {
            return false;
        }
    }

    private static final class Context implements LoggerContext {

        private final Appender appender;
        private final ConcurrentMap<String, ExtendedLogger> loggers = new ConcurrentHashMap<>();

        Context(Appender appender) {
            this.appender = appender;
        }

        @Override
        public Object getExternalContext() {
            return null;
        }

        @Override
        public ExtendedLogger getLogger(String name) {
            return getLogger(name, null);
        }

        @Override
        public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
            return loggers.computeIfAbsent(key(name, messageFactory == null ? null : messageFactory.getClass()),
                    k -> new FileLogger(name, messageFactory, appender));
        }

        @Override
        public boolean hasLogger(String name) {
            return loggers.containsKey(key(name, null));
        }

        @Override
        public boolean hasLogger(String name, MessageFactory messageFactory) {
            return loggers.containsKey(key(name, messageFactory == null ? null : messageFactory.getClass()));
        }

        @Override
        public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
            return loggers.containsKey(key(name, messageFactoryClass));
        }

        /** Loggers of one name but different message factories format differently, so each is its own. */
        private static String key(String name, Class<?> messageFactory) {
            return messageFactory == null ? name : name + '\u0000' + messageFactory.getName();
        }
    }

    /** Log4j2's simple logger for the level checks and message formatting, writing to the file. */
    private static final class FileLogger extends SimpleLogger {

        private final transient Appender appender;

        FileLogger(String name, MessageFactory messageFactory, Appender appender) {
            super(name, levelOf(name), false, false, false, false, null, messageFactory,
                    PropertiesUtil.getProperties(), appender.problems);
            this.appender = appender;
        }

        @Override
        public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable thrown) {
            appender.append(format(Instant.now(), level, Thread.currentThread().getName(), getName(),
                    message.getFormattedMessage(), thrown != null ? thrown : message.getThrowable()));
        }
    }

    /** Appends whole lines to the file, opening it (and its folder) on the first one. */
    static final class Appender {

        private final Path file;
        private final PrintStream problems;
        private FileChannel channel;
        private boolean broken;

        Appender(Path file, PrintStream problems) {
            this.file = file;
            this.problems = problems;
        }

        synchronized void append(String text) {
            if (broken) {
                return;
            }
            try {
                if (channel == null) {
                    // The log may quote what the user typed: a new one is the user's alone (0600 in 0700 folders).
                    PrivateFiles.folders(file.toAbsolutePath().getParent());
                    channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND), PrivateFiles.fileAttributes());
                }
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException | RuntimeException e) {
                broken = true;
                problems.println(file + ": cannot write the log (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "); this run keeps no log. Set APSA_LOG_DIR to a folder you can write to");
            }
        }
    }
}
