package org.apsa.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report in a real browser (Debian's headless {@code chromium}, which {@code .ci/run}
 * installs): it renders, the DOM holds the timeline chart and the overview table, and a
 * screenshot lands in {@code target/browser/report.png} for a person to look at.
 */
class HtmlReportInBrowserTest {

    private static final Path OUTPUT = Path.of("target/browser");

    @TempDir
    Path profile;

    @Test
    void theReportRendersWithItsChartAndOverviewTable() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH: the browser check is skipped (.ci/run installs Debian's chromium)");
        Files.createDirectories(OUTPUT);
        Path html = OUTPUT.resolve("report.html").toAbsolutePath();
        Files.writeString(html, HtmlReport.render(sample()), StandardCharsets.UTF_8);
        Path png = OUTPUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        String dom = chromium(chromium.get(), profile.resolve("dom"), "--dump-dom", html.toUri().toString());
        chromium(chromium.get(), profile.resolve("shot"), "--screenshot=" + png, html.toUri().toString());

        assertThat(dom).contains("<svg id=\"timeline-chart\"", "<table id=\"fact-set-table\">", "<table id=\"leading\">",
                "<nav class=\"contents\"");
        assertThat(dom.split("<polyline", -1)).as("one line per outlook").hasSize(5);
        assertThat(dom).contains("Where views of the same date differ", "The leader in brief");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank page compresses to a few kilobytes").isGreaterThan(20_000);
    }

    private static String chromium(Path binary, Path userDataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1280,2000"));
        command.addAll(List.of(args));
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

    /** Three analysts over two years, two of them on the same days. */
    static ReportData sample() {
        ReportData data = new ReportData();
        LocalDate start = LocalDate.of(2014, 12, 9);
        long n = 0;
        for (int month = 0; month < 24; month += 3) {
            String date = start.plusMonths(month).toString();
            double drift = month / 24.0;
            data.add(Rows.row(++n, "dove-" + month, date, "deep-integration", 0.55 - 0.2 * drift, 0.15, 0.2 + 0.1 * drift, 0.1 + 0.1 * drift,
                    "us.presence.transparency=high", "mechanism.eastAsiaSummit=high"));
            data.add(Rows.row(++n, "hawk-" + month, date, "polarization", 0.15, 0.1, 0.6 + 0.1 * drift, 0.15 - 0.1 * drift,
                    "us.presence.transparency=low", "usChina.strategicDistrust=high"));
        }
        data.add(Rows.row(++n, "undated", null, null, 0.25, 0.25, 0.25, 0.25));
        data.inputs(3, 0, 0);
        return data;
    }
}
