package org.apsa.explain;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.InsufficientEvidence;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.engine.WhatIf;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Scale;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why an outlook is not the leading one: the evidence that stood against it, the evidence
 * for the leader it is up against, and the smallest sets of indicator changes (one, else
 * two) that would make it lead, found by re-assessing each candidate in a live session.
 *
 * <p>To lead, an outlook must rank first and the evidence in all must be enough for the
 * rules to name a leader. When no outlook leads for too little evidence, a change can make
 * an outlook lead by adding evidence alone; the result tells such changes apart from those
 * that move the outlook ahead, and lists the single changes that would put it first.
 */
public final class WhyNot {

    /** How many of the smallest change sets are reported, best first. */
    static final int SHOWN = 10;

    /**
     * @param scores        the four scores of the assessment, ranked
     * @param insufficient  when no outlook leads for too little evidence, how much there is and
     *                      how much it takes; null when a leader is named
     * @param searched      the size of the change sets searched (1, or 2 when no single change works)
     * @param found         how many change sets of that size make it lead
     * @param changes       the smallest of them (fewest steps along the indicators' scales, see
     *                      {@link #steps}), then those that give the outlook the higher score
     * @param putsFirst     when no outlook leads, this one does not rank first and no single
     *                      change makes it lead: the smallest single changes that put it first,
     *                      naming no leader as the evidence stays too little
     * @param putsFirstFound how many single changes do so
     */
    public record Result(String scenario, ScenarioScore current, List<ScenarioScore> scores, String leading,
                         InsufficientEvidence insufficient, boolean alreadyLeading,
                         List<TraceNode> against, List<TraceNode> leaderSupport, int searched, int found,
                         List<Candidate> changes, List<Candidate> putsFirst, int putsFirstFound, KnowledgeBase knowledgeBase) {

        /**
         * Whether a set of changes adds to the outlook's own net evidence. Scores are shares of
         * a whole, so a change that only takes from the leader can make an outlook lead too.
         */
        public boolean addsEvidence(Candidate c) {
            return ScenarioScore.of(c.scores(), scenario).net() > current.net();
        }

        /** Whether the outlook ranks first now, ahead of every other (a tie is not first). */
        public boolean ranksFirst() {
            return WhyNot.ranksFirst(scores, scenario);
        }
    }

    /**
     * A set of changes and the scores it gives.
     *
     * @param evidenceOnly the changes of the set that make the outlook lead only by adding
     *                     evidence: with no leader now, the outlook ranks first without each
     *                     of them, and none adds to its own net evidence
     */
    public record Candidate(List<Change> changes, List<ScenarioScore> scores, List<Change> evidenceOnly) {
    }

    private WhyNot() {
    }

    public static Result of(Assessor assessor, Assessment assessment, String scenario) {
        ScenarioScore current = assessment.scenario(scenario).orElseThrow();
        List<TraceNode> against = supports(assessment, scenario, false);
        List<TraceNode> leaderSupport = assessment.leading() == null || assessment.leading().equals(scenario)
                ? List.of() : supports(assessment, assessment.leading(), true);
        if (scenario.equals(assessment.leading())) {
            return new Result(scenario, current, assessment.scenarios(), assessment.leading(), null, true, against,
                    leaderSupport, 0, 0, List.of(), List.of(), 0, assessment.knowledgeBase());
        }
        boolean noLeader = assessment.leading() == null;
        boolean firstNow = ranksFirst(assessment.scenarios(), scenario);
        List<Change> singles = Change.singles(assessment.knowledgeBase().vocabulary(), assessment.factSet());
        List<Candidate> found = new ArrayList<>();
        List<Candidate> first = new ArrayList<>();
        // Of each single change: whether it puts the outlook first, and the outlook's net evidence with it.
        Set<Change> firstAlone = new HashSet<>();
        Map<Change, Double> net = new HashMap<>();
        int searched = 1;
        InsufficientEvidence insufficient;
        try (WhatIf live = assessor.whatIf(assessment.factSet())) {
            insufficient = live.baseline().insufficient();
            List<WhatIf.Outcome> outcomes = new ArrayList<>();
            for (Change change : singles) {
                WhatIf.Outcome outcome = live.evaluate(Change.apply(assessment.factSet(), List.of(change)));
                outcomes.add(outcome);
                net.put(change, ScenarioScore.of(outcome.scores(), scenario).net());
                if (ranksFirst(outcome.scores(), scenario)) {
                    firstAlone.add(change);
                }
            }
            EvidenceOnly evidenceOnly = new EvidenceOnly(noLeader, firstNow, current.net(), firstAlone, net);
            for (int i = 0; i < singles.size(); i++) {
                WhatIf.Outcome outcome = outcomes.get(i);
                List<Change> set = List.of(singles.get(i));
                if (scenario.equals(outcome.leading())) {
                    found.add(new Candidate(set, outcome.scores(), evidenceOnly.of(set)));
                } else if (firstAlone.contains(singles.get(i))) {
                    first.add(new Candidate(set, outcome.scores(), List.of()));
                }
            }
            if (found.isEmpty()) {
                searched = 2;
                for (int i = 0; i < singles.size(); i++) {
                    for (int j = i + 1; j < singles.size(); j++) {
                        Change a = singles.get(i);
                        Change b = singles.get(j);
                        if (a.indicator().equals(b.indicator())) {
                            continue;
                        }
                        WhatIf.Outcome outcome = live.evaluate(Change.apply(assessment.factSet(), List.of(a, b)));
                        if (scenario.equals(outcome.leading())) {
                            found.add(new Candidate(List.of(a, b), outcome.scores(), evidenceOnly.of(List.of(a, b))));
                        }
                    }
                }
            }
        }
        sort(found, scenario, assessment.knowledgeBase().vocabulary());
        sort(first, scenario, assessment.knowledgeBase().vocabulary());
        // The single changes that put it first matter when none makes it lead: pairs are then searched.
        boolean showFirst = noLeader && !firstNow && searched == 2;
        return new Result(scenario, current, assessment.scenarios(), assessment.leading(), insufficient, false, against,
                leaderSupport, searched, found.size(), found.subList(0, Math.min(SHOWN, found.size())),
                showFirst ? first.subList(0, Math.min(SHOWN, first.size())) : List.of(), showFirst ? first.size() : 0, assessment.knowledgeBase());
    }

    /**
     * Which changes of a set that makes the outlook lead only add evidence: with no leader now,
     * the outlook ranks first without the change (the rest of the set puts it first, or, for a
     * single change, it is first already), and the change on its own adds nothing to the
     * outlook's net evidence. Such a change makes it lead only by bringing the evidence in all
     * to what naming a leader takes. With a leader now, no change is said to.
     */
    private record EvidenceOnly(boolean noLeader, boolean firstNow, double netNow, Set<Change> firstAlone,
                                Map<Change, Double> net) {

        List<Change> of(List<Change> set) {
            if (!noLeader) {
                return List.of();
            }
            List<Change> only = new ArrayList<>();
            for (Change change : set) {
                List<Change> rest = set.stream().filter(c -> !c.equals(change)).toList();
                boolean firstWithout = rest.isEmpty() ? firstNow : rest.size() == 1 && firstAlone.contains(rest.get(0));
                if (firstWithout && net.get(change) <= netNow) {
                    only.add(change);
                }
            }
            return List.copyOf(only);
        }
    }

    /** The smallest first (see {@link #steps}), then those that give the outlook the higher score. */
    private static void sort(List<Candidate> candidates, String scenario, Vocabulary vocabulary) {
        candidates.sort(Comparator.comparingInt((Candidate c) -> steps(vocabulary, c.changes()))
                .thenComparingDouble(c -> -ScenarioScore.of(c.scores(), scenario).score())
                .thenComparing(c -> c.changes().toString()));
    }

    /** Whether an outlook's score is above every other's; equal scores put none of them first. */
    static boolean ranksFirst(List<ScenarioScore> scores, String scenario) {
        double own = ScenarioScore.of(scores, scenario).score();
        return scores.stream().noneMatch(s -> !s.scenario().equals(scenario) && s.score() >= own);
    }

    /**
     * How far a set of changes moves the fact set: the steps along each indicator's scale
     * ("crisis" to "deteriorating" is one, "crisis" to "stable" three); learning an unknown indicator
     * counts one.
     */
    static int steps(Vocabulary vocabulary, List<Change> changes) {
        int steps = 0;
        for (Change c : changes) {
            Scale scale = vocabulary.find(c.indicator()).orElseThrow().scale();
            steps += c.from() == null || c.to() == null ? 1 : Math.abs(scale.rank(c.to()) - scale.rank(c.from()));
        }
        return steps;
    }

    /** The pieces of support for ({@code positive}) or against an outlook, from its proof tree. */
    private static List<TraceNode> supports(Assessment assessment, String scenario, boolean positive) {
        return assessment.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(scenario + ":"))
                .flatMap(n -> n.because().stream())
                .filter(n -> n.weight() != null && (positive ? n.weight() > 0 : n.weight() < 0))
                .toList();
    }
}
