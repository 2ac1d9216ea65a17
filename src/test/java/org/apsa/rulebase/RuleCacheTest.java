package org.apsa.rulebase;

import org.apsa.engine.Assessor;
import org.apsa.engine.Outlook;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.render.AssessmentJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rule cache: a second load of unchanged rules skips the compile, and the cache
 * never serves rules other than the ones on disk.
 */
class RuleCacheTest {

    private static final Path BASELINE = Path.of("facts/baseline-2014-12.json");

    @TempDir
    Path cacheDir;
    @TempDir
    Path rules;

    private RuleCache cache;

    @BeforeEach
    void copyTheEngineTestRules() throws IOException {
        cache = RuleCache.at(cacheDir);
        Files.copy(Path.of("rules/scoring.drl"), rules.resolve("scoring.drl"));
        Files.copy(Path.of("src/test/resources/rules-engine/basic/engine-basic.drl"), rules.resolve("engine-basic.drl"));
    }

    @Test
    void unchangedRulesLoadFromTheCacheTheSecondTime() {
        RuleBase first = RuleBaseLoader.load(rules, cache);
        RuleBase second = RuleBaseLoader.load(rules, cache);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(entries()).hasSize(1);
        assertThat(second.rules()).isEqualTo(first.rules());
        assertThat(json(second)).isEqualTo(json(first));
    }

    @Test
    void aChangedRuleIsCompiledAgainAndItsNewBehaviourSeen() throws IOException {
        RuleBase before = RuleBaseLoader.load(rules, cache);
        double polarizationBefore = score(before, Outlook.POLARIZATION);
        Path file = rules.resolve("engine-basic.drl");
        String text = Files.readString(file);
        assertThat(text).contains("\"polarization\", 2.0,");
        Files.writeString(file, text.replace("\"polarization\", 2.0,", "\"polarization\", 6.0,"));

        RuleBase after = RuleBaseLoader.load(rules, cache);

        assertThat(after.fromCache()).isFalse();
        assertThat(score(after, Outlook.POLARIZATION)).isGreaterThan(polarizationBefore);
        assertThat(json(after)).isEqualTo(json(RuleBaseLoader.load(rules, RuleCache.off())));
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aRenamedRuleFileIsADifferentRuleBase() throws IOException {
        RuleBaseLoader.load(rules, cache);
        Files.move(rules.resolve("engine-basic.drl"), rules.resolve("renamed.drl"));

        RuleBase renamed = RuleBaseLoader.load(rules, cache);

        assertThat(renamed.fromCache()).isFalse();
        assertThat(renamed.rule("Doubts reduced by open alliances").orElseThrow().file()).isEqualTo("renamed.drl");
    }

    @Test
    void aDamagedEntryIsDetectedDeletedAndRebuilt() throws IOException {
        RuleBase original = RuleBaseLoader.load(rules, cache);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        RuleBase rebuilt = RuleBaseLoader.load(rules, cache);

        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(json(rebuilt)).isEqualTo(json(original));
        assertThat(RuleBaseLoader.load(rules, cache).fromCache()).as("the rebuilt entry is sound").isTrue();
    }

    @Test
    void aTruncatedEntryIsRebuilt() throws IOException {
        RuleBaseLoader.load(rules, cache);
        Path entry = entries().get(0);
        Files.write(entry, new byte[]{'A', 'P', 'S', 'A'});

        assertThat(RuleBaseLoader.load(rules, cache).fromCache()).isFalse();
        assertThat(RuleBaseLoader.load(rules, cache).fromCache()).isTrue();
    }

    @Test
    void anEntryWhoseDigestHoldsButWhichDoesNotLoadIsRebuilt() throws IOException {
        RuleBaseLoader.load(rules, cache);
        Path entry = entries().get(0);
        String key = entry.getFileName().toString().replace(".kjar", "");
        // A sound entry (its digest matches) holding bytes that are no compiled rule base.
        cache.write(key, "not a kjar".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.read(key)).isPresent();

        RuleBase rebuilt = RuleBaseLoader.load(rules, cache);

        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(score(rebuilt, Outlook.POLARIZATION)).isPositive();
        assertThat(RuleBaseLoader.load(rules, cache).fromCache()).isTrue();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheCompile() throws IOException {
        Path notAFolder = Files.writeString(cacheDir.resolve("file"), "in the way");
        RuleCache blocked = RuleCache.at(notAFolder);

        assertThat(RuleBaseLoader.load(rules, blocked).fromCache()).isFalse();
        assertThat(RuleBaseLoader.load(rules, blocked).fromCache()).isFalse();
    }

    @Test
    void aCacheTurnedOffWritesNothing() throws IOException {
        RuleBaseLoader.load(rules, RuleCache.off());

        assertThat(entries()).isEmpty();
        assertThat(RuleCache.off().enabled()).isFalse();
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
        for (int i = 0; i < RuleCache.KEEP + 3; i++) {
            cache.write("entry" + i, ("kjar " + i).getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(entries()).hasSize(RuleCache.KEEP);
    }

    @Test
    void theKeyChangesWithTheBuildOfTheToolAndTheRules() {
        String build = RuleBaseLoader.buildId();

        assertThat(build).as("a digest of this build's classes").matches("[0-9a-f]{64}");
        assertThat(RuleBaseLoader.buildId()).isEqualTo(build);
        assertThat(RuleBaseLoader.cacheKey("rules", build)).isEqualTo(RuleBaseLoader.cacheKey("rules", build))
                .isNotEqualTo(RuleBaseLoader.cacheKey("rules", "another build"))
                .isNotEqualTo(RuleBaseLoader.cacheKey("other rules", build));
    }

    private List<Path> entries() {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".kjar")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FactSet baseline() {
        return new FactSetReader().readOne(BASELINE);
    }

    private static double score(RuleBase rules, Outlook outlook) {
        return new Assessor(rules).assess(baseline()).score(outlook.id());
    }

    private static String json(RuleBase rules) {
        return AssessmentJson.pretty(new Assessor(rules).assess(baseline()));
    }
}
