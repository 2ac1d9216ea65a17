package org.apsa.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a fact set in the format the reader reads: a bare level where the confidence is 1
 * and there is no note, an object otherwise. {@link org.apsa.io.AtomicFiles} saves the text,
 * so that a failure never leaves a half-written or clobbered file.
 */
public final class FactSetWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FactSetWriter() {
    }

    /**
     * The fact set as JSON text in the layout of the shipped fact files: {@code $schema} (the
     * one to point to, or null for none), id, title, description and asOf each on a line, then
     * one indicator a line in the vocabulary's order, so that a saved file reads and diffs as
     * the one it was loaded from.
     */
    public static String json(FactSet facts, String schema) {
        StringBuilder text = new StringBuilder("{\n");
        field(text, "$schema", schema);
        field(text, "id", facts.id());
        field(text, "title", facts.title());
        field(text, "description", facts.description());
        field(text, "asOf", facts.asOf());
        if (facts.indicators().isEmpty()) {
            return text.append("  \"indicators\": {}\n}\n").toString();
        }
        text.append("  \"indicators\": {\n");
        int left = facts.indicators().size();
        for (Map.Entry<String, Reading> indicator : facts.indicators().entrySet()) {
            Reading r = indicator.getValue();
            text.append("    ").append(quoted(indicator.getKey())).append(": ");
            if (r.confidence() == Reading.CERTAIN && r.note() == null) {
                text.append(quoted(r.level()));
            } else {
                text.append("{ \"level\": ").append(quoted(r.level()));
                if (r.confidence() != Reading.CERTAIN) {
                    text.append(", \"confidence\": ").append(quoted(r.confidence()));
                }
                if (r.note() != null) {
                    text.append(", \"note\": ").append(quoted(r.note()));
                }
                text.append(" }");
            }
            text.append(--left > 0 ? ",\n" : "\n");
        }
        return text.append("  }\n}\n").toString();
    }

    /** A value as JSON, escaped by Jackson. */
    private static String quoted(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line {@code "key": "value",}; none for a null value. */
    private static void field(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append("  ").append(quoted(key)).append(": ").append(quoted(value)).append(",\n");
        }
    }
}
