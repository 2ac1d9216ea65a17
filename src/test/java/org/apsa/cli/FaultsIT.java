package org.apsa.cli;

import org.apsa.batch.GeneratedFactSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the packaged jar: a batch killed outright (SIGKILL, so no shutdown hook runs)
 * leaves no file that looks complete, and the next run removes what it left; no command
 * opens a network socket.
 */
class FaultsIT {

    private static final String RULES = Jar.PROJECT.resolve("rules").toString();

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    /**
     * BatchIT stops a run with SIGTERM, after which the shutdown hook removes the temporary
     * files. SIGKILL gives the process no chance to clean up: the hidden temporary files may
     * stay, but nothing is renamed into place, so every visible file is the earlier run's,
     * byte for byte.
     */
    @Test
    void aBatchKilledOutrightLeavesTheEarlierResultsWholeAndOnlyHiddenTemporaryFiles() throws Exception {
        Path few = GeneratedFactSets.write(cwd.resolve("few.jsonl"), 50, 5, 3);
        Path out = cwd.resolve("out");
        Jar.Run earlier = Jar.run(cwd, logs, "batch", few.toString(), "--out", out.toString(), "--format", "all", "--rules", RULES);
        assertThat(earlier.exit()).as(earlier.err()).isZero();
        Map<String, byte[]> before = contents(out);

        Path many = GeneratedFactSets.write(cwd.resolve("many.jsonl"), 100_000, 3, 12);
        Process process = Jar.start(cwd, logs, cwd.resolve("stdout.txt"), cwd.resolve("stderr.txt"), "batch", many.toString(),
                "--out", out.toString(), "--format", "all", "--rules", RULES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!writing(out) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("still running once it writes").isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, byte[]> after = contents(out);
        List<String> visible = after.keySet().stream().filter(n -> !n.startsWith(".")).toList();
        assertThat(visible).containsExactlyElementsOf(before.keySet());
        for (String name : visible) {
            assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
        }
        assertThat(after.keySet()).filteredOn(n -> n.startsWith(".")).allMatch(n -> n.endsWith(".tmp"));

        // The next run into the folder removes what the killed one left, and names it.
        List<String> leftOver = after.keySet().stream().filter(n -> n.startsWith(".")).sorted().toList();
        assertThat(leftOver).as("the killed run had begun its files").isNotEmpty();
        Jar.Run next = Jar.run(cwd, logs, "batch", few.toString(), "--out", out.toString(), "--rules", RULES);
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.out()).contains("Removed the temporary files of an interrupted run: " + String.join(", ", leftOver) + "\n");
        assertThat(contents(out).keySet()).noneMatch(n -> n.startsWith("."));
    }

    /** The interactive shell, waiting for input, and a long batch: neither has a TCP or UDP socket. */
    @Test
    void neitherTheShellNorABatchOpensANetworkSocket() throws Exception {
        // No arguments: the interactive shell, its input a pipe left open so that it waits.
        ProcessBuilder shellCommand = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Jar.JAR.toString()).directory(cwd.toFile());
        shellCommand.environment().put("APSA_LOG_DIR", logs.toString());
        shellCommand.redirectOutput(cwd.resolve("shell-out.txt").toFile()).redirectError(cwd.resolve("shell-err.txt").toFile());
        Process shell = shellCommand.start();
        Path many = GeneratedFactSets.write(cwd.resolve("many.jsonl"), 100_000, 3, 12);
        Process batch = Jar.start(cwd, logs, cwd.resolve("out.txt"), cwd.resolve("err.txt"), "batch", many.toString(),
                "--out", cwd.resolve("out").toString(), "--rules", RULES);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!writing(cwd.resolve("out")) && batch.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(batch.isAlive()).as("the batch is running").isTrue();
            assertThat(shell.isAlive()).as("the shell waits for input: " + Files.readString(cwd.resolve("shell-err.txt"))).isTrue();

            assertThat(networkSockets(batch.pid())).as("TCP and UDP sockets of the batch").isEmpty();
            assertThat(networkSockets(shell.pid())).as("TCP and UDP sockets of the shell").isEmpty();
        } finally {
            batch.destroyForcibly();
            shell.destroyForcibly();
            batch.waitFor(30, TimeUnit.SECONDS);
            shell.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Lines of /proc/net/{tcp,tcp6,udp,udp6} whose socket belongs to the process. */
    private static List<String> networkSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // The descriptor was closed while listing.
                }
            }
        }
        List<String> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && inodes.contains(fields[9])) {
                    sockets.add(table + ": " + line.trim());
                }
            }
        }
        return sockets;
    }

    private static boolean writing(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".assessments.jsonl.") && size(p) > 0);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
