package org.apsa;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apsa.cli.CommandNames;
import org.apsa.cli.Failures;
import org.apsa.cli.RuleBases;
import org.apsa.cli.StandardOutput;
import org.apsa.cli.UsageException;
import org.apsa.cli.UserPaths;
import org.apsa.io.PrivateFiles;
import org.apsa.rulebase.RuleBaseLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.shell.boot.ApplicationRunnerAutoConfiguration;
import org.springframework.shell.boot.CommandCatalogAutoConfiguration;
import org.springframework.shell.boot.CompleterAutoConfiguration;
import org.springframework.shell.boot.ExitCodeAutoConfiguration;
import org.springframework.shell.boot.JLineAutoConfiguration;
import org.springframework.shell.boot.JLineShellAutoConfiguration;
import org.springframework.shell.boot.LineReaderAutoConfiguration;
import org.springframework.shell.boot.ParameterResolverAutoConfiguration;
import org.springframework.shell.boot.ShellContextAutoConfiguration;
import org.springframework.shell.boot.ShellRunnerAutoConfiguration;
import org.springframework.shell.boot.SpringShellAutoConfiguration;
import org.springframework.shell.boot.StandardAPIAutoConfiguration;
import org.springframework.shell.boot.StandardCommandsAutoConfiguration;
import org.springframework.shell.boot.ThemingAutoConfiguration;
import org.springframework.shell.boot.UserConfigAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.command.annotation.CommandScan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * APSA, the Asia-Pacific Security Assessor. With no arguments it opens the interactive
 * shell; with {@code @FILE} it runs a script; with other arguments it runs one command.
 * Spring Shell runs all three, and the run exits with the status {@link Failures} gives it.
 * Results go to standard output, failures to standard error, logs to a file.
 *
 * <p>The context is kept to what a command needs, for start-up: Spring Shell's
 * auto-configuration without Spring Boot's others (JSON, validation, task executors), and
 * the command package alone scanned.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ExitCodeAutoConfiguration.class,
        ShellContextAutoConfiguration.class, SpringShellAutoConfiguration.class, ShellRunnerAutoConfiguration.class,
        ApplicationRunnerAutoConfiguration.class, CommandCatalogAutoConfiguration.class, LineReaderAutoConfiguration.class,
        CompleterAutoConfiguration.class, UserConfigAutoConfiguration.class, JLineAutoConfiguration.class,
        JLineShellAutoConfiguration.class, ParameterResolverAutoConfiguration.class, StandardAPIAutoConfiguration.class,
        ThemingAutoConfiguration.class, StandardCommandsAutoConfiguration.class})
@ComponentScan("org.apsa.cli")
@CommandScan("org.apsa.cli")
public class ApsaApplication {

    public static void main(String[] args) {
        // A result that cannot be written (a full disk, a closed pipe) must not pass unnoticed.
        System.setOut(StandardOutput.open());
        LogProblems.reportTo(System.err);
        int status = run(args);
        // Spring Boot turns Log4j2's own shutdown hook off; a roll-over still compressing finishes here.
        LogManager.shutdown();
        System.exit(status);
    }

    /** Runs the shell or one command and returns the exit status. */
    public static int run(String... args) {
        // log4j2.xml is the one logging configuration, in the shell as in one-shot runs.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Spring Boot's warming of validation, JSON and the like on a second thread: CPU that a short run never repays.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        keepTheUsersFilesPrivate();
        try {
            return start(args);
        } catch (SpringApplication.AbandonedRunException buildTime) {
            // The build's ahead-of-time processing (pom.xml, process-aot) takes the context here, unrefreshed.
            throw buildTime;
        } catch (Throwable failure) {
            return Failures.exitStatus(failure, ApsaApplication::logFile);
        }
    }

    private static int start(String... args) {
        Map<String, Object> properties = new HashMap<>();
        Optional<String> shellRules = shellRules(args);
        if (shellRules.isPresent()) {
            // 'apsa --rules DIR': the shell, on the rules of DIR, refused before the application context starts.
            RuleBaseLoader.drlFiles(UserPaths.of(shellRules.get()));
            properties.put(RuleBases.SESSION_FOLDER_PROPERTY, shellRules.get());
            args = new String[0];
        }
        // A first word that names no command is answered without starting the application context.
        Optional<String> unknown = CommandNames.unknown(args);
        if (unknown.isPresent()) {
            throw new UsageException(unknown.get());
        }
        // Spring Shell runs every command: the shell with no arguments, a script with @FILE, else one command.
        boolean interactive = args.length == 0;
        properties.put("spring.shell.interactive.enabled", String.valueOf(interactive));
        properties.put("spring.shell.noninteractive.enabled", String.valueOf(!interactive));
        properties.put("apsa.one-shot", String.valueOf(!interactive));
        // JLine's history is the interactive shell's: a command or a script does not read the whole file first.
        properties.put("spring.shell.history.enabled", String.valueOf(interactive));
        SpringApplication app = new SpringApplication(ApsaApplication.class);
        // Command options such as --rules must not become Spring properties.
        app.setAddCommandLineProperties(false);
        app.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = app.run(args)) {
            return SpringApplication.exit(context);
        }
    }

    /**
     * The history with its typed notes, unsaved fact sets, the log and the compiled rules under
     * {@code ~/.apsa} are the user's alone: the folder (which earlier versions created with the
     * umask's 0755) is made 0700, and the log's folder is created 0700 before a logger creates it.
     */
    static void keepTheUsersFilesPrivate() {
        PrivateFiles.tighten(Path.of(System.getProperty("user.home"), ".apsa"));
        try {
            PrivateFiles.folders(logFolder());
        } catch (IOException | RuntimeException e) {
            // Writing the log says so, once.
        }
    }

    /** The folder of {@code --rules DIR} (or {@code --rules=DIR}) when that is all the arguments say. */
    static Optional<String> shellRules(String... args) {
        if (args.length == 2 && args[0].equals("--rules")) {
            return Optional.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--rules=")) {
            return Optional.of(args[0].substring("--rules=".length()));
        }
        return Optional.empty();
    }

    /**
     * The folder log4j2.xml writes to, read as it reads it, without starting Log4j2: made
     * private before the first line is logged, since Log4j2 makes the file private but not its folders.
     */
    static Path logFolder() {
        String dir = System.getProperty("apsa.log.dir");
        if (dir == null) {
            dir = System.getenv("APSA_LOG_DIR");
        }
        return dir == null ? Path.of(System.getProperty("user.home"), ".apsa", "logs") : Path.of(dir).toAbsolutePath();
    }

    /** The file log4j2.xml writes to; "the log" under a configuration of the user's own. */
    static String logFile() {
        if (LogManager.getContext(false) instanceof LoggerContext context
                && context.getConfiguration().getAppender("file") instanceof RollingFileAppender file) {
            return file.getFileName();
        }
        return "the log";
    }
}
