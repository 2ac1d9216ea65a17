package org.apsa.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.stream.Collectors;

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
        String indicators = facts.indicators().entrySet().stream()
                .map(indicator -> "    " + quoted(indicator.getKey()) + ": " + reading(indicator.getValue()))
                .collect(Collectors.joining(",\n"));
        return text.append(indicators.isEmpty() ? "  \"indicators\": {}\n}\n" : "  \"indicators\": {\n" + indicators + "\n  }\n}\n")
                .toString();
    }

    /** A bare level where the confidence is 1 and there is no note, an object otherwise. */
    private static String reading(Reading r) {
        if (r.confidence() == Reading.CERTAIN && r.note() == null) {
            return quoted(r.level());
        }
        return "{ \"level\": " + quoted(r.level())
                + (r.confidence() == Reading.CERTAIN ? "" : ", \"confidence\": " + quoted(r.confidence()))
                + (r.note() == null ? "" : ", \"note\": " + quoted(r.note())) + " }";
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
