package org.apsa.explore;

import org.apsa.engine.Assessor;
import org.apsa.fact.FactSetReader;
import org.apsa.render.ExplorationHtml;
import org.apsa.rulebase.RuleBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exploration page in a real browser (Debian's headless {@code chromium}, as for the batch
 * report): it renders with its four charts, and a screenshot lands in
 * {@code target/browser/exploration.png} for a person to look at.
 */
class ExplorationHtmlInBrowserTest {

    private static final Path OUTPUT = Path.of("target/browser");

    @TempDir
    Path profile;

    @Test
    void thePageRendersWithItsChartsAndTables() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH: the browser check is skipped (.ci/run installs Debian's chromium)");
        Exploration e = new Explorer(new Assessor(RuleBaseLoader.load(Path.of("rules"))))
                .explore(new FactSetReader().readOne(Path.of("facts/baseline-2014-12.json")), new Explorer.Options(2_000, 1, Vary.ALL, 2));
        String page = ExplorationHtml.render(e);
        assertThat(page).doesNotContain("<script", "http://", "https://", "src=");
        Files.createDirectories(OUTPUT);
        Path html = OUTPUT.resolve("exploration.html").toAbsolutePath();
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Path png = OUTPUT.resolve("exploration.png").toAbsolutePath();
        Files.deleteIfExists(png);

        String dom = chromium(chromium.get(), profile.resolve("dom"), "--dump-dom", html.toUri().toString());
        chromium(chromium.get(), profile.resolve("shot"), "--screenshot=" + png, html.toUri().toString());

        assertThat(dom).contains("<svg id=\"leader-shares\"", "<svg id=\"score-distributions\"", "<svg id=\"sensitivity-chart\"",
                "<div id=\"prim-boxes\"", "<table id=\"leaders\">", "<table id=\"sensitivity\">");
        assertThat(dom.split("class=\"interval\"", -1)).as("an interval per outlook and one for no leader").hasSize(6);
        assertThat(dom.split("<g class=\"histogram\"", -1)).as("a distribution per outlook").hasSize(5);
        assertThat(dom).contains("class=\"prim-box\"");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank page compresses to a few kilobytes").isGreaterThan(20_000);
    }

    private static String chromium(Path binary, Path userDataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1280,2000"));
        command.addAll(List.of(args));
        Files.createDirectories(userDataDir);
        Path out = Files.createTempFile(userDataDir.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(userDataDir.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
