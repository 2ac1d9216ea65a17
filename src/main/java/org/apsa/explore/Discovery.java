package org.apsa.explore;

import org.apsa.engine.Assessor;
import org.apsa.engine.Indicator;
import org.apsa.engine.Scoring;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSet;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Scenario discovery: PRIM's boxes for each outlook, and for "no leader" (too little evidence),
 * over the samples kept, and for each box the
 * rules that fire most in it. The lean path records no firings; the firings are read again for
 * a few samples of each box ({@link Explorer#REPLAYED_PER_BOX}, the first ones in the box) and
 * for the first {@link Explorer#REPLAYED_OVERALL} samples of all, each in a fresh session of
 * the lean path's rules, so what is shown is what actually fired. PRIM's search for each
 * outcome and the replays run on the workers; what they give does not depend on which ran what.
 */
final class Discovery {

    /** At most this many rules shown for a box. */
    static final int RULES_PER_BOX = 5;
    /** How much more often than over all samples a rule must fire in a box to be shown for it. */
    static final double LIFT = 0.10;

    private final RuleBase rules;
    private final SamplingModel model;
    private final byte[] levels;
    private final byte[] leaders;
    private final int n;
    private final int k;
    private final Map<Integer, Set<String>> fired = new java.util.concurrent.ConcurrentHashMap<>();
    private final int threads;
    private Map<String, Integer> overallCounts = Map.of();
    private int overallSamples;

    Discovery(RuleBase rules, SamplingModel model, byte[] levels, byte[] leaders, int n, int threads) {
        this.threads = threads;
        this.rules = rules;
        this.model = model;
        this.levels = levels;
        this.leaders = leaders;
        this.n = n;
        this.k = model.dimensions().size();
    }

    /** The rules that fired in the samples replayed for comparison, with the share of them each fired in. */
    List<Exploration.FiringRule> overall() {
        List<Exploration.FiringRule> found = new ArrayList<>();
        overallCounts.forEach((name, count) -> {
            double share = count / (double) overallSamples;
            found.add(firingRule(name, share, share));
        });
        found.sort(Comparator.comparingDouble((Exploration.FiringRule r) -> -r.overall()).thenComparing(Exploration.FiringRule::name));
        return found;
    }

    int replayed() {
        return overallSamples;
    }

    /** A box PRIM found, counted among the samples the boxes before it leave out, and the first samples in it. */
    private record Found(Prim.Box box, int samples, int leads, List<Integer> inside) {
    }

    List<Exploration.Boxes> boxes() {
        int[] sizes = model.dimensions().stream().mapToInt(d -> d.levels().size()).toArray();
        Prim prim = new Prim(levels, n, sizes);
        KnowledgeBase knowledgeBase = rules.knowledgeBase();
        int none = knowledgeBase.outlooks().size();
        // Sessions of the lean path's rules, so the firings read are those the lean path's
        // samples made; fired from scratch with a listener.
        KieSessionsPool pool = rules.newSessionPool(Assessor.OUTCOME, Assessor.FACT_TYPES);
        try {
            List<Integer> reference = IntStream.range(0, Math.min(n, Explorer.REPLAYED_OVERALL)).boxed().toList();
            // Each outlook, then "no leader" (too little evidence): an outcome to find the
            // conditions of as well. Each outcome's boxes are found apart from the others', so
            // they are found at once, beside the firings of the first samples.
            List<Callable<List<Found>>> searches = new ArrayList<>();
            for (int outcome = 0; outcome <= none; outcome++) {
                int o = outcome;
                searches.add(() -> find(prim, o));
            }
            List<Callable<List<Found>>> all = new ArrayList<>(searches);
            all.addAll(replays(pool, reference, () -> List.<Found>of()));
            List<List<Found>> found = Workers.run(threads, "explore-replay", all).subList(0, searches.size());
            List<Integer> inside = new ArrayList<>();
            found.forEach(boxes -> boxes.forEach(f -> inside.addAll(f.inside())));
            Workers.run(threads, "explore-replay", replays(pool, inside, () -> null));

            overallCounts = counts(reference);
            overallSamples = reference.size();
            List<Exploration.Boxes> result = new ArrayList<>();
            for (int outcome = 0; outcome <= none; outcome++) {
                long leads = 0;
                for (int i = 0; i < n; i++) {
                    leads += leaders[i] == outcome ? 1 : 0;
                }
                List<Exploration.Box> boxes = new ArrayList<>();
                for (Found f : found.get(outcome)) {
                    boxes.add(new Exploration.Box(conditions(f.box()), Scoring.round(f.leads() / (double) f.samples()),
                            Scoring.round(f.leads() / (double) leads), f.samples(), f.leads(),
                            rulesOf(counts(f.inside()), f.inside().size(), overallCounts, reference.size()), f.inside().size()));
                }
                result.add(new Exploration.Boxes(outcome == none ? Exploration.NO_LEADER : knowledgeBase.outlooks().get(outcome).id(),
                        leads, boxes));
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    /** The boxes of one outcome, each counted among the samples the boxes before it leave out. */
    private List<Found> find(Prim prim, int outcome) {
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = leaders[i] == outcome;
        }
        return prim.boxes(y, Explorer.BOXES_PER_OUTLOOK).stream().map(f -> new Found(f.box(), f.samples().length, f.positives(),
                Arrays.stream(f.samples()).limit(Explorer.REPLAYED_PER_BOX).boxed().toList())).toList();
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
                found.add(firingRule(name, inside, everywhere));
            }
        });
        found.sort(Comparator.comparingDouble((Exploration.FiringRule r) -> -(r.inBox() - r.overall()))
                .thenComparingDouble(r -> -r.inBox())
                .thenComparing(Exploration.FiringRule::name));
        return found.size() > RULES_PER_BOX ? List.copyOf(found.subList(0, RULES_PER_BOX)) : found;
    }

    /** A rule with its title and paragraph, and the shares of samples it fired in. */
    private Exploration.FiringRule firingRule(String name, double inBox, double overall) {
        RuleInfo info = rules.rule(name).orElse(null);
        return new Exploration.FiringRule(name, info == null ? null : info.title(), info == null ? null : info.source(),
                Scoring.round(inBox), Scoring.round(overall));
    }

    /** Tasks that read the firings of the samples not read yet, a few samples a task; each answers {@code result}. */
    private <T> List<Callable<T>> replays(KieSessionsPool pool, List<Integer> samples, java.util.function.Supplier<T> result) {
        List<Integer> unread = samples.stream().filter(i -> !fired.containsKey(i)).distinct().toList();
        List<Callable<T>> tasks = new ArrayList<>();
        int chunk = 25;
        for (int from = 0; from < unread.size(); from += chunk) {
            List<Integer> some = unread.subList(from, Math.min(unread.size(), from + chunk));
            tasks.add(() -> {
                some.forEach(i -> fired(pool, i));
                return result.get();
            });
        }
        return tasks;
    }

    /** In how many of these samples, read already, each rule fired. */
    private Map<String, Integer> counts(List<Integer> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i : samples) {
            for (String rule : fired.get(i)) {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Reads the firings of sample {@code i} into {@link #fired}. */
    private void fired(KieSessionsPool pool, int i) {
        FactSet sample = model.sample(Arrays.copyOfRange(levels, i * k, i * k + k));
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
            sample.indicators().forEach((id, reading) -> session.insert(Indicator.of(rules.knowledgeBase().vocabulary(), id, reading)));
            session.fireAllRules(Assessor.FIRING_LIMIT);
        } finally {
            // A pooled session is reset on dispose, but keeps its listeners.
            session.removeEventListener(recorder);
            session.dispose();
        }
        fired.put(i, names);
    }
}
