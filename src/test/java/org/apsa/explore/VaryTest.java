package org.apsa.explore;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --vary} read once for every caller: the keywords, ids of the vocabulary, and what is refused. */
class VaryTest {

    private static final Vocabulary VOCABULARY = KnowledgeBase.embedded().vocabulary();

    @Test
    void keywordsAndIdsOfTheVocabularyAreRead() {
        assertThat(Vary.parse(" stated ", VOCABULARY)).isEqualTo(Vary.STATED);
        assertThat(Vary.parse("unknown", VOCABULARY)).isEqualTo(Vary.UNKNOWN);
        assertThat(Vary.parse("all", VOCABULARY)).isEqualTo(Vary.ALL);
        assertThat(Vary.parse("region.alignment, mechanism.disputeManagement,", VOCABULARY))
                .isEqualTo(new Vary(Vary.Mode.NAMED, Set.of("region.alignment", "mechanism.disputeManagement")));
    }

    @Test
    void aMistypedIdOrKeywordIsRefusedWithTheNearestOne() {
        assertThatThrownBy(() -> Vary.parse("region.alignment,mechanism.disputeManagment", VOCABULARY))
                .isInstanceOf(Vary.Invalid.class)
                .hasMessage("unknown indicator \"mechanism.disputeManagment\" (did you mean \"mechanism.disputeManagement\"?); "
                        + "use stated, unknown, all, or indicator ids separated by commas");
        assertThatThrownBy(() -> Vary.parse("unknwn", VOCABULARY)).hasMessageStartingWith(
                "unknown indicator \"unknwn\" (did you mean \"unknown\"?)");
    }

    @Test
    void nothingGivenIsRefused() {
        assertThatThrownBy(() -> Vary.parse(" , ", VOCABULARY)).isInstanceOf(Vary.Invalid.class)
                .hasMessage("nothing given; use stated, unknown, all, or indicator ids separated by commas");
        assertThatThrownBy(() -> Vary.parse(null, VOCABULARY)).isInstanceOf(Vary.Invalid.class);
    }
}
