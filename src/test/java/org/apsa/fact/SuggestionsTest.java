package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    private static final Scale LMH = new Scale(java.util.List.of("low", "medium", "high"));
    private static final Scale HOTSPOT = new Scale(java.util.List.of("stable", "tense", "deteriorating", "crisis"));
    private static final Scale PRESENCE = new Scale(java.util.List.of("absent", "present"));
    private static final Scale ALIGNMENT = new Scale(java.util.List.of("balanced", "leaning", "taking-sides"));


    private static final List<String> IDS = KnowledgeBase.embedded().vocabulary().indicators().stream().map(IndicatorDef::id).toList();

    @Test
    void suggestsTheIdOneLetterAway() {
        assertThat(Suggestions.closest("us.presence.transparancy", IDS)).contains("us.presence.transparency");
    }

    @Test
    void suggestsTheLevelWithTwoLettersSwapped() {
        assertThat(Suggestions.closest("hihg", LMH.levels())).contains("high");
        assertThat(Suggestions.closest("meduim", LMH.levels())).contains("medium");
    }

    @Test
    void suggestsTheKeyWithTwoLettersSwapped() {
        assertThat(Suggestions.closest("titel", List.of("id", "title", "description"))).contains("title");
    }

    @Test
    void countsADifferenceOfCaseAsHalfAnEdit() {
        assertThat(Suggestions.distance("High", "high")).isEqualTo(0.5);
        assertThat(Suggestions.closest("usChina.strategicdistrust", IDS)).contains("usChina.strategicDistrust");
    }

    @Test
    void countsASwapAsOneEdit() {
        assertThat(Suggestions.distance("hihg", "high")).isEqualTo(1.0);
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1.0);
    }

    @Test
    void measuresPlainEdits() {
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3.0);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3.0);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void suggestsTheFullIdForASuffixOrPrefix() {
        assertThat(Suggestions.closest("strategicDistrust", IDS)).contains("usChina.strategicDistrust");
        assertThat(Suggestions.closest("hotspot.korean", IDS)).contains("hotspot.koreanPeninsula");
    }

    @Test
    void suggestsNothingForAWordFarFromEveryCandidate() {
        assertThat(Suggestions.closest("weather.monsoon", IDS)).isEmpty();
        assertThat(Suggestions.closest("war", HOTSPOT.levels())).isEmpty();
    }

    @Test
    void suggestsNothingForEmptyInputOrNoCandidates() {
        assertThat(Suggestions.closest("", IDS)).isEmpty();
        assertThat(Suggestions.closest(null, IDS)).isEmpty();
        assertThat(Suggestions.closest("high", List.of())).isEmpty();
    }

    @Test
    void prefersTheFirstCandidateOnATie() {
        assertThat(Suggestions.closest("ab", List.of("ac", "ad"))).contains("ac");
        assertThat(Suggestions.closest("ab", List.of("ad", "ac"))).contains("ad");
    }

    /** A hostile fact file may hold a key of 50,000 characters; the distance would cost seconds each. */
    @Test
    void inputFarLongerThanEveryCandidateGetsNoSuggestionAtOnce() {
        String huge = "us.presence.".repeat(20_000);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(Suggestions.closest(huge, IDS)).isEmpty();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 100 suggestions").isLessThan(500);
        assertThat(Suggestions.closest("us.presence.transparencyy", IDS)).contains("us.presence.transparency");
        assertThat(Suggestions.closest("hiiigh", LMH.levels())).contains("high");
    }
}
