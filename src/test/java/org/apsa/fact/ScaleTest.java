package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleTest {
    private static final Scale LMH = new Scale(java.util.List.of("low", "medium", "high"));
    private static final Scale HOTSPOT = new Scale(java.util.List.of("stable", "tense", "deteriorating", "crisis"));
    private static final Scale PRESENCE = new Scale(java.util.List.of("absent", "present"));
    private static final Scale ALIGNMENT = new Scale(java.util.List.of("balanced", "leaning", "taking-sides"));


    @Test
    void ranksLevelsInTheScalesOrder() {
        assertThat(LMH.rank("low")).isZero();
        assertThat(LMH.rank("medium")).isEqualTo(1);
        assertThat(LMH.rank("high")).isEqualTo(2);
        assertThat(HOTSPOT.rank("crisis")).isEqualTo(3);
    }

    @Test
    void doesNotKnowLevelsOfOtherScalesOrInAnotherCase() {
        assertThat(LMH.rank("crisis")).isEqualTo(-1);
        assertThat(LMH.allows("High")).isFalse();
        assertThat(LMH.allows("")).isFalse();
        assertThat(LMH.allows(null)).isFalse();
        assertThat(PRESENCE.allows("present")).isTrue();
    }

    @Test
    void describesLevelsAsTheUserWritesThem() {
        assertThat(LMH.describe()).isEqualTo("low | medium | high");
        assertThat(ALIGNMENT.describe()).isEqualTo("balanced | leaning | taking-sides");
    }

    @Test
    void cannotBeChangedThroughTheListItWasBuiltFrom() {
        List<String> levels = new ArrayList<>(List.of("a", "b"));
        Scale scale = new Scale(levels);
        levels.add("c");
        assertThat(scale.levels()).containsExactly("a", "b");
        assertThatThrownBy(() -> scale.levels().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyVocabularyScaleHasDistinctLevels() {
        for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
            assertThat(def.scale().levels()).as(def.id()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
