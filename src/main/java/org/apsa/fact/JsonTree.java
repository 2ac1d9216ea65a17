package org.apsa.fact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One record's JSON as a tree for the schema validator, and where each value and each key
 * is written, so that a problem the validator finds is told at its line and column.
 * Jackson's {@code readTree} keeps no places and takes a key given twice silently (the last
 * value wins); here a repeated key is reported at its second occurrence and the first value
 * is kept.
 *
 * <p>Places are looked up by path (the keys, and array indexes, from the root) in a second
 * reading of the text, only for a record that has problems: a valid record, by far the
 * common case in a batch, costs one reading.
 */
final class JsonTree {

    /** Where a token starts: line and column from 1, as Jackson counts them, and its offset in the text. */
    record Place(long line, long column, int offset) {
        static Place of(JsonLocation at) {
            return new Place(Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), (int) Math.max(at.getCharOffset(), 0));
        }
    }

    /** Told of each key given twice in one object: the path of the object, the key, and where it is repeated. */
    interface Repeats {
        void repeated(List<String> object, String key, Place at);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The characters a JSON number is written with. */
    static final String NUMBER_CHARACTERS = "0123456789.eE+-";

    /**
     * Members read of one object or array before reading stops. No object of a fact set may have
     * more than 28 keys, so one of a thousand has more problems than a record reports (100), and
     * the rest of a file of a hundred thousand made-up keys need not be read.
     */
    static final int MAX_MEMBERS = 1_000;

    private final JsonFactory json;
    private final String text;
    private JsonNode root;
    private boolean stopped;

    private JsonTree(JsonFactory json, String text) {
        this.json = json;
        this.text = text;
    }

    /**
     * Reads the value that starts at the parser's current token; {@code parser} reads
     * {@code text} and was made by {@code json}. Syntax errors and Jackson's limits are thrown
     * as Jackson throws them.
     */
    static JsonTree read(JsonParser parser, JsonFactory json, String text, Repeats repeats) throws IOException {
        JsonTree tree = new JsonTree(json, text);
        tree.root = tree.value(parser, new ArrayList<>(), repeats);
        return tree;
    }

    /** True when an object or array had more than {@value #MAX_MEMBERS} members: the tree holds the first ones, the parser stopped there. */
    boolean stopped() {
        return stopped;
    }

    JsonNode root() {
        return root;
    }

    /** The node at {@code path}, or a missing node. */
    JsonNode at(List<String> path) {
        JsonNode node = root;
        for (String name : path) {
            node = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
        }
        return node;
    }

    /**
     * Where the values the schema validator's {@code errors} concern are written (the key, for
     * a key the schema does not allow), and the values at the paths {@code more}.
     */
    Places places(Collection<Error> errors, Collection<List<String>> more) {
        Set<List<String>> values = new HashSet<>(more);
        Set<List<String>> keys = new HashSet<>();
        for (Error e : errors) {
            values.add(path(e.getInstanceLocation()));
            if (e.getKeyword().equals("additionalProperties")) {
                keys.add(keyPath(e));
            }
        }
        Map<List<String>, Place> valuePlaces = new HashMap<>();
        Map<List<String>, Place> keyPlaces = new HashMap<>();
        try (JsonParser parser = json.createParser(text)) {
            int wanted = values.size() + keys.size();
            for (JsonToken token = parser.nextToken(); token != null && valuePlaces.size() + keyPlaces.size() < wanted;
                    token = parser.nextToken()) {
                if (token.isStructEnd()) {
                    if (parser.getParsingContext().inRoot()) {
                        break;
                    }
                    continue;
                }
                List<String> path = path(parser.getParsingContext().pathAsPointer());
                boolean key = token == JsonToken.FIELD_NAME;
                if ((key ? keys : values).contains(path)) {
                    (key ? keyPlaces : valuePlaces).putIfAbsent(path, Place.of(parser.currentTokenLocation()));
                }
            }
        } catch (IOException e) {
            // The first reading got through this text up to the end of the record; a second one does too.
            throw new UncheckedIOException(e);
        }
        return new Places(text, valuePlaces, keyPlaces);
    }

    /** The keys and array indexes from the root to a validator error's value. */
    static List<String> path(NodePath location) {
        return IntStream.range(0, location.getNameCount()).mapToObj(i -> String.valueOf(location.getElement(i))).toList();
    }

    /** The path of the key an "additionalProperties" error refuses. */
    private static List<String> keyPath(Error e) {
        List<String> path = new ArrayList<>(path(e.getInstanceLocation()));
        path.add(e.getProperty());
        return path;
    }

    private static List<String> path(JsonPointer pointer) {
        List<String> path = new ArrayList<>();
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            path.add(rest.getMatchingProperty());
        }
        return path;
    }

    /** Where the values and keys asked for are written in {@code text}. */
    record Places(String text, Map<List<String>, Place> values, Map<List<String>, Place> keys) {
        Place value(List<String> path) {
            return values.get(path);
        }

        /** Where the fix for a validator error goes: the key for a key not allowed, else the value. */
        Place of(Error e) {
            return e.getKeyword().equals("additionalProperties") ? keys.get(keyPath(e)) : value(path(e.getInstanceLocation()));
        }

        /** A number as written in the file ({@code 1e-999}, not the 0.0 it reads as). */
        String written(List<String> path) {
            int start = values.get(path).offset();
            int end = start;
            while (end < text.length() && NUMBER_CHARACTERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            return text.substring(start, end);
        }

        /**
         * Where the {@code index}-th character of the string at {@code path} is written, found by
         * walking the string from its opening quote, escapes and all (a {@code \u001b} is six
         * characters of the file, one of the string).
         */
        Place inString(List<String> path, int index) {
            Place at = values.get(path);
            int raw = at.offset() + 1;
            for (int decoded = 0; decoded < index && raw < text.length(); decoded++) {
                raw += text.charAt(raw) != '\\' ? 1 : text.charAt(raw + 1) == 'u' ? 6 : 2;
            }
            return new Place(at.line(), at.column() + (raw - at.offset()), raw);
        }
    }

    /** The value at the parser's current token, a repeated key reported through {@code repeats}. */
    private JsonNode value(JsonParser parser, List<String> path, Repeats repeats) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (!stopped && parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        repeats.repeated(List.copyOf(path), name, Place.of(parser.currentTokenLocation()));
                        parser.nextToken();
                        parser.skipChildren();
                        continue;
                    }
                    parser.nextToken();
                    path.add(name);
                    object.set(name, value(parser, path, repeats));
                    path.remove(path.size() - 1);
                    stopped |= object.size() == MAX_MEMBERS;
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (!stopped && parser.nextToken() != JsonToken.END_ARRAY) {
                    path.add(String.valueOf(array.size()));
                    array.add(value(parser, path, repeats));
                    path.remove(path.size() - 1);
                    stopped |= array.size() == MAX_MEMBERS;
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("no JSON value starts with " + token);
        };
    }
}
