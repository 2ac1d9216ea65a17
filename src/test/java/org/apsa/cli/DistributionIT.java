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
        List<String> command = new ArrayList<>(List.of(apsa.toString()));
        command.addAll(List.of(args));
        return runIn(cwd, input, command.toArray(String[]::new));
    }

    /** {@code command} run in {@code folder} as {@link #run(Path, String...)} runs bin/apsa. */
    private Run runIn(Path folder, Path input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("APSA_LOG_DIR", home.resolve("logs").toString());
        builder.environment().put("APSA_CACHE_DIR", Jar.PROJECT.resolve("target/rule-cache").toString());
        builder.environment().remove("APSA_RULES");
        builder.environment().remove("APSA_CDS");
        builder.environment().remove("APSA_CDS_DIR");
        builder.environment().remove("NO_COLOR");
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
