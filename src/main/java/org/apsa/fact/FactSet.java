package org.apsa.fact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One situation as an analyst sees it. Immutable; {@link #with} and {@link #without}
 * give changed copies for what-if questions. Indicators are kept in vocabulary order,
 * so two fact sets with the same content print and assess identically.
 *
 * @param id          unique within a batch
 * @param title       optional
 * @param description optional
 * @param asOf        optional ISO date (YYYY-MM-DD)
 * @param indicators  the known indicators; an absent indicator is unknown
 */
public record FactSet(String id, String title, String description, String asOf, Map<String, Reading> indicators) {

    public FactSet {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        Map<String, Reading> sorted = new TreeMap<>(Vocabulary.embedded().idOrder());
        sorted.putAll(indicators);
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    public static FactSet empty(String id) {
        return new FactSet(id, null, null, null, Map.of());
    }

    public FactSet with(String indicator, Reading reading) {
        Map<String, Reading> changed = new LinkedHashMap<>(indicators);
        changed.put(indicator, reading);
        return new FactSet(id, title, description, asOf, changed);
    }

    public FactSet without(String indicator) {
        Map<String, Reading> changed = new LinkedHashMap<>(indicators);
        changed.remove(indicator);
        return new FactSet(id, title, description, asOf, changed);
    }
}
