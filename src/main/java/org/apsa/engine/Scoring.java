package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;
import org.apsa.rulebase.RuleBase;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How net evidence becomes the outlooks' scores; called from the scoring rule, with the
 * parameters of its knowledge base ({@code knowledge-base.json}). Each outlook's weight is
 * {@code exp(net / temperature)} and its score is its share of all weights (a softmax),
 * so one more unit of net evidence for an outlook multiplies its odds against each other
 * outlook by {@code e^(1/temperature)}, and the scores always sum to 1.
 */
public final class Scoring {

    static final int DECIMALS = 4;
    private static final double SCALE = 10_000.0;

    private Scoring() {
    }

    /**
     * The scores of the outlooks of the rule base a scoring rule runs in, with the parameters
     * its {@code knowledge-base.json} gives ({@link KnowledgeBase.Scoring}): written once for
     * any knowledge base, {@code Scoring.scores(kcontext, $supports)}.
     *
     * @param supports the {@link Support}s in working memory
     */
    public static List<ScenarioScore> scores(RuleContext kcontext, Collection<?> supports) {
        KnowledgeBase kb = RuleBase.knowledgeBaseOf(kcontext.getKieRuntime().getKieBase());
        List<Outlook> outlooks = kb.outlooks();
        double full = kb.scoring().full();
        double[] reach = new double[outlooks.size()];
        for (int i = 0; i < reach.length; i++) {
            // Without "full", support counts as it is: as if every outlook's reach were full.
            reach[i] = full > 0 ? outlooks.get(i).reach() : 1;
        }
        return scores(outlooks.toArray(new Outlook[0]), kb.scoring().temperature(), full > 0 ? full : 1, reach, supports);
    }

    /**
     * @param temperature how much evidence it takes to move the scores; larger is more cautious
     * @param nets the net evidence of each outlook of the knowledge base, in its order
     * @return the scores, ranked; ties go to the more desirable outlook
     */
    public static List<ScenarioScore> scores(KnowledgeBase kb, double temperature, double... nets) {
        Outlook[] outlooks = kb.outlooks().toArray(new Outlook[0]);
        if (nets.length != outlooks.length) {
            throw new IllegalArgumentException("expected " + outlooks.length + " nets, got " + nets.length);
        }
        return scores(outlooks, temperature, nets, nets);
    }

    /**
     * Scores with each outlook's evidence for it normalised by its reach: the support for an
     * outlook (its positive contributions) counts as {@code full x support / reach}, so that
     * an outlook the rules can support with at most {@code reach} units weighs {@code full}
     * at that most, however many rules it has; the evidence against it counts as it is. The
     * scores' nets stay the plain sums of the contributions, as the proof trees show them.
     *
     * @param full     what each outlook's reachable maximum support counts as
     * @param reach    the most support the rules can give each outlook at once, in the knowledge base's order
     * @param supports the {@link Support}s in working memory
     */
    public static List<ScenarioScore> scores(KnowledgeBase kb, double temperature, double full, double[] reach, Collection<?> supports) {
        return scores(kb.outlooks().toArray(new Outlook[0]), temperature, full, reach, supports);
    }

    private static List<ScenarioScore> scores(Outlook[] outlooks, double temperature, double full, double[] reach, Collection<?> supports) {
        Map<String, Integer> index = new HashMap<>();
        for (Outlook o : outlooks) {
            index.put(o.id(), o.ordinal());
        }
        if (reach.length != outlooks.length) {
            throw new IllegalArgumentException("expected " + outlooks.length + " reaches, got " + reach.length);
        }
        for (double r : reach) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("every reach must be a positive number, was " + r);
            }
        }
        if (!(full > 0) || Double.isInfinite(full)) {
            throw new IllegalArgumentException("full must be a positive number, was " + full);
        }
        // Summed in sorted order, so that the sums do not depend on the order the supports came in.
        double[] contributions = new double[supports.size()];
        int[] outlook = new int[supports.size()];
        Integer[] order = new Integer[supports.size()];
        int n = 0;
        for (Object o : supports) {
            Support s = (Support) o;
            Integer i = index.get(s.scenario());
            if (i == null) {
                throw new IllegalArgumentException("no outlook \"" + s.scenario() + "\" among " + String.join(", ", index.keySet())
                        + "; a Support from rule \"" + s.rule() + "\" is for one of the knowledge base's outlooks");
            }
            outlook[n] = i;
            contributions[n] = s.contribution();
            order[n] = n;
            n++;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer k) -> contributions[k]));
        double[] nets = new double[outlooks.length];
        double[] weighed = new double[outlooks.length];
        for (int k : order) {
            int i = outlook[k];
            double c = contributions[k];
            nets[i] += c;
            weighed[i] += c > 0 ? c * full / reach[i] : c;
        }
        return scores(outlooks, temperature, nets, weighed);
    }

    /** Ranks the outlooks by the softmax of {@code weighed}; each score carries its {@code nets}. */
    private static List<ScenarioScore> scores(Outlook[] outlooks, double temperature, double[] nets, double[] weighed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, was " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weighed) {
            max = Math.max(max, w);
        }
        double[] weights = new double[nets.length];
        double total = 0;
        for (int i = 0; i < nets.length; i++) {
            weights[i] = Math.exp((weighed[i] - max) / temperature);
            total += weights[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nets.length; i++) {
            order.add(i);
        }
        double[] shares = new double[nets.length];
        for (int i = 0; i < nets.length; i++) {
            shares[i] = round(weights[i] / total);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -shares[i]).thenComparingInt(i -> i));
        List<ScenarioScore> scores = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            int i = order.get(rank);
            scores.add(new ScenarioScore(outlooks[i].id(), round(nets[i]), shares[i], Likelihood.of(shares[i]).term(), rank + 1));
        }
        return scores;
    }

    /**
     * Rounds to {@value #DECIMALS} decimals, half to even; cheap enough for every what-if.
     * Nothing rounds to minus zero: evidence that cancels out can leave a residue of
     * floating-point sums just below zero, which would otherwise read "-0.0".
     */
    static double round(double value) {
        double rounded = Math.rint(value * SCALE) / SCALE;
        return rounded == 0 ? 0.0 : rounded;
    }

    /**
     * The confidence of a conclusion that needs any {@code k} of several facts (for example two
     * of three dialogue platforms active): the weakest of the {@code k} strongest. Unlike the
     * weakest of all, it never falls when one more fact joins, so a rule that reads "at least
     * k of" stays monotone in the facts it counts.
     *
     * @param confidences the confidences of the facts that count (numbers, as an
     *                    {@code accumulate(...; collectList(...))} gives them), or the
     *                    indicators themselves, which keeps them in the proof tree
     * @throws IllegalArgumentException when fewer than {@code k} confidences are given
     */
    public static double weakestOfStrongest(int k, Collection<?> confidences) {
        if (k < 1 || confidences.size() < k) {
            throw new IllegalArgumentException("need at least " + Math.max(k, 1) + " confidences, got " + confidences.size());
        }
        List<Double> sorted = new ArrayList<>();
        for (Object c : confidences) {
            sorted.add(c instanceof Indicator i ? i.confidence() : ((Number) c).doubleValue());
        }
        sorted.sort(Comparator.reverseOrder());
        return sorted.get(k - 1);
    }

    /** The least confidence among the facts a conclusion rests on. */
    public static double weakest(double first, double... others) {
        double min = first;
        for (double c : others) {
            min = Math.min(min, c);
        }
        return min;
    }
}
