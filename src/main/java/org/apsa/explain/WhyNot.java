package org.apsa.explain;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.engine.WhatIf;
import org.apsa.fact.Scale;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why an outlook is not the leading one: the evidence that stood against it, the evidence
 * for the leader it is up against, and the smallest sets of indicator changes (one, else
 * two) that would make it lead, found by re-assessing each candidate in a live session.
 */
public final class WhyNot {

    /** How many of the smallest change sets are reported, best first. */
    public static final int SHOWN = 10;

    /**
     * @param scores        the four scores of the assessment, ranked
     * @param searched      the size of the change sets searched (1, or 2 when no single change works)
     * @param found         how many change sets of that size make it lead
     * @param changes       the smallest of them (fewest steps along the indicators' scales, see
     *                      {@link #steps}), then those that give the outlook the higher score
     */
    public record Result(String scenario, ScenarioScore current, List<ScenarioScore> scores, String leading, boolean alreadyLeading,
                         List<TraceNode> against, List<TraceNode> leaderSupport, int searched, int found,
                         List<Candidate> changes) {

        /**
         * Whether a set of changes adds to the outlook's own net evidence. Scores are shares of
         * a whole, so a change that only takes from the leader can make an outlook lead too.
         */
        public boolean addsEvidence(Candidate c) {
            return c.scores().stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow().net()
                    > current.net();
        }
    }

    /** A set of changes and the scores it gives. */
    public record Candidate(List<Change> changes, List<ScenarioScore> scores) {
    }

    private WhyNot() {
    }

    public static Result of(Assessor assessor, Assessment assessment, String scenario) {
        ScenarioScore current = assessment.scenario(scenario).orElseThrow();
        List<TraceNode> against = supports(assessment, scenario, false);
        List<TraceNode> leaderSupport = assessment.leading() == null || assessment.leading().equals(scenario)
                ? List.of() : supports(assessment, assessment.leading(), true);
        if (scenario.equals(assessment.leading())) {
            return new Result(scenario, current, assessment.scenarios(), assessment.leading(), true, against, leaderSupport,
                    0, 0, List.of());
        }
        List<Change> singles = Candidates.singles(assessment.factSet());
        List<Candidate> found = new ArrayList<>();
        int searched = 1;
        try (WhatIf live = assessor.whatIf(assessment.factSet())) {
            for (Change change : singles) {
                WhatIf.Outcome outcome = live.evaluate(Candidates.apply(assessment.factSet(), List.of(change)));
                if (scenario.equals(outcome.leading())) {
                    found.add(new Candidate(List.of(change), outcome.scores()));
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
                        WhatIf.Outcome outcome = live.evaluate(Candidates.apply(assessment.factSet(), List.of(a, b)));
                        if (scenario.equals(outcome.leading())) {
                            found.add(new Candidate(List.of(a, b), outcome.scores()));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt((Candidate c) -> steps(c.changes()))
                .thenComparingDouble(c -> -score(c, scenario))
                .thenComparing(c -> c.changes().toString()));
        return new Result(scenario, current, assessment.scenarios(), assessment.leading(), false, against, leaderSupport, searched, found.size(),
                found.subList(0, Math.min(SHOWN, found.size())));
    }

    /**
     * How far a set of changes moves the fact set: the steps along each indicator's scale
     * ("crisis" to "deteriorating" is one, "crisis" to "stable" three); learning an unknown indicator
     * counts one.
     */
    static int steps(List<Change> changes) {
        int steps = 0;
        for (Change c : changes) {
            Scale scale = Vocabulary.find(c.indicator()).orElseThrow().scale();
            steps += c.from() == null || c.to() == null ? 1 : Math.abs(scale.rank(c.to()) - scale.rank(c.from()));
        }
        return steps;
    }

    static double score(Candidate c, String scenario) {
        return c.scores().stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow().score();
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
