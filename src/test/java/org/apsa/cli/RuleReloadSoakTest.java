package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.render.AssessmentJson;
import org.apsa.rulebase.RuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule reload while assessments run, as the shell's {@code rules reload} does it through
 * {@link RuleBases}: two rule folders that score the same fact sets differently are
 * swapped back and forth while worker threads keep assessing. No assessment fails, and
 * each one's result is exactly that of one of the two rule bases, never a mixture.
 *
 * <p>The same run measures the heap retained after a full collection at each reload, while no
 * assessment is running: every session is disposed and every replaced rule base is let go,
 * so it does not grow. The short
 * run (2,000 assessments, 5 reloads) is part of {@code mvn test}; the soak (100,000
 * assessments, 100 reloads) runs with {@code mvn test -Dgroups=soak -DexcludedGroups=none}.
 */
class RuleReloadSoakTest {

    /**
     * Retained heap may grow by this much over a run (sampled between assessments, the samples
     * differ by 1 to 3 MB); 100 leaked rule bases would be hundreds of MB, 100,000 leaked
     * sessions more.
     */
    private static final long GROWTH_BOUND = 16L * 1024 * 1024;
    private static final int THREADS = 3;

    private static Path original;
    private static Path heavierChaos;
    private static List<FactSet> factSets;
    private static List<String> expectedOriginal;

    /** The shipped rules, and a copy in which deteriorating hotspots weigh more toward chaos. */
    @BeforeAll
    static void twoRuleBases() throws IOException {
        original = Path.of("rules");
        heavierChaos = Files.createTempDirectory("apsa-rules-heavier");
        try (Stream<Path> files = Files.list(original)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("hotspots.drl")) {
                    String changed = text.replace("new Support(kcontext, \"chaos\", 1.5,", "new Support(kcontext, \"chaos\", 2.5,");
                    assertThat(changed).as("the rule to change is where it was").isNotEqualTo(text);
                    text = changed;
                }
                Files.writeString(heavierChaos.resolve(file.getFileName()), text);
            }
        }
        Random random = new Random(9);
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        factSets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String line = GeneratedFactSets.line(random, i, 3).replace("\"indicators\":{",
                    "\"indicators\":{\"hotspot.koreanPeninsula\":\"crisis\",");
            factSets.add(reader.parse("generated.json", line.replaceAll(",\"hotspot.koreanPeninsula\":(\"[a-z]+\"|\\{[^}]*})", ""))
                    .factSet());
        }
        expectedOriginal = factSets.stream().map(f -> AssessmentJson.pretty(ShippedRules.assessor().assess(f), null)).toList();
    }

    @Test
    void reloadingWhileAssessingFailsNoneAndEachUsesOneRuleBaseWithoutHeapGrowth() throws Exception {
        Run run = run(2_000, 5);

        assertThat(run.failures).isEmpty();
        assertThat(run.mixed).as("assessments matching neither rule base").isEmpty();
        assertThat(run.assessments.get()).isGreaterThanOrEqualTo(2_000);
        assertThat(run.sawOriginal && run.sawHeavier).as("both rule bases were used").isTrue();
        assertThat(run.growth()).as("retained heap growth in bytes over %s", run.retained).isLessThan(GROWTH_BOUND);
        assertThat(run.replacedStillReachable).as("rule bases replaced by a reload and still reachable after a collection").isZero();
        assertThat(run.liveSessions).as("sessions not disposed").isZero();
    }

    @Test
    @Tag("soak")
    void soakOfAHundredThousandAssessmentsAndAHundredReloads() throws Exception {
        Run run = run(100_000, 100);

        assertThat(run.failures).isEmpty();
        assertThat(run.mixed).isEmpty();
        assertThat(run.growth()).as("retained heap growth in bytes over %s", run.retained).isLessThan(GROWTH_BOUND);
        // No trend either: the last quarter of the samples is not above the second quarter.
        List<Long> r = run.retained;
        long secondQuarter = r.subList(r.size() / 4, r.size() / 2).stream().mapToLong(Long::longValue).max().orElseThrow();
        long lastQuarter = r.subList(3 * r.size() / 4, r.size()).stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(lastQuarter).as("retained heap samples %s", r).isLessThan(secondQuarter + GROWTH_BOUND / 2);
    }

    /** What one run saw. */
    private static final class Run {
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** The distinct results seen for each fact set; sorted into the two rule bases' after the run. */
        final List<Set<String>> seen = new ArrayList<>();
        final Set<String> mixed = new HashSet<>();
        final AtomicLong assessments = new AtomicLong();
        boolean sawOriginal;
        boolean sawHeavier;
        final List<Long> retained = new ArrayList<>();
        final List<WeakReference<RuleBase>> replaced = new ArrayList<>();
        long replacedStillReachable;
        long liveSessions;

        /** From the sample after the first reload, once both rule bases and the caches exist, to the last. */
        long growth() {
            return retained.get(retained.size() - 1) - retained.get(1);
        }
    }

    private static Run run(long assessments, int reloads) throws Exception {
        RuleBases ruleBases = new RuleBases(null, null);
        ruleBases.reload(original.toString());
        Run run = new Run();
        factSets.forEach(f -> run.seen.add(ConcurrentHashMap.newKeySet()));
        AtomicBoolean stop = new AtomicBoolean();
        // Held by each assessment; the heap is sampled between assessments, so that what the
        // workers have in hand at that moment does not count as retained.
        ReadWriteLock between = new ReentrantReadWriteLock(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    int k = i % factSets.size();
                    between.readLock().lock();
                    try {
                        // As a command does: the session's assessor at the moment the command starts.
                        Assessor assessor = ruleBases.assessor(null);
                        String json = AssessmentJson.pretty(assessor.assess(factSets.get(k)), null);
                        run.seen.get(k).add(json);
                    } catch (RuntimeException e) {
                        run.failures.add(e.toString());
                    } finally {
                        between.readLock().unlock();
                    }
                    run.assessments.incrementAndGet();
                }
            }, "assessor-" + t);
            worker.start();
            workers.add(worker);
        }
        try {
            run.retained.add(retainedHeapBetween(between));
            for (int r = 1; r <= reloads; r++) {
                long until = assessments * r / reloads;
                while (run.assessments.get() < until && run.failures.isEmpty()) {
                    Thread.sleep(5);
                }
                Path folder = r % 2 == 1 ? heavierChaos : original;
                RuleBase before = ruleBases.assessor(folder.toString()).rules();
                ruleBases.reload(folder.toString());
                run.replaced.add(new WeakReference<>(before));
                run.retained.add(retainedHeapBetween(between));
            }
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(60_000);
            }
        }
        // Expected results from the rule bases the run ended with: no compile beyond the run's own.
        Assessor heavier = new Assessor(ruleBases.assessor(heavierChaos.toString()).rules());
        for (int k = 0; k < factSets.size(); k++) {
            String expectedHeavier = AssessmentJson.pretty(heavier.assess(factSets.get(k)), null);
            assertThat(expectedHeavier).as("the two rule bases differ on fact set %d", k).isNotEqualTo(expectedOriginal.get(k));
            for (String json : run.seen.get(k)) {
                if (json.equals(expectedOriginal.get(k))) {
                    run.sawOriginal = true;
                } else if (json.equals(expectedHeavier)) {
                    run.sawHeavier = true;
                } else {
                    run.mixed.add(json);
                }
            }
        }
        retainedHeap();
        run.replacedStillReachable = run.replaced.stream().filter(ref -> ref.get() != null).count();
        run.liveSessions = kieBase(ruleBases.assessor(original.toString()).rules()).getKieSessions().size()
                + kieBase(ruleBases.assessor(heavierChaos.toString()).rules()).getKieSessions().size();
        System.out.printf(Locale.ROOT, "%d assessments, %d reloads; retained heap (MB) at each reload: %s%n", run.assessments.get(),
                reloads, run.retained.stream().map(b -> String.valueOf(b / (1024 * 1024))).toList());
        return run;
    }

    /** A KieBase knows the sessions made from it until they are disposed; RuleBase keeps it private. */
    private static KieBase kieBase(RuleBase rules) throws ReflectiveOperationException {
        Field field = RuleBase.class.getDeclaredField("kieBase");
        field.setAccessible(true);
        return (KieBase) field.get(rules);
    }

    /** {@link #retainedHeap()} while no assessment is running. */
    private static long retainedHeapBetween(ReadWriteLock between) {
        between.writeLock().lock();
        try {
            return retainedHeap();
        } finally {
            between.writeLock().unlock();
        }
    }

    /** Heap in use after full collections, which is what the run keeps alive. */
    private static long retainedHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException(e));
            }
            last = Math.min(last, memory.getHeapMemoryUsage().getUsed());
        }
        return last;
    }
}
