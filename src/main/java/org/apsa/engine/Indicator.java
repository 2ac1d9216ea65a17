package org.apsa.engine;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

/**
 * An analyst's statement about one indicator, as the rules see it. Rules match on
 * {@code id} and {@code level} (the level's words are those of the vocabulary) and scale
 * what they conclude by {@code confidence}. {@code rank} is the level's position on its
 * scale, for rules that need "at least medium".
 */
public record Indicator(String id, String level, int rank, double confidence, String note) {

    /** An indicator of {@code vocabulary} with a reading, as the rules see it. */
    public static Indicator of(Vocabulary vocabulary, String id, Reading reading) {
        IndicatorDef def = vocabulary.find(id).orElseThrow(() -> new IllegalArgumentException("unknown indicator " + id));
        return new Indicator(id, reading.level(), def.scale().rank(reading.level()), reading.confidence(), reading.note());
    }
}
