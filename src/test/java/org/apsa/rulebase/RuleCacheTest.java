package org.apsa.rulebase;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessor;
import org.apsa.fact.Outlook;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void copyTheEngineTestRules() throws IOException {
        cache = RuleCache.at(cacheDir, warnings::add);
        Files.copy(Path.of("rules/scoring.drl"), rules.resolve("scoring.drl"));
        Files.copy(Path.of("src/test/resources/rules-engine/basic/engine-basic.drl"), rules.resolve("engine-basic.drl"));
    }

    private RuleBase load(RuleCache through) {
        return RuleBaseLoader.load(rules, through, RuleChecks.NONE);
    }

    @Test
    void unchangedRulesLoadFromTheCacheTheSecondTime() {
        RuleBase first = load(cache);
        RuleBase second = load(cache);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(entries()).hasSize(1);
        assertThat(second.rules()).isEqualTo(first.rules());
        assertThat(json(second)).isEqualTo(json(first));
    }

    /** The DRL model is kept beside the compiled rules: a run from the cache takes it from there and parses nothing. */
    @Test
    void aRunFromTheCacheTakesTheDrlModelFromTheCacheNotFromTheTexts() {
        RuleBase first = load(cache);
        String key = entries().get(0).getFileName().toString().replace(".kjar", "");
        DrlModel kept = DrlModels.parse("kept.drl", "package org.apsa.rules;\nrule \"Only in the cache\" when then end\n");
        cache.write(key + RuleBaseLoader.MODEL_SUFFIX, kept.bytes());

        RuleBase second = load(cache);

        assertThat(first.model().rules()).extracting(DrlModel.Rule::name).contains("Score the four outlooks");
        assertThat(second.fromCache()).isTrue();
        assertThat(second.model()).isEqualTo(kept);
    }

    @Test
    void aDrlModelEntryThatDoesNotReadIsReadFromTheTextsAgain() {
        RuleBase first = load(cache);
        String key = entries().get(0).getFileName().toString().replace(".kjar", "");
        cache.write(key + RuleBaseLoader.MODEL_SUFFIX, "{\"not\": \"a model\"}".getBytes(StandardCharsets.UTF_8));

        RuleBase second = load(cache);

        assertThat(second.fromCache()).isTrue();
        assertThat(second.model()).isEqualTo(first.model());
    }

    @Test
    void anEmptyEntryReadsBackAsSavedWithoutAWarning() {
        // An entry of no bytes at all is an entry all the same.
        String key = "1".repeat(64) + "-checks";
        cache.write(key, new byte[0]);

        assertThat(cache.read(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        assertThat(cache.read(key)).isPresent();
        assertThat(warnings).isEmpty();
    }

    @Test
    void cleanRulesAreCheckedOnceAndTheirVerdictServedFromTheCacheAfter() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        RuleChecks counting = (folder, texts, model, knowledgeBase) -> {
            calls.incrementAndGet();
            return RuleChecks.Verdict.CLEAN;
        };
        RuleBaseLoader.load(rules, cache, counting);
        RuleBaseLoader.load(rules, cache, counting);
        RuleBaseLoader.load(rules, cache, counting);

        assertThat(calls).hasValue(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aChangedRuleIsCompiledAgainAndItsNewBehaviourSeen() throws IOException {
        RuleBase before = load(cache);
        double polarizationBefore = score(before, org.apsa.fact.KnowledgeBase.embedded().outlook("polarization").orElseThrow());
        Path file = rules.resolve("engine-basic.drl");
        String text = Files.readString(file);
        assertThat(text).contains("\"polarization\", 2.0,");
        Files.writeString(file, text.replace("\"polarization\", 2.0,", "\"polarization\", 6.0,"));

        RuleBase after = load(cache);

        assertThat(after.fromCache()).isFalse();
        assertThat(score(after, org.apsa.fact.KnowledgeBase.embedded().outlook("polarization").orElseThrow())).isGreaterThan(polarizationBefore);
        assertThat(json(after)).isEqualTo(json(load(RuleCache.off())));
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aRenamedRuleFileIsADifferentRuleBase() throws IOException {
        load(cache);
        Files.move(rules.resolve("engine-basic.drl"), rules.resolve("renamed.drl"));

        RuleBase renamed = load(cache);

        assertThat(renamed.fromCache()).isFalse();
        assertThat(renamed.rule("Doubts reduced by open alliances").orElseThrow().file()).isEqualTo("renamed.drl");
    }

    @Test
    void aDamagedEntryIsDetectedDeletedAndRebuilt() throws IOException {
        RuleBase original = load(cache);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        RuleBase rebuilt = load(cache);

        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(json(rebuilt)).isEqualTo(json(original));
        assertThat(load(cache).fromCache()).as("the rebuilt entry is sound").isTrue();
    }

    @Test
    void aTruncatedEntryIsRebuilt() throws IOException {
        load(cache);
        Path entry = entries().get(0);
        Files.write(entry, new byte[]{'A', 'P', 'S', 'A'});

        assertThat(load(cache).fromCache()).isFalse();
        assertThat(load(cache).fromCache()).isTrue();
    }

    @Test
    void anEntryWhoseDigestHoldsButWhichDoesNotLoadIsRebuilt() throws IOException {
        load(cache);
        Path entry = entries().get(0);
        String key = entry.getFileName().toString().replace(".kjar", "");
        // A sound entry (its digest matches) holding bytes that are no compiled rule base.
        cache.write(key, "not a kjar".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.read(key)).isPresent();

        RuleBase rebuilt = load(cache);

        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(score(rebuilt, org.apsa.fact.KnowledgeBase.embedded().outlook("polarization").orElseThrow())).isPositive();
        assertThat(load(cache).fromCache()).isTrue();
    }

    /** Fixture of the defect: another rule set's entry copied onto this key's name was served without a word. */
    @Test
    void anotherRuleSetsEntryCopiedOntoThisKeyIsRefusedWithOneWarning() throws IOException {
        RuleBase original = load(cache);
        Path entry = entries().get(0);
        String key = entry.getFileName().toString().replace(".kjar", "");
        // A sound entry of other rules, under another key, put where this key's entry lives.
        RuleCache.at(cacheDir, warnings::add).write("0".repeat(64), "the compiled classes of other rules".getBytes(StandardCharsets.US_ASCII));
        Files.move(cacheDir.resolve("0".repeat(64) + ".kjar"), entry, StandardCopyOption.REPLACE_EXISTING);

        assertThat(RuleCache.at(cacheDir, warnings::add).read(key)).isEmpty();
        assertThat(warnings).containsExactly("compiled-rule cache entry " + entry + " is damaged or is not the entry of these rules; "
                + "not used: the rules were compiled and the entry replaced");
        RuleBase rebuilt = load(cache);
        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(json(rebuilt)).isEqualTo(json(original));
    }

    /** Fixtures of the defects: an entry that was a link to /dev/zero exited 4; a named pipe hung the run. */
    @Test
    void anEntryThatIsALinkOrANamedPipeIsNeverOpenedAndIsReplacedWithOneWarning() throws Exception {
        load(cache);
        Path entry = entries().get(0);
        String key = entry.getFileName().toString().replace(".kjar", "");

        Files.delete(entry);
        Files.createSymbolicLink(entry, Path.of("/dev/zero"));
        RuleBase overLink = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> load(cache));
        assertThat(overLink.fromCache()).isFalse();
        assertThat(Files.isSymbolicLink(entry)).as("replaced by a sound entry").isFalse();
        assertThat(load(cache).fromCache()).isTrue();

        Files.delete(entry);
        org.apsa.batch.SpecialFiles.fifo(entry);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cache.read(key))).isEmpty();

        assertThat(warnings).containsExactly(
                "compiled-rule cache entry " + entry + " is a link, which this tool never writes; not read: the rules were compiled and the entry replaced",
                "compiled-rule cache entry " + entry + " is not a regular file, which this tool never writes; not read: the rules were compiled and the entry replaced");
    }

    /** Fixture of the defect: a cache folder others may write to was used, and its classes run. */
    @Test
    void aFolderOthersMayWriteToIsNotUsedWithOneWarning() throws IOException {
        load(cache);
        Path entry = entries().get(0);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> told = new ArrayList<>();
        RuleCache open = RuleCache.at(cacheDir, told::add);

        RuleBase loaded = load(open);

        assertThat(loaded.fromCache()).isFalse();
        assertThat(told).containsExactly("the compiled-rule cache " + cacheDir + " is not used: others than its owner may write to it "
                + "(rwxrwxrwx); chmod go-w " + cacheDir + " to use it; the rules are compiled on every run (set APSA_CACHE_DIR to a "
                + "folder of your own, or to off)");
        assertThat(entries()).as("nothing written there either").containsExactly(entry);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
    }

    /** A folder of another user's: tried where the tests may hand a folder to another user (as root). */
    @Test
    void aFolderOfAnotherUsersIsNotUsed() throws IOException {
        Path theirs = Files.createDirectories(cacheDir.resolve("theirs"));
        UserPrincipal nobody;
        try {
            nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(theirs, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot give a folder to another user here: " + e);
            return;
        }
        List<String> told = new ArrayList<>();

        assertThat(load(RuleCache.at(theirs, told::add)).fromCache()).isFalse();

        assertThat(told).hasSize(1);
        assertThat(told.get(0)).startsWith("the compiled-rule cache " + theirs + " is not used: it belongs to nobody, not to ");
        try (Stream<Path> files = Files.list(theirs)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void newFoldersAreTheUsersAloneAndEntriesReadableByTheUserOnly() throws IOException {
        Path fresh = cacheDir.resolve("a/b");

        load(RuleCache.at(fresh, warnings::add));

        assertThat(Files.getPosixFilePermissions(cacheDir.resolve("a"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(fresh)) {
            assertThat(files.toList()).as("the compiled rules and their DRL model").hasSize(2)
                    .allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f)).isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheCompile() throws IOException {
        Path notAFolder = Files.writeString(cacheDir.resolve("file"), "in the way");
        RuleCache blocked = RuleCache.at(notAFolder);

        assertThat(load(blocked).fromCache()).isFalse();
        assertThat(load(blocked).fromCache()).isFalse();
    }

    @Test
    void aCacheTurnedOffWritesNothing() throws IOException {
        load(RuleCache.off());

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

    /**
     * A rule set has up to three entries (its compiled rules, their model, the checks' verdict):
     * the cache keeps {@link RuleCache#KEEP} rule sets, each with all its entries, the one used
     * last (through any of its entries) first.
     */
    @Test
    void theMostRecentlyUsedRuleSetsAreKeptEachWithAllItsEntries() throws IOException {
        long now = System.currentTimeMillis();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < RuleCache.KEEP + 2; i++) {
            String key = String.format("%064x", i);
            keys.add(key);
            for (String name : List.of(key, key + RuleBaseLoader.MODEL_SUFFIX, key + RuleBaseLoader.CHECKS_SUFFIX + "-" + "f".repeat(64))) {
                Path entry = Files.write(cacheDir.resolve(name + ".kjar"), new byte[]{1});
                // Rule set 0 is the oldest but for its model, read a moment ago.
                long used = i == 0 && name.endsWith(RuleBaseLoader.MODEL_SUFFIX) ? now - 1_000 : now - (100 - i) * 60_000L;
                Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(used));
            }
        }

        cache.write("e".repeat(64), new byte[]{2});

        List<String> left = files().stream().map(f -> RuleCache.ruleSet(f.getFileName().toString())).distinct().toList();
        assertThat(left).hasSize(RuleCache.KEEP).contains("e".repeat(64), keys.get(0))
                .doesNotContain(keys.get(1), keys.get(2), keys.get(3));
        assertThat(files()).hasSize(1 + (RuleCache.KEEP - 1) * 3);
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".kjar")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
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
            return files.filter(f -> f.toString().endsWith(".kjar") && !f.toString().endsWith(RuleBaseLoader.MODEL_SUFFIX + ".kjar"))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FactSet baseline() {
        return new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(BASELINE);
    }

    private static double score(RuleBase rules, Outlook outlook) {
        return new Assessor(rules).assess(baseline()).score(outlook.id());
    }

    private static String json(RuleBase rules) {
        return AssessmentJson.pretty(new Assessor(rules).assess(baseline()), null);
    }
}
