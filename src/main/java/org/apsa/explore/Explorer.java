package org.apsa.explore;

import org.apsa.engine.Assessor;
import org.apsa.engine.Likelihood;
import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.Scoring;
import org.apsa.engine.WhatIf;
import org.apsa.fact.FactSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an exploration: draws the samples of the design, assesses each on the lean path and
 * tallies what it needs, then summarises.
 *
 * <p>The lean path: each worker takes blocks of {@link #BLOCK} consecutive samples; for a block
 * it opens one live session on the fact set, of only the rules that can change the scores, the
 * leader or its absence ({@link Assessor#outcomesOnly}), and moves it from sample to sample by
 * the indicators that changed, and reading the scores and the leader (no trace, no gains). The samples of a
 * block are taken along a {@link Route} that goes to the nearest one next, so that the session
 * moves as few indicators as it can. A block always starts from a fresh session and takes the
 * same route, so each sample's scores are the same whatever thread ran it; the tallies are whole
 * numbers, so they add up to the same totals in any order.
 *
 * <p>Memory: the tallies are fixed in size; the levels and leader of the first
 * {@link #KEPT_LIMIT} samples are kept for scenario discovery, one byte per varied indicator and
 * one for the leader each (under 3 MB for the 28 indicators of the vocabulary).
 */
public final class Explorer {

    public static final int BLOCK = 512;
    public static final int KEPT_LIMIT = 100_000;
    /** The most samples total effects rest on (docs/explore.md, "Sensitivity"). */
    static final int TOTAL_EFFECT_LIMIT = 1_024;
    /** Samples of each box whose firings are read again, and of all samples for comparison. */
    static final int REPLAYED_PER_BOX = 200;
    static final int REPLAYED_OVERALL = 400;
    static final int BOXES_PER_OUTLOOK = 3;
    static final double Z95 = 1.959963984540054;

    /**
     * The settings of a run: at least one sample and one thread (the commands check them);
     * {@code threads} changes how fast, never what.
     */
    public record Options(int samples, long seed, Vary vary, int threads) {
    }

    private final Assessor assessor;
    /** The knowledge base of the assessor's rules: its outlooks are tallied, its indicators varied. */
    private final KnowledgeBase knowledgeBase;
    private final int outlooks;

    public Explorer(Assessor assessor) {
        this.assessor = assessor;
        this.knowledgeBase = assessor.rules().knowledgeBase();
        this.outlooks = knowledgeBase.outlooks().size();
    }

    public Exploration explore(FactSet facts, Options options) {
        Run run = new Run(facts, options);
        int blocks = blocks(run.n);
        AtomicInteger next = new AtomicInteger();
        List<Callable<Tally>> workers = Collections.nCopies(Math.min(options.threads(), blocks), () -> run.work(next, blocks));
        Tally total = new Tally(run.model, outlooks);
        Workers.run(workers.size(), "explore", workers).forEach(total::merge);
        return run.summary(options, total);
    }

    /**
     * On how many of the first samples total effects redraw each varied indicator alone: one
     * re-assessment per indicator and sample, so as many in all as there are samples
     * (⌈{@code n} / {@code k}⌉), and never more than {@link #TOTAL_EFFECT_LIMIT} samples, so
     * that their cost stops growing with {@code n}.
     */
    static int totalEffectSamples(int n, int k) {
        return k == 0 ? 0 : Math.min(TOTAL_EFFECT_LIMIT, Math.min(n, (n + k - 1) / k));
    }

    /** How many blocks of {@link #BLOCK} samples a run of {@code samples} has: the units a run may be split into. */
    public static int blocks(int samples) {
        return (samples + BLOCK - 1) / BLOCK;
    }

    /**
     * What blocks {@code from} (inclusive) to {@code to} (exclusive) of a run count, for a run
     * split across machines: each block's samples follow from the seed and the block's number
     * alone, so the parts of any split, {@link #combine combined}, are the run of
     * {@link #explore}.
     */
    public Part part(FactSet facts, Options options, int from, int to) {
        Run run = new Run(facts, options);
        Tally tally = run.work(new AtomicInteger(from), Math.min(to, blocks(run.n)));
        int first = Math.min(run.kept, from * BLOCK);
        int last = Math.min(run.kept, to * BLOCK);
        return new Part(first, Arrays.copyOfRange(run.keptLevels, first * run.k, last * run.k),
                Arrays.copyOfRange(run.keptLeaders, first, last), tally);
    }

    /** The parts of a run, covering its blocks once each, in any order, summarised as {@link #explore} does. */
    public Exploration combine(FactSet facts, Options options, List<Part> parts) {
        Run run = new Run(facts, options);
        Tally total = new Tally(run.model, outlooks);
        for (Part p : parts) {
            total.merge(p.tally);
            System.arraycopy(p.keptLevels, 0, run.keptLevels, p.firstKept * run.k, p.keptLevels.length);
            System.arraycopy(p.keptLeaders, 0, run.keptLeaders, p.firstKept, p.keptLeaders.length);
        }
        if (total.samples != run.n) {
            throw new IllegalArgumentException("the parts hold " + total.samples + " samples of " + run.n);
        }
        return run.summary(options, total);
    }

    /** What some blocks of a run counted, and the levels and leaders they keep for scenario discovery from sample {@code firstKept} on. */
    public record Part(int firstKept, byte[] keptLevels, byte[] keptLeaders, Tally tally) implements java.io.Serializable {
    }

    /** One run: its sampling model and design, and the levels and leaders of the samples it keeps for scenario discovery. */
    private final class Run {

        final FactSet facts;
        final SamplingModel model;
        final Design design;
        final int k;
        final int n;
        final int kept;
        final byte[] keptLevels;
        final byte[] keptLeaders;

        Run(FactSet facts, Options options) {
            this.facts = facts;
            model = new SamplingModel(facts, options.vary(), knowledgeBase.vocabulary());
            k = model.dimensions().size();
            design = new Design(k, options.seed());
            n = options.samples();
            kept = Math.min(n, KEPT_LIMIT);
            keptLevels = new byte[kept * k];
            keptLeaders = new byte[kept];
        }

        /** Assesses the blocks {@code next} hands out, below {@code blocks}, and counts them. */
        Tally work(AtomicInteger next, int blocks) {
            int swaps = totalEffectSamples(n, k);
            Tally tally = new Tally(model, outlooks);
            Design.Cursor cursor = design.cursor();
            Route route = new Route(BLOCK, k);
            // The block's levels, drawn in the design's order, then assessed along the route.
            byte[] drawn = new byte[BLOCK * k];
            byte[] redrawn = new byte[BLOCK * k];
            int[] order = new int[BLOCK];
            byte[] a = new byte[k];
            byte[] at = new byte[k];
            String[] ids = model.dimensions().stream().map(SamplingModel.Dimension::id).toArray(String[]::new);
            int[] scores = new int[outlooks];
            int[] swapped = new int[outlooks];
            for (int block = next.getAndIncrement(); block < blocks; block = next.getAndIncrement()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("exploration interrupted", new InterruptedException());
                }
                int first = block * BLOCK;
                int size = Math.min(n, first + BLOCK) - first;
                for (int j = 0; j < size; j++) {
                    double[] u = cursor.point(first + j);
                    model.levels(u, 0, drawn, j * k);
                    if (first + j < swaps) {
                        model.levels(u, k, redrawn, j * k);
                    }
                }
                route.plan(drawn, size, order);
                try (WhatIf live = assessor.outcomesOnly(facts)) {
                    // The level each varied indicator has in the session; -1: as stated in the fact set.
                    Arrays.fill(at, (byte) -1);
                    for (int step = 0; step < size; step++) {
                        int j = order[step];
                        int i = first + j;
                        System.arraycopy(drawn, j * k, a, 0, k);
                        for (int d = 0; d < k; d++) {
                            if (at[d] != a[d]) {
                                live.move(ids[d], model.reading(d, a[d]));
                                at[d] = a[d];
                            }
                        }
                        int leader = read(live.settle(null), scores);
                        tally.add(a, scores, leader);
                        if (i < kept) {
                            System.arraycopy(a, 0, keptLevels, i * k, k);
                            keptLeaders[i] = (byte) leader;
                        }
                        if (i < swaps) {
                            tally.swapSamples++;
                            for (int d = 0; d < k; d++) {
                                byte b = redrawn[j * k + d];
                                if (b != a[d]) {
                                    live.move(ids[d], model.reading(d, b));
                                    read(live.settle(null), swapped);
                                    live.move(ids[d], model.reading(d, a[d]));
                                    tally.addSwap(d, scores, swapped);
                                }
                            }
                        }
                    }
                }
            }
            return tally;
        }

        /** The run's summary from its counts and the samples it kept: shares, scores, sensitivity and the boxes. */
        Exploration summary(Options options, Tally total) {
            String assessedLeader;
            try (WhatIf live = assessor.outcomesOnly(facts)) {
                assessedLeader = live.settle(null).leading();
            }
            Exploration.Settings settings = new Exploration.Settings(options.samples(), options.seed(), options.vary());
            Discovery discovery = new Discovery(assessor.rules(), model, keptLevels, keptLeaders, kept,
                    Math.min(options.threads(), Runtime.getRuntime().availableProcessors()));
            return new Exploration(facts.id(), facts.title(), facts.asOf(), settings, "sobol-shifted", model.dimensions(),
                    assessedLeader, leads(total), scores(total), sensitivity(model, total), (int) total.swapSamples, discovery.boxes(),
                    kept, discovery.overall(), discovery.replayed(), knowledgeBase);
        }
    }

    /** Reads the scores into {@code scores} (units of 0.0001, outlook order) and returns the leader's slot. */
    private int read(WhatIf.Outcome outcome, int[] scores) {
        for (ScenarioScore s : outcome.scores()) {
            scores[knowledgeBase.outlook(s.scenario()).orElseThrow().ordinal()] = (int) Math.round(s.score() * Tally.UNITS);
        }
        return outcome.leading() == null ? outlooks : knowledgeBase.outlook(outcome.leading()).orElseThrow().ordinal();
    }

    private String outlookId(int o) {
        return knowledgeBase.outlooks().get(o).id();
    }

    private List<Exploration.Lead> leads(Tally t) {
        List<Exploration.Lead> leads = new ArrayList<>();
        for (int o = 0; o <= outlooks; o++) {
            String id = o == outlooks ? Exploration.NO_LEADER : outlookId(o);
            long count = t.leaders[o];
            double share = count / (double) t.samples;
            double[] interval = wilson(count, t.samples);
            leads.add(new Exploration.Lead(id, count, share, interval[0], interval[1], Likelihood.of(share).term()));
        }
        return leads;
    }

    /** The 95% Wilson score interval of a share. */
    static double[] wilson(long successes, long n) {
        double p = successes / (double) n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At 0 or n the interval ends at the share itself, not a rounding error away from it.
        return new double[] {successes == 0 ? 0 : Math.max(0, centre - half), successes == n ? 1 : Math.min(1, centre + half)};
    }

    private List<Exploration.Scores> scores(Tally t) {
        List<Exploration.Scores> scores = new ArrayList<>();
        for (int o = 0; o < outlooks; o++) {
            int[] histogram = new int[20];
            for (int u = 0; u <= Tally.UNITS; u++) {
                histogram[Math.min(19, u * 20 / Tally.UNITS)] += t.histogram[o][u];
            }
            scores.add(new Exploration.Scores(outlookId(o), units(t.sum[o] / (double) t.samples),
                    quantile(t.histogram[o], t.samples, 0.05), quantile(t.histogram[o], t.samples, 0.50),
                    quantile(t.histogram[o], t.samples, 0.95), histogram));
        }
        return scores;
    }

    /** The nearest-rank quantile: the least score at or below which a share {@code q} of the samples lie. */
    static double quantile(int[] histogram, long n, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int u = 0; u < histogram.length; u++) {
            seen += histogram[u];
            if (seen >= rank) {
                return u / (double) Tally.UNITS;
            }
        }
        return 1.0;
    }

    private static double units(double value) {
        return Math.rint(value) / Tally.UNITS;
    }

    /**
     * First order: the variance of the score's mean across the indicator's levels, less what
     * chance alone puts there (the between-levels sum of squares less its expectation under no
     * effect, as in analysis of variance), over the score's variance. Total: Jansen's estimator,
     * half the mean squared change when the indicator alone is redrawn, over the variance.
     */
    private List<Exploration.Sensitivity> sensitivity(SamplingModel model, Tally t) {
        List<Exploration.Sensitivity> rows = new ArrayList<>();
        double n = t.samples;
        for (int d = 0; d < model.dimensions().size(); d++) {
            Map<String, Double> first = new LinkedHashMap<>();
            Map<String, Double> total = t.swapSamples == 0 ? null : new LinkedHashMap<>();
            double largest = 0;
            for (int o = 0; o < outlooks; o++) {
                double mean = t.sum[o] / n;
                double totalSquares = t.sumOfSquares[o] - t.sum[o] * mean;
                double variance = totalSquares / n;
                double between = 0;
                int levels = 0;
                for (int l = 0; l < t.levelCount[d].length; l++) {
                    long count = t.levelCount[d][l];
                    if (count > 0) {
                        levels++;
                        double levelMean = t.levelSum[d][l][o] / (double) count;
                        between += count * (levelMean - mean) * (levelMean - mean);
                    }
                }
                double within = Math.max(0, totalSquares - between);
                double meanWithin = n > levels ? within / (n - levels) : 0;
                double s1 = variance <= 0 ? 0 : clamp((between - (levels - 1) * meanWithin) / n / variance);
                first.put(outlookId(o), Scoring.round(s1));
                largest = Math.max(largest, s1);
                if (total != null) {
                    double st = variance <= 0 ? 0 : clamp(t.swapSquares[d][o] / (2.0 * t.swapSamples) / variance);
                    total.put(outlookId(o), Scoring.round(st));
                    largest = Math.max(largest, st);
                }
            }
            rows.add(new Exploration.Sensitivity(model.dimensions().get(d).id(), first, total, Scoring.round(largest)));
        }
        rows.sort(Comparator.comparingDouble((Exploration.Sensitivity s) -> -s.largest())
                .thenComparingInt(s -> knowledgeBase.vocabulary().order(s.indicator())));
        return rows;
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
