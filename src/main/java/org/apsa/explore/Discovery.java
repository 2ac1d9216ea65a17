package org.apsa.explore;

import org.apsa.engine.Assessor;
import org.apsa.engine.Indicator;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario discovery: PRIM's boxes for each outlook, and for "no leader" (too little evidence),
 * over the samples kept, and for each box the
 * rules that fire most in it. The lean path records no firings; the firings are read again for
 * a few samples of each box ({@link Explorer#REPLAYED_PER_BOX}, the first ones in the box) and
 * for the first {@link Explorer#REPLAYED_OVERALL} samples of all, each in a fresh session with
 * the same rules let through, so what is shown is what actually fired.
 */
final class Discovery {

    /** At most this many rules shown for a box. */
    static final int RULES_PER_BOX = 5;
    /** How much more often than over all samples a rule must fire in a box to be shown for it. */
    static final double LIFT = 0.10;

    private final RuleBase rules;
    private final SamplingModel model;
    private final AgendaFilter lean;
    private final byte[] levels;
    private final byte[] leaders;
    private final int n;
    private final int k;
    private final Map<Integer, Set<String>> fired = new java.util.concurrent.ConcurrentHashMap<>();
    private final int threads;
    private java.util.concurrent.ExecutorService workers;
    private Map<String, Integer> overallCounts = Map.of();
    private int overallSamples;

    Discovery(RuleBase rules, SamplingModel model, AgendaFilter lean, byte[] levels, byte[] leaders, int n, int threads) {
        this.threads = threads;
        this.rules = rules;
        this.model = model;
        this.lean = lean;
        this.levels = levels;
        this.leaders = leaders;
        this.n = n;
        this.k = model.dimensions().size();
    }

    /** The rules that fired in the samples replayed for comparison, with the share of them each fired in. */
    List<Exploration.FiringRule> overall() {
        List<Exploration.FiringRule> found = new ArrayList<>();
        overallCounts.forEach((name, count) -> {
            RuleInfo info = rules.rule(name).orElse(null);
            double share = Explorer.round(count / (double) overallSamples);
            found.add(new Exploration.FiringRule(name, info == null ? null : info.title(), info == null ? null : info.source(),
                    share, share));
        });
        found.sort(Comparator.comparingDouble((Exploration.FiringRule r) -> -r.overall()).thenComparing(Exploration.FiringRule::name));
        return found;
    }

    int replayed() {
        return overallSamples;
    }

    List<Exploration.Boxes> boxes() {
        int[] sizes = model.dimensions().stream().mapToInt(d -> d.levels().size()).toArray();
        Prim prim = new Prim(levels, n, sizes);
        List<Exploration.Boxes> all = new ArrayList<>();
        KieSessionsPool pool = rules.newSessionPool();
        workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "explore-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Integer> reference = new ArrayList<>();
            for (int i = 0; i < Math.min(n, Explorer.REPLAYED_OVERALL); i++) {
                reference.add(i);
            }
            Map<String, Integer> overall = firings(pool, reference);
            overallCounts = overall;
            overallSamples = reference.size();
            // Each outlook, then "no leader" (too little evidence), an outcome to find the conditions of as well.
            KnowledgeBase knowledgeBase = rules.knowledgeBase();
            int none = knowledgeBase.outlooks().size();
            for (int outcome = 0; outcome <= none; outcome++) {
                boolean[] y = new boolean[n];
                long leads = 0;
                for (int i = 0; i < n; i++) {
                    y[i] = leaders[i] == outcome;
                    leads += y[i] ? 1 : 0;
                }
                List<Exploration.Box> boxes = new ArrayList<>();
                // Each box is found among the samples the boxes before it leave out, and counted there.
                boolean[] earlier = new boolean[n];
                for (Prim.Box box : prim.boxes(y, Explorer.BOXES_PER_OUTLOOK)) {
                    int samples = 0;
                    int inBoxLeads = 0;
                    List<Integer> inside = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (!earlier[i] && box.contains(levels, i * k)) {
                            samples++;
                            inBoxLeads += y[i] ? 1 : 0;
                            if (inside.size() < Explorer.REPLAYED_PER_BOX) {
                                inside.add(i);
                            }
                        }
                    }
                    Map<String, Integer> counts = firings(pool, inside);
                    boxes.add(new Exploration.Box(conditions(box), Explorer.round(inBoxLeads / (double) samples),
                            Explorer.round(inBoxLeads / (double) leads), samples, inBoxLeads,
                            rulesOf(counts, inside.size(), overall, reference.size()), inside.size()));
                    for (int i = 0; i < n; i++) {
                        earlier[i] |= box.contains(levels, i * k);
                    }
                }
                all.add(new Exploration.Boxes(outcome == none ? Exploration.NO_LEADER : knowledgeBase.outlooks().get(outcome).id(),
                        leads, boxes));
            }
        } finally {
            workers.shutdownNow();
            pool.shutdown();
        }
        return all;
    }

    private List<Exploration.Condition> conditions(Prim.Box box) {
        List<Exploration.Condition> conditions = new ArrayList<>();
        for (int d = 0; d < k; d++) {
            SamplingModel.Dimension dim = model.dimensions().get(d);
            int lo = box.lo()[d];
            int hi = box.hi()[d];
            int top = dim.levels().size() - 1;
            if (lo == 0 && hi == top) {
                continue;
            }
            List<String> kept = dim.levels().subList(lo, hi + 1);
            String text = lo == hi ? "= " + kept.get(0)
                    : lo == 0 ? "≤ " + dim.levels().get(hi)
                    : hi == top ? "≥ " + dim.levels().get(lo)
                    : "in " + dim.levels().get(lo) + ".." + dim.levels().get(hi);
            conditions.add(new Exploration.Condition(dim.id(), List.copyOf(kept), text));
        }
        return conditions;
    }

    /**
     * The rules that fire in at least half the box's replayed samples and, by at least
     * {@link #LIFT} of the samples, more often there than over all samples: those that set the
     * box apart, the most set apart first. A rule that fires as often everywhere says nothing of
     * the box.
     */
    private List<Exploration.FiringRule> rulesOf(Map<String, Integer> inBox, int boxSamples, Map<String, Integer> overall,
                                                 int overallSamples) {
        List<Exploration.FiringRule> found = new ArrayList<>();
        if (boxSamples == 0) {
            return found;
        }
        inBox.forEach((name, count) -> {
            double inside = count / (double) boxSamples;
            double everywhere = overall.getOrDefault(name, 0) / (double) overallSamples;
            if (inside >= 0.5 && inside - everywhere >= LIFT) {
                RuleInfo info = rules.rule(name).orElse(null);
                found.add(new Exploration.FiringRule(name, info == null ? null : info.title(), info == null ? null : info.source(),
                        Explorer.round(inside), Explorer.round(everywhere)));
            }
        });
        found.sort(Comparator.comparingDouble((Exploration.FiringRule r) -> -(r.inBox() - r.overall()))
                .thenComparingDouble(r -> -r.inBox())
                .thenComparing(Exploration.FiringRule::name));
        return found.size() > RULES_PER_BOX ? List.copyOf(found.subList(0, RULES_PER_BOX)) : found;
    }

    /** In how many of these samples each rule fired; the samples not read yet are read on the workers. */
    private Map<String, Integer> firings(KieSessionsPool pool, List<Integer> samples) {
        List<java.util.concurrent.Callable<Set<String>>> tasks = new ArrayList<>();
        for (int i : samples) {
            if (!fired.containsKey(i)) {
                tasks.add(() -> fired(pool, i));
            }
        }
        try {
            for (java.util.concurrent.Future<Set<String>> f : workers.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i : samples) {
            for (String rule : fired.get(i)) {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        return counts;
    }

    private Set<String> fired(KieSessionsPool pool, int i) {
        return fired.computeIfAbsent(i, s -> {
            byte[] x = new byte[k];
            System.arraycopy(levels, s * k, x, 0, k);
            FactSet sample = model.sample(x);
            Set<String> names = new HashSet<>();
            KieSession session = pool.newKieSession();
            DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    names.add(event.getMatch().getRule().getName());
                }
            };
            try {
                session.addEventListener(recorder);
                sample.indicators().forEach((id, reading) -> session.insert(indicator(id, reading)));
                if (lean == null) {
                    session.fireAllRules(Assessor.FIRING_LIMIT);
                } else {
                    session.fireAllRules(lean, Assessor.FIRING_LIMIT);
                }
            } finally {
                // A pooled session is reset on dispose, but keeps its listeners.
                session.removeEventListener(recorder);
                session.dispose();
            }
            return names;
        });
    }

    private Indicator indicator(String id, Reading reading) {
        return new Indicator(id, reading.level(), rules.knowledgeBase().vocabulary().find(id).orElseThrow().scale().rank(reading.level()),
                reading.confidence(), reading.note());
    }
}
