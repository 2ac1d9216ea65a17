package org.apsa.rulebase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules embedded in the tool are the repository's rules/, written out once and found again. */
class EmbeddedRulesTest {

    private static final Path SOURCE = Path.of("rules");

    @TempDir
    Path cache;

    @Test
    void theEmbeddedCopyHoldsEveryFileOfRulesByteForByte() throws Exception {
        Path copy = EmbeddedRules.extract(RuleCache.at(cache));

        List<Path> sourceFiles = files(SOURCE);
        assertThat(sourceFiles).isNotEmpty();
        assertThat(files(copy).stream().map(Path::toString).filter(f -> !f.equals(".embedded")))
                .containsExactlyElementsOf(sourceFiles.stream().map(Path::toString).toList());
        for (Path file : sourceFiles) {
            assertThat(Files.readAllBytes(copy.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(SOURCE.resolve(file)));
        }
        assertThat(RuleBaseLoader.fingerprint(copy)).isEqualTo(RuleBaseLoader.fingerprint(SOURCE));
    }

    @Test
    void aSecondRunFindsTheCopyAndAnUnfinishedOneIsWrittenAgain() throws Exception {
        Path first = EmbeddedRules.extract(RuleCache.at(cache));
        assertThat(EmbeddedRules.extract(RuleCache.at(cache))).isEqualTo(first);

        Files.delete(first.resolve(".embedded"));
        Path again = EmbeddedRules.extract(RuleCache.at(cache));

        assertThat(again).isEqualTo(first);
        assertThat(again.resolve(".embedded")).isRegularFile();
        assertThat(RuleBaseLoader.fingerprint(again)).isEqualTo(RuleBaseLoader.fingerprint(SOURCE));
    }

    @Test
    void runsWritingTheCopyAtOnceNeverRemoveOneAnotherIsReading() throws Exception {
        String expected = RuleBaseLoader.fingerprint(SOURCE);
        for (int round = 0; round < 6; round++) {
            RuleCache shared = RuleCache.at(cache.resolve("round-" + round));
            int runs = 4;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(runs);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
            try {
                List<java.util.concurrent.Future<String>> read = new java.util.ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    read.add(pool.submit(() -> {
                        start.await();
                        Path copy = EmbeddedRules.extract(shared);
                        // Read the copy as a rule base load does, while the other runs finish theirs.
                        String first = RuleBaseLoader.fingerprint(copy);
                        Thread.sleep(20);
                        return first + " " + RuleBaseLoader.fingerprint(copy);
                    }));
                }
                for (java.util.concurrent.Future<String> f : read) {
                    assertThat(f.get()).isEqualTo(expected + " " + expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onlyTheCopyCountsAsEmbeddedNotTheSourceFolder() {
        Path copy = EmbeddedRules.extract(RuleCache.at(cache));

        assertThat(EmbeddedRules.isEmbedded(copy)).isTrue();
        assertThat(EmbeddedRules.isEmbedded(SOURCE)).isFalse();
    }

    @Test
    void withTheCacheOffTheCopyGoesToATemporaryFolder() {
        Path copy = EmbeddedRules.extract(RuleCache.off());

        assertThat(copy).isDirectory();
        assertThat(copy.startsWith(cache)).isFalse();
        assertThat(RuleBaseLoader.fingerprint(copy)).isEqualTo(RuleBaseLoader.fingerprint(SOURCE));
    }

    @Test
    void theBuildStoresTheDigestOfTheEmbeddedRulesBesideThem() throws Exception {
        try (var in = EmbeddedRules.class.getClassLoader().getResourceAsStream(EmbeddedRules.DIGEST)) {
            assertThat(in).as(EmbeddedRules.DIGEST + " on the class path").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip())
                    .isEqualTo(EmbeddedRules.digest(EmbeddedRules.read()));
        }
    }

    @Test
    void theStoredDigestFindsTheCopyWithoutReadingTheRulesAndAnUnfinishedCopyIsWrittenAgain() throws Exception {
        String digest = EmbeddedRules.digest(EmbeddedRules.read());
        Path first = EmbeddedRules.extract(RuleCache.at(cache), digest);
        // The copy is what the stored digest names: a later run takes it as it is.
        Path marked = Files.createDirectories(cache.resolve("embedded").resolve("0123456789abcdef"));
        Files.writeString(marked.resolve(".embedded"), "");
        String other = "0123456789abcdef" + digest.substring(16);

        assertThat(first.getFileName()).hasToString(digest.substring(0, 16));
        assertThat(EmbeddedRules.extract(RuleCache.at(cache), other)).isEqualTo(marked);

        Files.delete(first.resolve(".embedded"));
        assertThat(EmbeddedRules.extract(RuleCache.at(cache), digest)).isEqualTo(first);
        assertThat(RuleBaseLoader.fingerprint(first)).isEqualTo(RuleBaseLoader.fingerprint(SOURCE));
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
