package org.apsa.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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

    /** Where the committed copy lives, relative to the project root. */
    public static final Path COMMITTED = Path.of("facts", "fact-set.schema.json");

    /** The schema but the indicators, and the schema of one indicator, which {@link #tree()} fills in for each. */
    private static final JsonNode TEMPLATE = template();

    private final Vocabulary vocabulary;

    /** The schema of the fact sets of a knowledge base with this vocabulary. */
    public FactSetSchema(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    private static JsonNode template() {
        try (InputStream in = FactSetSchema.class.getResourceAsStream("/apsa/fact-set.schema-template.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The schema as a tree: what {@link #json()} prints and {@link FactSetValidator} checks against. */
    ObjectNode tree() {
        ObjectNode root = TEMPLATE.get("schema").deepCopy();
        root.put("description", root.get("description").asText().replace("{version}", vocabulary.version()));
        ObjectNode byId = (ObjectNode) root.at("/properties/indicators/properties");
        for (IndicatorDef def : vocabulary.indicators()) {
            ObjectNode indicator = TEMPLATE.get("indicator").deepCopy();
            indicator.put("description", def.meaning() + " (" + def.source() + ")");
            ArrayNode levels = indicator.withArray("/anyOf/0/enum");
            def.scale().levels().forEach(levels::add);
            indicator.withArray("/anyOf/1/properties/level/enum").addAll(levels);
            byId.set(def.id(), indicator);
        }
        return root;
    }

    /** The pattern the schema gives the value at {@code pointer}, such as {@code /properties/id}. */
    static String pattern(String pointer) {
        return TEMPLATE.get("schema").at(pointer + "/pattern").asText();
    }
}
