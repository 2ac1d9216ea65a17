package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rule cache as a user meets it, through the packaged jar: a run after a rule
 * changed sees the change, a damaged cache entry is rebuilt, and a one-shot assessment fits
 * in a 128 MB heap whether it compiles the rules or finds them in the cache.
 */
class RuleCacheIT {

    private static final String BASELINE = Jar.PROJECT.resolve("facts/baseline-2014-12.json").toString();

    @TempDir
    Path cwd;
    @TempDir
    Path logs;
    @TempDir
    Path cache;
    @TempDir
    Path rules;

    private Jar.Run assess(String... jvmOptions) throws Exception {
        return Jar.run(cwd, logs, List.of(jvmOptions), Map.of("APSA_CACHE_DIR", cache.toString()),
                "assess", BASELINE, "--format", "json", "--rules", rules.toString());
    }

    private void copyShippedRules() throws Exception {
        try (Stream<Path> files = Files.list(Jar.PROJECT.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            // The compiled rules, not the verdicts of the rule checks nor the rules' model kept beside them.
            return files.filter(p -> p.toString().endsWith(".kjar")
                    && !p.getFileName().toString().contains(org.apsa.rulebase.RuleBaseLoader.CHECKS_SUFFIX)
                    && !p.getFileName().toString().endsWith("-model.kjar")).toList();
        }
    }

    /** Also the memory target: a one-shot assessment in a 128 MB heap, compiling or cached. */
    @Test
    void theNextRunSeesAChangedRuleAndEachFitsIn128Megabytes() throws Exception {
        copyShippedRules();
        Jar.Run first = assess("-Xmx128m");
        Jar.Run cached = assess("-Xmx128m");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(cached.exit()).as(cached.err()).isZero();
        assertThat(cached.out()).isEqualTo(first.out()).contains("\"leading\"");
        assertThat(entries()).hasSize(1);

        // The evidence needed to name a leader rises above the baseline's: no outlook leads now.
        Path scoring = rules.resolve("scoring.drl");
        String text = Files.readString(scoring);
        assertThat(text).contains("$total < 3.0 )");
        Files.writeString(scoring, text.replace("$total < 3.0 )", "$total < 30.0 )"));
        Jar.Run changed = assess("-Xmx128m");

        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).isNotEqualTo(first.out());
        assertThat(entries()).hasSize(2);
        Jar.Run uncached = Jar.run(cwd, logs, List.of(), Map.of("APSA_CACHE_DIR", "off"),
                "assess", BASELINE, "--format", "json", "--rules", rules.toString());
        assertThat(changed.out()).isEqualTo(uncached.out());
    }

    @Test
    void aDamagedEntryIsRebuiltAndTheRunIsUnaffected() throws Exception {
        copyShippedRules();
        Jar.Run first = assess();
        Path entry = entries().get(0);
        Files.write(entry, "APSA compiled rules 1\ngarbage".getBytes());

        Jar.Run repaired = assess();

        assertThat(repaired.exit()).as(repaired.err()).isZero();
        assertThat(repaired.err()).as("one warning line").isEqualTo("apsa: warning: compiled-rule cache entry " + entry
                + " is damaged or is not the entry of these rules; not used: the rules were compiled and the entry replaced\n");
        assertThat(repaired.out()).isEqualTo(first.out());
        assertThat(Files.size(entry)).isGreaterThan(1000);
        assertThat(Files.readString(logs.resolve("apsa.log"))).contains("is damaged or is not the entry of these rules");
    }
}
