package org.apsa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/apsa.jar} as a user would, capturing both streams. */
final class Jar {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path JAR = PROJECT.resolve("target/apsa.jar");

    record Run(int exit, String out, String err) {
    }

    private Jar() {
    }

    static Run run(Path workingDir, Path logDir, String... args) throws IOException, InterruptedException {
        return run(workingDir, logDir, List.of(), Map.of(), args);
    }

    /** Runs the jar with options for the JVM and variables added to the environment. */
    static Run run(Path workingDir, Path logDir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(workingDir, logDir, jvmOptions, environment, 120, args);
    }

    /** The same, allowed {@code seconds} to finish. */
    static Run run(Path workingDir, Path logDir, List<String> jvmOptions, Map<String, String> environment, long seconds,
                   String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("apsa-out", ".txt");
        Path err = Files.createTempFile("apsa-err", ".txt");
        Process process = start(workingDir, logDir, out, err, jvmOptions, environment, args);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("apsa " + String.join(" ", args) + " did not finish in " + seconds + " s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Starts the jar without waiting, its streams going to {@code out} and {@code err}. */
    static Process start(Path workingDir, Path logDir, Path out, Path err, String... args) throws IOException {
        return start(workingDir, logDir, out, err, List.of(), Map.of(), args);
    }

    private static Process start(Path workingDir, Path logDir, Path out, Path err, List<String> jvmOptions,
                                 Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = builder(workingDir, logDir, jvmOptions, environment, args);
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** The jar's command line and environment, its streams left for the caller to direct. */
    static ProcessBuilder builder(Path workingDir, Path logDir, List<String> jvmOptions, Map<String, String> environment,
                                  String... args) {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().put("APSA_LOG_DIR", logDir.toString());
        builder.environment().put("APSA_CACHE_DIR", System.getProperty("apsa.cache.dir", PROJECT.resolve("target/rule-cache").toString()));
        builder.environment().put("APSA_UNSAVED_DIR", PROJECT.resolve("target/unsaved").toString());
        builder.environment().putAll(environment);
        builder.environment().remove("NO_COLOR");
        return builder;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
