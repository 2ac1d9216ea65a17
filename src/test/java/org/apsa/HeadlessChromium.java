package org.apsa;

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
 * A page in a real browser, for the tests of the HTML outputs: Debian's headless
 * {@code chromium}, which {@code .ci/run} installs. Pages and screenshots land in
 * {@code target/browser/} for a person to look at; each run of the browser gets a profile of
 * its own under the test's temporary folder.
 */
public final class HeadlessChromium {

    /** Where the pages and their screenshots are kept after the test. */
    public static final Path OUTPUT = Path.of("target/browser");
    private static final int TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path profiles;

    private HeadlessChromium(Path binary, Path profiles) {
        this.binary = binary;
        this.profiles = profiles;
    }

    /** The browser on the PATH; without one the calling test is skipped, not failed. */
    public static HeadlessChromium onThePathOrSkip(Path profiles) {
        Optional<Path> binary = find();
        assumeTrue(binary.isPresent(), "no chromium on the PATH: the browser check is skipped (.ci/run installs Debian's chromium)");
        return new HeadlessChromium(binary.get(), profiles);
    }

    /** Writes {@code html} to {@code target/browser/NAME} and returns its absolute path. */
    public static Path writePage(String name, String html) throws IOException {
        Files.createDirectories(OUTPUT);
        Path page = OUTPUT.resolve(name).toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    /** The page's DOM once the browser has rendered it. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run("dom", "--dump-dom", page.toUri().toString());
    }

    /** A screenshot of the page, in {@code target/browser/NAME}; an earlier one is removed first. */
    public Path screenshot(Path page, String name) throws IOException, InterruptedException {
        Path png = OUTPUT.resolve(name).toAbsolutePath();
        Files.deleteIfExists(png);
        run("shot", "--screenshot=" + png, page.toUri().toString());
        return png;
    }

    private String run(String profile, String... args) throws IOException, InterruptedException {
        Path userDataDir = profiles.resolve(profile);
        Files.createDirectories(userDataDir);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1280,2000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profiles, "chromium", ".out");
        Path err = Files.createTempFile(profiles, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> find() {
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
