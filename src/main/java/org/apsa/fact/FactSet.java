package org.apsa.fact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One situation as an analyst sees it, in the vocabulary of one knowledge base. Immutable;
 * {@link #with} and {@link #without} give changed copies for what-if questions. Indicators
 * are kept in the order the knowledge base declares them, so two fact sets with the same
 * content print and assess identically.
 *
 * @param id          unique within a batch
 * @param title       optional
 * @param description optional
 * @param asOf        optional ISO date (YYYY-MM-DD)
 * @param indicators  the known indicators; an absent indicator is unknown
 * @param vocabulary  the vocabulary the fact set is stated in, which orders its indicators
 */
public record FactSet(String id, String title, String description, String asOf, Map<String, Reading> indicators,
                      Vocabulary vocabulary) {

    public FactSet {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (vocabulary == null) {
            throw new IllegalArgumentException("a fact set is stated in the vocabulary of a knowledge base");
        }
        Map<String, Reading> sorted = new TreeMap<>(vocabulary.idOrder());
        sorted.putAll(indicators);
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** A fact set with every indicator unknown. */
    public static FactSet empty(String id, Vocabulary vocabulary) {
        return new FactSet(id, null, null, null, Map.of(), vocabulary);
    }

    public FactSet with(String indicator, Reading reading) {
        Map<String, Reading> changed = new LinkedHashMap<>(indicators);
        changed.put(indicator, reading);
        return new FactSet(id, title, description, asOf, changed, vocabulary);
    }

    public FactSet without(String indicator) {
        Map<String, Reading> changed = new LinkedHashMap<>(indicators);
        changed.remove(indicator);
        return new FactSet(id, title, description, asOf, changed, vocabulary);
    }

    /** The same fact set with the indicators replaced: a sample, or a what-if's variant. */
    public FactSet withIndicators(Map<String, Reading> replaced) {
        return new FactSet(id, title, description, asOf, replaced, vocabulary);
    }
}
