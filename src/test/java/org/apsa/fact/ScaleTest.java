package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleTest {

    @Test
    void ranksLevelsInTheScalesOrder() {
        assertThat(Scale.LMH.rank("low")).isZero();
        assertThat(Scale.LMH.rank("medium")).isEqualTo(1);
        assertThat(Scale.LMH.rank("high")).isEqualTo(2);
        assertThat(Scale.HOTSPOT.rank("crisis")).isEqualTo(3);
    }

    @Test
    void doesNotKnowLevelsOfOtherScalesOrInAnotherCase() {
        assertThat(Scale.LMH.rank("crisis")).isEqualTo(-1);
        assertThat(Scale.LMH.allows("High")).isFalse();
        assertThat(Scale.LMH.allows("")).isFalse();
        assertThat(Scale.LMH.allows(null)).isFalse();
        assertThat(Scale.PRESENCE.allows("present")).isTrue();
    }

    @Test
    void describesLevelsAsTheUserWritesThem() {
        assertThat(Scale.LMH.describe()).isEqualTo("low | medium | high");
        assertThat(Scale.ALIGNMENT.describe()).isEqualTo("balanced | leaning | taking-sides");
    }

    @Test
    void cannotBeChangedThroughTheListItWasBuiltFrom() {
        List<String> levels = new ArrayList<>(List.of("a", "b"));
        Scale scale = new Scale("ab", levels);
        levels.add("c");
        assertThat(scale.levels()).containsExactly("a", "b");
        assertThatThrownBy(() -> scale.levels().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyVocabularyScaleHasDistinctLevels() {
        for (IndicatorDef def : Vocabulary.indicators()) {
            assertThat(def.scale().levels()).as(def.id()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
