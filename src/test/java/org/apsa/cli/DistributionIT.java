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
 * The distribution as a user gets it: target/apsa-VERSION.tar.gz unpacked into an empty
 * folder outside the project, run through bin/apsa from another empty folder.
 */
class DistributionIT {

    @TempDir
    static Path unpacked;
    @TempDir
    static Path home;
    @TempDir
    Path cwd;

    private static Path apsa;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Jar.PROJECT.resolve("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("apsa-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/apsa-VERSION.tar.gz; run mvn package"));
        }
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            apsa = top.findFirst().orElseThrow().resolve("bin/apsa");
        }
    }

    @Test
    void theDistributionHoldsTheLauncherLibrariesRulesExamplesSchemaAndCompletion() {
        Path root = apsa.getParent().getParent();
        assertThat(apsa).isExecutable();
        assertThat(root.resolve("bin/apsa.cmd")).isRegularFile();
        assertThat(root.resolve("apsa.jar")).isRegularFile();
        assertThat(root.resolve("lib")).isDirectoryContaining("glob:**/drools-*.jar");
        assertThat(root.resolve("rules/blocs.drl")).isRegularFile();
        assertThat(root.resolve("rules/tests")).isDirectory();
        assertThat(root.resolve("facts/baseline-2014-12.json")).isRegularFile();
        assertThat(root.resolve("facts/fact-set.schema.json")).isRegularFile();
        assertThat(root.resolve("completion/apsa.bash")).content().contains("complete -o filenames -o bashdefault -F _apsa apsa");
        assertThat(root.resolve("completion/_apsa")).content().startsWith("#compdef apsa");
        assertThat(root.resolve("README.md")).content().contains("bin/apsa assess");
    }

    @Test
    void versionAssessAndStandardInputWorkFromAnyFolder() throws Exception {
        Path baseline = apsa.getParent().getParent().resolve("facts/baseline-2014-12.json");

        Run version = run(null, "--version");
        Run assess = run(null, "assess", baseline.toString());
        Run piped = run(baseline, "assess", "-", "--format", "json");

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("apsa ").contains("rules: embedded, fingerprint ", "Drools ", "Java ");
        assertThat(assess.exit()).as(assess.err()).isZero();
        assertThat(assess.out()).contains("baseline-2014-12", "polarization");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).contains("\"id\" : \"baseline-2014-12\"");
        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left).as("files left in the current folder").isEmpty();
        }
    }

    @Test
    void javaDashJarRunsTheDistributionsJarFromItsFolderAndFromAnother() throws Exception {
        Path root = apsa.getParent().getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path baseline = root.resolve("facts/baseline-2014-12.json");

        Run inRoot = runIn(root, null, java, "-jar", "apsa.jar", "assess", baseline.toString());
        Run elsewhere = runIn(cwd, null, java, "-jar", root.resolve("apsa.jar").toString(), "assess", baseline.toString());

        assertThat(inRoot.exit()).as(inRoot.err()).isZero();
        assertThat(inRoot.out()).contains("baseline-2014-12", "polarization");
        assertThat(elsewhere.exit()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.out()).isEqualTo(inRoot.out());
    }

    @Test
    void batchReadsJsonLinesFromStandardInput() throws Exception {
        Path lines = cwd.resolve("../in-" + System.nanoTime() + ".jsonl").normalize();
        Files.writeString(lines, "{\"id\": \"a\", \"indicators\": {}}\n"
                + "{\"id\": \"b\", \"indicators\": {\"us.presence.transparency\": \"high\"}}\n");
        Path out = cwd.resolve("results");

        Run batch = run(lines, "batch", "-", "--out", out.toString());

        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("assessments.jsonl"))).hasSize(2);
        Files.delete(lines);
    }

    @Test
    void theLauncherMakesAStartUpArchiveOnceAndRunsWithIt() throws Exception {
        run(null, "--version");
        Path cds = home.resolve(".apsa/cache/cds");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        List<Path> archives = List.of();
        while (System.nanoTime() < deadline) {
            archives = archives(cds);
            if (!archives.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(archives).as("the archive made in the background").hasSize(1);

        Run again = run(null, "assess", apsa.getParent().getParent().resolve("facts/baseline-2014-12.json").toString(), "--format", "json");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(archives(cds)).as("no second archive for the same JDK and build").isEqualTo(archives);

        // The archive holds what a run with the rules cached loads, lambdas included, and the context made at build time.
        Path loaded = home.resolve("classes-" + System.nanoTime() + ".txt");
        Run logged = runWith(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded), null,
                "assess", apsa.getParent().getParent().resolve("facts/baseline-2014-12.json").toString());
        assertThat(logged.exit()).as(logged.err()).isZero();
        List<String> classes = Files.readAllLines(loaded);
        assertThat(classes).anyMatch(line -> line.contains(" org.apsa.ApsaApplication__ApplicationContextInitializer source: shared objects file"));
        assertThat(classes).anyMatch(line -> line.contains("org.apsa.engine.Assessor source: shared objects file"));
        assertThat(classes).anyMatch(line -> line.contains("$$Lambda$") && line.contains("source: shared objects file"));
    }

    @Test
    void aCommandLeavesTheShellsHistoryUnreadAndAsItIs() throws Exception {
        Path userHome = Files.createDirectories(home.resolve("user-" + System.nanoTime()));
        Path history = Files.createDirectories(userHome.resolve(".apsa")).resolve("history");
        // JLine, reading it, would rewrite the file without the line it cannot parse, and say so.
        String lines = "1765000000000:load facts/baseline-2014-12.json\nan entry JLine cannot parse\n";
        Files.writeString(history, lines);

        Run version = runWith(Map.of("JAVA_OPTS", "-Duser.home=" + userHome), null, "--version");

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.err()).isEmpty();
        assertThat(history).hasContent(lines);
    }

    @Test
    void theLaunchersContextMadeAtBuildTimeRunsTheShellScriptsAndFailuresAsJavaDashJar() throws Exception {
        Path root = apsa.getParent().getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = root.resolve("apsa.jar").toString();
        Path baseline = root.resolve("facts/baseline-2014-12.json");
        Path lines = Files.writeString(home.resolve("session-" + System.nanoTime() + ".apsa"),
                "load " + baseline + "\nshow\nassess " + baseline + " --format json\n");

        List<List<String>> cases = List.of(List.of(), List.of("@" + lines), List.of("assess"), List.of("asess", "x"),
                List.of("assess", baseline.toString(), "--format", "yaml"), List.of("help", "assess"));
        for (List<String> args : cases) {
            Run launcher = run(args.isEmpty() ? lines : null, args.toArray(String[]::new));
            List<String> plain = new ArrayList<>(List.of(java, "-jar", jar));
            plain.addAll(args);
            Run javaJar = runIn(cwd, args.isEmpty() ? lines : null, plain.toArray(String[]::new));

            assertThat(launcher.exit()).as("bin/apsa %s: %s", args, launcher.err()).isEqualTo(javaJar.exit());
            assertThat(launcher.out()).as("bin/apsa %s", args).isEqualTo(javaJar.out());
            if (!args.isEmpty()) {
                // (The shell reading a pipe: JLine's warning of a dumb terminal carries the time.)
                assertThat(launcher.err()).as("bin/apsa %s", args).isEqualTo(javaJar.err());
            }
        }
    }

    private static List<Path> archives(Path cds) throws IOException {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    /** bin/apsa with {@code args}, {@code input} piped into its standard input (nothing when null). */
    private Run run(Path input, String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), input, args);
    }

    /** bin/apsa as {@link #run(Path, String...)} runs it, with {@code environment} added. */
    private Run runWith(Map<String, String> environment, Path input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(apsa.toString()));
        command.addAll(List.of(args));
        return runIn(cwd, environment, input, command.toArray(String[]::new));
    }

    /** {@code command} run in {@code folder} as {@link #run(Path, String...)} runs bin/apsa. */
    private Run runIn(Path folder, Path input, String... command) throws IOException, InterruptedException {
        return runIn(folder, Map.of(), input, command);
    }

    private Run runIn(Path folder, Map<String, String> environment, Path input, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("APSA_LOG_DIR", home.resolve("logs").toString());
        builder.environment().put("APSA_CACHE_DIR", Jar.PROJECT.resolve("target/rule-cache").toString());
        builder.environment().remove("APSA_RULES");
        builder.environment().remove("APSA_CDS");
        builder.environment().remove("APSA_CDS_DIR");
        builder.environment().remove("NO_COLOR");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("apsa-out", ".txt");
        Path err = Files.createTempFile("apsa-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                Files.copy(input, stdin);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
