package org.apsa.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apsa.jar and lib/ copied out of the project run from any folder on the rules embedded in
 * the jar; a rules/ folder where the user happens to be is not picked up unless named.
 */
class AnyFolderIT {

    @TempDir
    static Path install;
    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    private static Path facts;

    @BeforeAll
    static void copyTheJarAndItsLibraries() throws IOException {
        Files.copy(Jar.JAR, install.resolve("apsa.jar"));
        Files.createDirectories(install.resolve("lib"));
        try (Stream<Path> libs = Files.list(Jar.PROJECT.resolve("target/lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, install.resolve("lib").resolve(lib.getFileName()));
            }
        }
        facts = install.resolve("baseline.json");
        Files.copy(Jar.PROJECT.resolve("facts/baseline-2014-12.json"), facts);
    }

    @Test
    void assessWorksFromAnEmptyFolderOnTheEmbeddedRules() throws Exception {
        Jar.Run run = run(Map.of(), "assess", facts.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("baseline-2014-12", "polarization", "leading");
    }

    @Test
    void aRulesFolderInTheCurrentFolderIsNotUsedUnlessNamed() throws Exception {
        Files.createDirectories(cwd.resolve("rules"));
        Files.writeString(cwd.resolve("rules/broken.drl"), "package rules;\nrule \"broken\" when then nonsense( end\n");

        Jar.Run quiet = run(Map.of(), "assess", facts.toString());
        Jar.Run named = run(Map.of(), "assess", facts.toString(), "--rules", "rules");
        Jar.Run variable = run(Map.of("APSA_RULES", cwd.resolve("rules").toString()), "assess", facts.toString());

        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(named.exit()).isEqualTo(3);
        assertThat(named.err()).contains("broken.drl");
        assertThat(variable.exit()).isEqualTo(3);
        assertThat(variable.err()).contains("broken.drl");
    }

    @Test
    void versionSaysWhichRulesAreInUse() throws Exception {
        Jar.Run embedded = run(Map.of(), "--version");
        Jar.Run shortForm = run(Map.of(), "-V");
        Jar.Run variable = run(Map.of("APSA_RULES", Jar.PROJECT.resolve("rules").toString()), "version");

        assertThat(embedded.exit()).as(embedded.err()).isZero();
        assertThat(embedded.out()).matches("(?s)apsa \\d+\\.\\d+\\.\\d+\\S*\nrules: embedded, fingerprint [0-9a-f]{12}\n"
                + "Drools \\d+\\.\\d+\\.\\d+\\S*\nJava 17.*\n");
        assertThat(shortForm.out()).isEqualTo(embedded.out());
        String fingerprint = embedded.out().replaceAll("(?s).*fingerprint ([0-9a-f]{12}).*", "$1");
        assertThat(variable.out()).contains("rules: " + Jar.PROJECT.resolve("rules") + " (APSA_RULES), fingerprint " + fingerprint);
    }

    @Test
    void aMistypedCommandIsRefusedWithoutAStackTraceInTheLog() throws Exception {
        Jar.Run typo = run(Map.of(), "asess", "x");
        Jar.Run help = run(Map.of(), "help", "asess");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).isEqualTo("unknown command \"asess\" (did you mean \"assess\"?); 'help' lists the commands\n");
        assertThat(help.exit()).isEqualTo(2);
        assertThat(help.err()).isEqualTo(typo.err());
        Path log = logs.resolve("apsa.log");
        String logged = Files.exists(log) ? Files.readString(log) : "";
        assertThat(logged).doesNotContain("ERROR", "Exception", "\tat ");
    }

    @Test
    void commandsPipedIntoTheShellGiveOnlyTheirResultsWithoutBannerOrPrompts() throws Exception {
        Jar.Run piped = piped(Map.of(), "load " + facts + "\nset us.presence.transparency high\n");

        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).doesNotContain("apsa>", "apsa[", "APSA ", "'help' lists")
                .contains("Loaded baseline-2014-12", "us.presence.transparency: low (0.70) -> high");
    }

    private Jar.Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return piped(environment, "", args);
    }

    /** A run with {@code input} piped into its standard input. */
    private Jar.Run piped(Map<String, String> environment, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", install.resolve("apsa.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().put("APSA_LOG_DIR", logs.toString());
        builder.environment().put("APSA_CACHE_DIR", Jar.PROJECT.resolve("target/rule-cache").toString());
        builder.environment().remove("APSA_RULES");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("apsa-out", ".txt");
        Path err = Files.createTempFile("apsa-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("apsa " + String.join(" ", args) + " did not finish in 120 s");
        }
        Jar.Run run = new Jar.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
