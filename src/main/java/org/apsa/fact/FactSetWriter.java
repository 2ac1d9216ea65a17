package org.apsa.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a fact set in the format the reader reads: a bare level where the confidence is 1
 * and there is no note, an object otherwise. {@link org.apsa.io.AtomicFiles} saves the text,
 * so that a failure never leaves a half-written or clobbered file.
 */
public final class FactSetWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FactSetWriter() {
    }

    /** The fact set as JSON text; {@code schema} is the {@code $schema} to point to, or null. */
    public static String json(FactSet facts, String schema) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (schema != null) {
            root.put("$schema", schema);
        }
        root.put("id", facts.id());
        putIfPresent(root, "title", facts.title());
        putIfPresent(root, "description", facts.description());
        putIfPresent(root, "asOf", facts.asOf());
        Map<String, Object> indicators = new LinkedHashMap<>();
        facts.indicators().forEach((id, r) -> {
            if (r.confidence() == Reading.CERTAIN && r.note() == null) {
                indicators.put(id, r.level());
            } else {
                Map<String, Object> reading = new LinkedHashMap<>();
                reading.put("level", r.level());
                if (r.confidence() != Reading.CERTAIN) {
                    reading.put("confidence", r.confidence());
                }
                putIfPresent(reading, "note", r.note());
                indicators.put(id, reading);
            }
        });
        root.put("indicators", indicators);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
