package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reloading the session's rules: a broken edit keeps the rules in use, a good one swaps them,
 * assessments running during a swap all finish on the rules they started with, and the
 * file watcher reloads by itself and says so.
 */
class RuleBasesReloadTest {

    private static final FactSet BASELINE = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
    private static final String LEADER = "Name the leading outlook";

    @TempDir
    Path rules;

    @BeforeEach
    void copyTheShippedRules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void anEditThatDoesNotCompileKeepsTheRulesInUse() throws Exception {
        RuleBases bases = new RuleBases(null, null);
        RuleBase before = bases.reload(rules.toString());
        edit("scoring.drl", "not InsufficientEvidence()", "not InsufficientEvidence(");

        assertThatThrownBy(() -> bases.reload(null))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining(rules.resolve("scoring.drl") + ":");
        assertThat(bases.assessor(null).rules()).isSameAs(before);
        assertThat(bases.assessor(rules.toString()).rules()).isSameAs(before);
        assertThat(bases.assessor(null).assess(BASELINE).leading()).isEqualTo("polarization");
    }

    /** Where a misspelled level lands in china-role.drl, and what the checks say of it. */
    private String misspelledLevel() {
        return rules.resolve("china-role.drl") + ":38:62: error: rule \"An open security dialogue supports integration\": "
                + "level \"hihg\" is not on the scale of \"china.securityDialogue\" (did you mean \"high\"?); allowed: low | "
                + "medium | high";
    }

    @Test
    void rulesThatValidateCallsWrongAreNotLoadedForACommand() throws Exception {
        edit("china-role.drl", "id == \"china.securityDialogue\", level == \"high\"", "id == \"china.securityDialogue\", level == \"hihg\"");

        assertThatThrownBy(() -> new RuleBases(null, null).assessor(rules.toString()))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageStartingWith(misspelledLevel() + "\n    fix: use a level of the indicator's scale\n")
                .hasMessageEndingWith("The rules have 1 error, so they are not used; fix it ('rules validate' shows warnings too).");
    }

    @Test
    void aLiveReloadOfRulesThatValidateCallsWrongKeepsTheRulesInUseAndSaysWhy() throws Exception {
        RuleBases bases = new RuleBases(null, null);
        RuleBase first = bases.reload(rules.toString());
        List<String> notices = new CopyOnWriteArrayList<>();
        LiveReload live = new LiveReload(bases, notices::add, true, Duration.ofMillis(300));
        live.start();
        try {
            edit("china-role.drl", "id == \"china.securityDialogue\", level == \"high\"",
                    "id == \"china.securityDialogue\", level == \"hihg\"");
            await(notices, 1);
            assertThat(notices.get(0)).isEqualTo("Rules changed but have 1 error (first: " + misspelledLevel()
                    + "); still using the previous rules. 'rules validate' shows all.");
            assertThat(bases.assessor(null).rules()).isSameAs(first);
        } finally {
            live.stop();
        }
    }

    @Test
    void anEditThatCompilesSwapsTheRules() throws Exception {
        RuleBases bases = new RuleBases(null, null);
        RuleBase before = bases.reload(rules.toString());
        edit("scoring.drl", "rule \"" + LEADER + "\"", "rule \"Name the leader\"");

        RuleBase after = bases.reload(null);

        assertThat(after).isNotSameAs(before);
        assertThat(bases.assessor(null).rules()).isSameAs(after);
        assertThat(after.rule("Name the leader")).isPresent();
        assertThat(bases.assessor(null).assess(BASELINE).firedRules()).containsKey("Name the leader");
    }

    @Test
    void assessmentsInFlightDuringSwapsAllSucceedOnTheRulesTheyStartedWith() throws Exception {
        RuleBases bases = new RuleBases(null, null);
        bases.reload(rules.toString());
        AtomicBoolean swapping = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Integer> done = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                int n = 0;
                while (swapping.get() || n < 5) {
                    Assessor assessor = bases.assessor(null);
                    try {
                        var a = assessor.assess(BASELINE);
                        // The rule that named the leader is one of the rule base the assessment started with.
                        String namer = a.firedRules().containsKey(LEADER) ? LEADER : "Name the leader";
                        assertThat(assessor.rules().rule(namer)).isPresent();
                        n++;
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
                done.add(n);
            }));
        }
        for (int i = 0; i < 2; i++) {
            edit("scoring.drl", i % 2 == 0 ? "rule \"" + LEADER + "\"" : "rule \"Name the leader\"",
                    i % 2 == 0 ? "rule \"Name the leader\"" : "rule \"" + LEADER + "\"");
            bases.reload(null);
        }
        swapping.set(false);
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(done).hasSize(2).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
    }

    @Test
    void theWatcherReloadsAChangedFolderAndKeepsTheOldRulesWhenTheChangeIsBroken() throws Exception {
        RuleBases bases = new RuleBases(null, null);
        RuleBase first = bases.reload(rules.toString());
        List<String> notices = new CopyOnWriteArrayList<>();
        LiveReload live = new LiveReload(bases, notices::add, true, Duration.ofMillis(300));
        live.start();
        try {
            assertThat(live.isRunning()).isTrue();
            edit("scoring.drl", "rule \"" + LEADER + "\"", "rule \"Name the leader\"");
            await(notices, 1);
            assertThat(notices.get(0)).matches("Rules changed: reloaded 96 rules from " + rules + " in \\d+ ms\\.");
            RuleBase second = bases.assessor(null).rules();
            assertThat(second).isNotSameAs(first);
            assertThat(second.rule("Name the leader")).isPresent();

            edit("scoring.drl", "not InsufficientEvidence()", "not InsufficientEvidence(");
            await(notices, 2);
            assertThat(notices.get(1)).isEqualTo("Rules changed but do not compile (1 error, first: "
                    + rules.resolve("scoring.drl") + ":49:29: syntax error: this parenthesis is not closed (the parser then "
                    + "found 'insertLogical' at line 51)); still using the previous rules. 'rules validate' shows all.");
            assertThat(bases.assessor(null).rules()).isSameAs(second);
        } finally {
            live.stop();
        }
        assertThat(live.isRunning()).isFalse();
    }

    @Test
    void theWatcherIsNotStartedOutsideTheInteractiveShell() {
        LiveReload live = new LiveReload(new RuleBases(null, null), text -> { }, false, Duration.ofMillis(300));
        live.start();

        assertThat(live.isRunning()).isFalse();
    }

    private static void await(List<String> notices, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (notices.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(notices).as("notices after a change").hasSizeGreaterThanOrEqualTo(count);
    }
}
