package org.apsa.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of a fact set, generated from a knowledge base's {@link Vocabulary}: the one
 * statement of what a fact set may hold, which {@link FactSetReader} checks every record
 * against ({@link FactSetValidator}) and editors use to complete and check fact files.
 * The committed copy lives in {@code facts/fact-set.schema.json}; fact files point to it
 * with {@code "$schema": "fact-set.schema.json"}.
 *
 * <p>The output is deterministic (vocabulary order, two-space indent, {@code \n} line ends,
 * a final newline), so the committed copy can be compared byte for byte.
 */
public final class FactSetSchema {

    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    /** Where the committed copy lives, relative to the project root. */
    public static final Path COMMITTED = Path.of("facts", "fact-set.schema.json");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Vocabulary vocabulary;

    /** The schema of the fact sets of a knowledge base with this vocabulary. */
    public FactSetSchema(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The schema as text. */
    public String json() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(tree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the fact-set schema", e);
        }
    }

    /** Writes the schema to {@code file} as UTF-8, creating its folder when needed. */
    public void write(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(file, json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The schema as a tree: what {@link #json()} prints and {@link FactSetValidator} checks against. */
    ObjectNode tree() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DRAFT);
        root.put("title", "APSA fact set");
        root.put("description", "One situation as an analyst sees it (vocabulary v" + vocabulary.version()
                + "). An indicator left out is unknown. Generated from the vocabulary; do not edit by hand.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        root.set("required", strings(List.of("id", "indicators")));

        ObjectNode properties = root.putObject("properties");
        properties.set("$schema", string("the fact-set JSON Schema, for editors: \"fact-set.schema.json\""));
        ObjectNode id = string("unique within a batch: 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        id.put("pattern", anchored(FactSetReader.ID.pattern()));
        properties.set("id", id);
        properties.set("title", plainText("a short title: one line, no control characters", PlainText.ONE_LINE_PATTERN));
        properties.set("description", plainText("what the situation is: no control characters but line breaks and tabs", PlainText.LINES_PATTERN));
        ObjectNode asOf = string("the date of the situation, YYYY-MM-DD");
        asOf.put("format", "date");
        asOf.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        properties.set("asOf", asOf);

        ObjectNode indicators = properties.putObject("indicators");
        indicators.put("description", "what the analyst states, by indicator id; may be empty");
        indicators.put("type", "object");
        indicators.put("additionalProperties", false);
        ObjectNode byId = indicators.putObject("properties");
        for (IndicatorDef def : vocabulary.indicators()) {
            byId.set(def.id(), indicator(def));
        }
        return root;
    }

    private static ObjectNode indicator(IndicatorDef def) {
        ObjectNode node = NODES.objectNode();
        node.put("description", def.meaning() + " (" + def.source() + ")");
        // anyOf, not oneOf: the two never both hold, and a validator can stop at the first that does.
        ArrayNode anyOf = node.putArray("anyOf");
        anyOf.add(levels(def));

        ObjectNode reading = anyOf.addObject();
        reading.put("type", "object");
        reading.put("additionalProperties", false);
        reading.set("required", strings(List.of("level")));
        ObjectNode properties = reading.putObject("properties");
        properties.set("level", levels(def));
        ObjectNode confidence = properties.putObject("confidence");
        confidence.put("description", "how sure the analyst is: more than 0, at most 1 (1 = certain, the default)");
        confidence.put("type", "number");
        confidence.put("exclusiveMinimum", 0);
        confidence.put("maximum", 1);
        properties.set("note", plainText("why, usually citing a paragraph or a source: one line, no control characters", PlainText.ONE_LINE_PATTERN));
        return node;
    }

    private static ObjectNode levels(IndicatorDef def) {
        ObjectNode node = NODES.objectNode();
        node.set("enum", strings(def.scale().levels()));
        return node;
    }

    private static ObjectNode string(String description) {
        ObjectNode node = NODES.objectNode();
        node.put("description", description);
        node.put("type", "string");
        return node;
    }

    /** Free text ({@link PlainText}): no control characters, which a terminal showing it would act on. */
    private static ObjectNode plainText(String description, String pattern) {
        ObjectNode node = string(description);
        node.put("pattern", pattern);
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** JSON Schema patterns match anywhere in the string; the reader matches the whole id. */
    private static String anchored(String pattern) {
        return "^" + pattern + "$";
    }
}
