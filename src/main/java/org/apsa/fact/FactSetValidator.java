package org.apsa.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Checks a record against the fact-set JSON Schema ({@link FactSetSchema}, the same schema as
 * {@code facts/fact-set.schema.json}) with networknt's validator, and tells each violation in
 * the reader's words, at the key or value it concerns: what is wrong, what is allowed, the
 * nearest allowed name. What may appear where, the levels of each indicator, the range of a
 * confidence, the shape of an id or a date and the characters free text may hold are the
 * schema's; this class only words them.
 */
final class FactSetValidator {

    /** A problem at a place of the record. */
    record Problem(JsonTree.Place at, String message) {
    }

    /**
     * Errors collected per problem reported: some errors are not worded (a reading fails the
     * "bare level" branch too), and validation order is not file order, so keep a margin.
     */
    private static final int ERRORS_PER_PROBLEM = 10;

    /** The validator's errors, up to a number; past it, validation stops. */
    private static final class Collected extends ArrayList<Error> {
        private final int max;

        Collected(int max) {
            this.max = max;
        }

        @Override
        public boolean add(Error error) {
            if (size() >= max) {
                throw new Enough();
            }
            return super.add(error);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends Error> more) {
            more.forEach(this::add);
            return !more.isEmpty();
        }

        static final class Enough extends RuntimeException {
            Enough() {
                super("enough errors", null, false, false);
            }
        }
    }

    private static final String KNOWN_IDS = "'apsa vocabulary' and facts/fact-set.schema.json list the known ones";
    private static final String READING_SHAPE = "{\"level\": ..., \"confidence\": ..., \"note\": ...}";
    private static final Map<String, String> HOW_TO_ADD = Map.of(
            "id", "add a unique id such as \"id\": \"my-view-2014\"",
            "indicators", "add \"indicators\": {} (it may be empty)");
    /** A JSON number; a string that looks like one gets "write it without quotes". */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /**
     * Built once for each vocabulary: compiling the schema costs milliseconds, checking a fact
     * set microseconds. Weak keys: the schema of a knowledge base no longer used goes with it.
     */
    private static final Map<Vocabulary, Schema> SCHEMAS = Collections.synchronizedMap(new WeakHashMap<>());

    private static Schema compile(Vocabulary vocabulary) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                // "format": "date" then checks that the date exists (no 2014-02-30).
                                .formatAssertionsEnabled(true)
                                .build()))
                .getSchema(new FactSetSchema(vocabulary).tree());
    }

    /** Problems only: no annotations collected, which no message uses. */
    private static final ExecutionConfig EXECUTION = ExecutionConfig.builder()
            .annotationCollectionEnabled(false)
            .formatAssertionsEnabled(true)
            .build();

    private final JsonTree tree;
    private final Vocabulary vocabulary;
    private final Schema schema;
    private JsonTree.Places places;

    private FactSetValidator(JsonTree tree, Vocabulary vocabulary) {
        this.tree = tree;
        this.vocabulary = vocabulary;
        this.schema = SCHEMAS.computeIfAbsent(vocabulary, FactSetValidator::compile);
    }

    /**
     * The problems of {@code tree} in file order, the first {@code limit} of them at most
     * (a record of a hundred thousand unknown keys is not worded a hundred thousand times).
     */
    static List<Problem> check(JsonTree tree, Vocabulary vocabulary, int limit) {
        FactSetValidator validator = new FactSetValidator(tree, vocabulary);
        Collected errors = new Collected(ERRORS_PER_PROBLEM * limit);
        try {
            validator.schema.validate(tree.root(), context -> {
                context.setExecutionConfig(EXECUTION);
                context.setErrors(errors);
            });
        } catch (Collected.Enough e) {
            // Enough to word the first problems; the rest would only cost time.
        }
        if (tree.stopped()) {
            // A key missing from a tree read in part may be in the part not read.
            errors.removeIf(e -> e.getKeyword().equals("required"));
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        validator.places = tree.places(errors, List.of());
        return errors.stream()
                .map(validator::problem)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong((Problem p) -> p.at().line()).thenComparingLong(p -> p.at().column()))
                .distinct()
                .limit(limit)
                .toList();
    }

    /** The problem {@code e} is, at its place; null for a violation another one at the same value tells better. */
    private Problem problem(Error e) {
        String message = explain(e);
        return message == null ? null : new Problem(place(e), message);
    }

    /** Where the fix goes: the key for a key not allowed, the character for one text may not hold, else the value. */
    private JsonTree.Place place(Error e) {
        List<String> path = JsonTree.path(e.getInstanceLocation());
        if (e.getKeyword().equals("pattern") && plainText(path) != null) {
            return places.inString(path, PlainText.firstForbidden(tree.at(path).asText(), lines(path)));
        }
        return places.of(e);
    }

    private String explain(Error e) {
        List<String> path = JsonTree.path(e.getInstanceLocation());
        String keyword = e.getKeyword();
        JsonNode node = tree.at(path);
        if (keyword.equals("additionalProperties")) {
            return unknownKey(e, path);
        }
        if (keyword.equals("required")) {
            return path.isEmpty() ? "missing \"" + e.getProperty() + "\"; " + HOW_TO_ADD.get(e.getProperty())
                    : "indicator \"" + path.get(1) + "\" needs a \"level\" (" + levels(path.get(1)) + ")";
        }
        if (path.size() == 1) {
            return topLevel(path.get(0), keyword, node, path);
        }
        String id = path.get(1);
        if (path.size() == 2) {
            // The indicator's value is a level or a reading: the value's kind says which branch it failed.
            if (keyword.equals("type") && !node.isTextual() && !node.isObject()) {
                return "indicator \"" + id + "\" must be a level (" + levels(id) + ") or an object " + READING_SHAPE
                        + ", found " + describe(node, path);
            }
            return keyword.equals("enum") && node.isTextual() ? notOnScale(id, node.asText()) : null;
        }
        return switch (path.get(2)) {
            case "level" -> node.isTextual() ? notOnScale(id, node.asText())
                    : "level of \"" + id + "\" must be one of " + levels(id) + ", as a string, found " + describe(node, path);
            case "confidence" -> confidence(e, id, node, path);
            case "note" -> keyword.equals("type") ? "\"" + id + ".note\" must be a string, found " + describe(node, path)
                    : plainTextProblem(path, node.asText());
            default -> null;
        };
    }

    private String topLevel(String key, String keyword, JsonNode node, List<String> path) {
        if (key.equals("indicators")) {
            return "\"indicators\" must be an object mapping indicator ids to levels, found " + describe(node, path);
        }
        if (keyword.equals("type")) {
            return "\"" + key + "\" must be a string, found " + describe(node, path);
        }
        String text = node.asText();
        return switch (key) {
            case "id" -> FactSetReader.idProblem(text).orElse(null);
            case "asOf" -> "asOf \"" + FactSetReader.abbreviate(text) + "\" is not a date; write it as YYYY-MM-DD, e.g. \"2014-12-09\"";
            default -> plainTextProblem(path, text);
        };
    }

    private String unknownKey(Error e, List<String> path) {
        String key = e.getProperty();
        List<String> allowed = allowed(schema.getSchemaNode(), e);
        String name = "\"" + FactSetReader.abbreviate(key) + "\"";
        if (path.size() == 1) {
            return "unknown indicator " + name + Suggestions.didYouMean(key, allowed) + "; " + KNOWN_IDS;
        }
        List<String> sorted = allowed.stream().sorted().toList();
        return "unknown key " + name + (path.isEmpty() ? "" : " in indicator \"" + path.get(1) + "\"")
                + Suggestions.didYouMean(key, sorted) + "; allowed: " + String.join(", ", sorted);
    }

    private String confidence(Error e, String id, JsonNode node, List<String> path) {
        JsonNode range = schemaOf(schema.getSchemaNode(), e);
        String allowed = "greater than " + range.path("exclusiveMinimum").asText() + " and at most " + range.path("maximum").asText();
        if (e.getKeyword().equals("type")) {
            String quoted = node.isTextual() && NUMBER.matcher(node.asText()).matches()
                    ? "; write the number without quotes: " + node.asText() : "";
            return "confidence of \"" + id + "\" must be a number " + allowed + ", found " + describe(node, path) + quoted;
        }
        String written = FactSetReader.abbreviate(places.written(path));
        // 1e-999 is above 0, but reads as 0.0: a double cannot hold it.
        boolean underflow = node.doubleValue() == 0.0 && written.replaceFirst("[eE].*", "").matches(".*[1-9].*");
        return "confidence " + written + " of \"" + id + "\" " + (underflow
                ? "is too small to be told from 0 (it underflows); use a number " + allowed + ", such as 0.001"
                : "is out of range; use a number " + allowed + " (1 = certain)");
    }

    private String notOnScale(String id, String level) {
        List<String> levels = scale(id).levels();
        return "level \"" + FactSetReader.abbreviate(level) + "\" is not on the scale of \"" + id + "\""
                + Suggestions.didYouMean(level, levels) + "; allowed: " + scale(id).describe();
    }

    /** What free text at {@code path} is called in a message, or null when it is not free text. */
    private static String plainText(List<String> path) {
        if (path.size() == 3 && path.get(2).equals("note")) {
            return "the note of \"" + path.get(1) + "\"";
        }
        return path.size() == 1 && (path.get(0).equals("title") || path.get(0).equals("description")) ? "\"" + path.get(0) + "\"" : null;
    }

    /** What is wrong with the free text at {@code path}, which the schema's pattern refuses. */
    private static String plainTextProblem(List<String> path, String text) {
        return PlainText.problem(plainText(path), text, PlainText.firstForbidden(text, lines(path)), lines(path));
    }

    /** A description may hold line breaks and tabs; the schema's pattern for it says so too. */
    private static boolean lines(List<String> path) {
        return path.equals(List.of("description"));
    }

    private Scale scale(String id) {
        return vocabulary.find(id).orElseThrow().scale();
    }

    private String levels(String id) {
        return scale(id).describe();
    }

    private String describe(JsonNode node, List<String> path) {
        return FactSetReader.describe(node.asToken(), node.isNumber() ? places.written(path) : node.asText());
    }

    /** The schema object holding the keyword {@code e} is about, found in {@code schema} by its JSON pointer. */
    private static JsonNode schemaOf(JsonNode schema, Error e) {
        return schema.at(e.getSchemaLocation().getFragment().getParent().toString());
    }

    /** The names the schema {@code schema} allows beside the one an "additionalProperties" error refuses. */
    static List<String> allowed(JsonNode schema, Error e) {
        return schemaOf(schema, e).path("properties").properties().stream().map(Map.Entry::getKey).toList();
    }
}
