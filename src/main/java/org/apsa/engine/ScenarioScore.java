package org.apsa.engine;

import org.apsa.fact.Outlook;
import java.util.List;

/**
 * The assessment of one outlook: its net evidence, its score (a relative likelihood over
 * the four outlooks; the four sum to 1), the ICD 203 term of the score's band and its
 * rank (1 = leading). Ranks are 1 to 4 and unique; equal scores are ranked by desirability
 * (¶7), so that results never depend on insertion order (see {@link Outlook}).
 */
public record ScenarioScore(String scenario, double net, double score, String likelihood, int rank) {

    /**
     * The rank as a reader should see it among {@code all}: outlooks with equal scores share
     * the best of their ranks, marked "=" ("=1" for each of four equal scores), since their
     * order by desirability says nothing of likelihood; otherwise the rank itself.
     */
    public String shownRank(List<ScenarioScore> all) {
        int best = rank;
        boolean tied = false;
        for (ScenarioScore other : all) {
            if (other.rank != rank && other.score == score) {
                tied = true;
                best = Math.min(best, other.rank);
            }
        }
        return tied ? "=" + best : String.valueOf(rank);
    }

    /** The score of {@code scenario} among {@code scores}. */
    public static ScenarioScore of(List<ScenarioScore> scores, String scenario) {
        return scores.stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow();
    }
}
