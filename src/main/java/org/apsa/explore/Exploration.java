package org.apsa.explore;

import java.util.List;
import java.util.Map;

/**
 * What an exploration found: the settings and sampling model that make it reproducible, the
 * share of samples each outlook leads (and of those with no leader), score quantiles, each
 * varied indicator's share of the variance of each score, and the boxes of conditions under
 * which each outlook leads with the rules that fire in them.
 *
 * @param assessedLeader the leader of the fact set as stated; null when the evidence is too thin
 * @param leaders        each outlook in order of desirability, then {@link #NO_LEADER}
 * @param sensitivity    largest effect first
 * @param totalEffectSamples the samples whose every varied indicator was redrawn alone, for total effects
 * @param keptSamples    the samples kept for scenario discovery (the first ones, up to a bound)
 * @param firedRules     the rules that fired in the first {@code replayed} samples, read again with
 *                       a listener, with the share of those samples each fired in ({@code inBox} and
 *                       {@code overall} alike), most often first
 * @param knowledgeBase  the knowledge base of the rules explored: its outlooks and vocabulary name what the reports show
 */
public record Exploration(String factSetId, String title, String asOf, Settings settings, String design,
                          List<SamplingModel.Dimension> dimensions, String assessedLeader,
                          List<Lead> leaders, List<Scores> scores, List<Sensitivity> sensitivity, int totalEffectSamples,
                          List<Boxes> boxes, int keptSamples, List<FiringRule> firedRules, int replayed,
                          org.apsa.fact.KnowledgeBase knowledgeBase) {

    /** The id of the share of samples in which no outlook leads (too little evidence). */
    public static final String NO_LEADER = "insufficient-evidence";

    public record Settings(int samples, long seed, Vary vary) {
    }

    /**
     * How often one outlook (or {@link #NO_LEADER}) leads: the share with a 95% Wilson interval,
     * and the ICD 203 term of that share.
     */
    public record Lead(String id, long count, double share, double low, double high, String likelihood) {
    }

    /**
     * The distribution of one outlook's score over the samples.
     *
     * @param histogram samples per twentieth of [0, 1], the last bin holding 1
     */
    public record Scores(String outlook, double mean, double p05, double p50, double p95, int[] histogram) {
    }

    /**
     * One varied indicator's share of the variance of each outlook's score: first order (its
     * levels alone), and total (with all it does together with others); null totals when none
     * were computed.
     */
    public record Sensitivity(String indicator, Map<String, Double> firstOrder, Map<String, Double> total, double largest) {
    }

    public record Boxes(String outlook, long leads, List<Box> boxes) {
    }

    /**
     * A box of conditions under which an outlook leads, counted among the samples kept that no
     * box before it holds: the share of those in the box in which the outlook leads (density),
     * and the share of all the samples it leads in that the box holds (coverage; the boxes'
     * coverages add up).
     */
    public record Box(List<Condition> conditions, double density, double coverage, int samples, int leads,
                      List<FiringRule> rules, int replayed) {
    }

    /** An indicator held to some of its levels (consecutive along its scale). */
    public record Condition(String indicator, List<String> levels, String text) {
    }

    /** A rule with the share of the replayed samples in the box, and of all samples, in which it fires. */
    public record FiringRule(String name, String title, String source, double inBox, double overall) {
    }
}
