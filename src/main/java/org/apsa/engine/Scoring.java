package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;
import org.apsa.rulebase.RuleBase;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
        return scores(kb, kb.scoring().temperature(), full > 0 ? full : 1, reach, supports);
    }

    /**
     * Scores with each outlook's evidence for it normalised by its reach: the support for an
     * outlook (its positive contributions) counts as {@code full x support / reach}, so that
     * an outlook the rules can support with at most {@code reach} units weighs {@code full}
     * at that most, however many rules it has; the evidence against it counts as it is. The
     * scores' nets stay the plain sums of the contributions, as the proof trees show them.
     * The scores are the softmax of the weighed evidence, ranked; ties go to the more
     * desirable outlook.
     *
     * @param temperature how much evidence it takes to move the scores; larger is more cautious
     * @param full     what each outlook's reachable maximum support counts as
     * @param reach    the most support the rules can give each outlook at once, in the knowledge base's order
     * @param supports the {@link Support}s in working memory, each for an outlook of {@code kb}
     */
    static List<ScenarioScore> scores(KnowledgeBase kb, double temperature, double full, double[] reach, Collection<?> supports) {
        // Summed in sorted order, so that the sums do not depend on the order the supports came in.
        List<Support> sorted = new ArrayList<>(supports.size());
        for (Object o : supports) {
            sorted.add((Support) o);
        }
        sorted.sort(Comparator.comparingDouble(Support::contribution));
        int n = kb.outlooks().size();
        double[] nets = new double[n];
        double[] weighed = new double[n];
        for (Support s : sorted) {
            int i = kb.outlook(s.scenario()).orElseThrow().ordinal();
            double c = s.contribution();
            nets[i] += c;
            weighed[i] += c > 0 ? c * full / reach[i] : c;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weighed) {
            max = Math.max(max, w);
        }
        double[] shares = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = Math.exp((weighed[i] - max) / temperature);
            total += shares[i];
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares[i] = round(shares[i] / total);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -shares[i]).thenComparingInt(i -> i));
        List<ScenarioScore> scores = new ArrayList<>(n);
        for (int rank = 0; rank < n; rank++) {
            int i = order.get(rank);
            scores.add(new ScenarioScore(kb.outlooks().get(i).id(), round(nets[i]), shares[i], Likelihood.of(shares[i]).term(), rank + 1));
        }
        return scores;
    }

    /**
     * Rounds to {@value #DECIMALS} decimals, half to even; cheap enough for every what-if.
     * Nothing rounds to minus zero: evidence that cancels out can leave a residue of
     * floating-point sums just below zero, which would otherwise read "-0.0".
     */
    public static double round(double value) {
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

    /**
     * The one range check of the confidence a rule gives a conclusion. Checked when the fact is
     * made, inside the consequence, so that a bad value stops the assessment naming the rule that
     * computed it, not the scoring rule that later adds it up.
     *
     * @param of what the confidence is of, for the message: {@code judgment "x"}
     * @throws IllegalArgumentException when {@code confidence} is not in (0, 1] (NaN included)
     */
    static void requireConfidence(double confidence, String of) {
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("the confidence of " + of + " must be in (0, 1], was " + confidence
                    + "; compute it from the confidences of the facts the rule matched, with Scoring.weakest(...) "
                    + "or Scoring.weakestOfStrongest(...)");
        }
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
