package org.apsa.fact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.apsa.fact.JsonTree.Place;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The domain a rules folder speaks of, read from its {@value #FILE}: the source the rules
 * encode, its outlooks (best first), the indicators an analyst can state (levels lowest
 * first), the actors its recommendations address, the aspects of its evaluation, and the
 * scoring's parameters. The engine, the fact reader, the schema, the shell and the reports
 * take the domain from here and name no outlook, indicator or actor of their own.
 *
 * <p>A rules folder without the file speaks of the embedded knowledge base's domain.
 */
public final class KnowledgeBase {

    /** The file's name in a rules folder. */
    public static final String FILE = "knowledge-base.json";

    /** Where the embedded rules' copy is on the class path. */
    static final String EMBEDDED = "apsa/rules/" + FILE;

    private static final JsonFactory JSON = new JsonFactory();
    /** What the file may hold, but that an id is unique in its list, which {@link #parse} checks beside it. */
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(KnowledgeBase.class.getResourceAsStream("/apsa/knowledge-base.schema.json"));

    /**
     * How the scoring rule weighs the evidence ({@code rules/README.md}, "Calibration").
     *
     * @param temperature how much evidence it takes to move the scores; larger is more cautious
     * @param full        what an outlook's reachable maximum support counts as; 0 when support
     *                    counts as it is (no outlook then needs a reach)
     */
    public record Scoring(double temperature, double full) {
    }

    /** What reading the file gave: the knowledge base, or the errors that refuse it, each at its line and column. */
    public record Reading(Optional<KnowledgeBase> knowledgeBase, List<InputProblem> problems) {
    }

    private final String id;
    private final String title;
    private final String source;
    private final String claims;
    private final Scoring scoring;
    private final List<Outlook> outlooks;
    private final Map<String, Outlook> outlooksById;
    private final List<String> outlookIds;
    private final Vocabulary vocabulary;
    /** The actors a recommendation may address. */
    private final List<String> actorIds;
    private final List<String> aspects;
    private final int paragraphs;
    /** Where each outlook's and indicator's id is written, by "outlook " or "indicator " and the id: line, column. */
    private final Map<String, long[]> places;

    /** The knowledge base of a file the schema accepts, with its defaults. */
    private KnowledgeBase(JsonNode root, Map<String, long[]> places) {
        List<Outlook> outlooks = new ArrayList<>();
        for (JsonNode o : root.path("outlooks")) {
            String id = o.path("id").asText();
            String title = o.path("title").asText();
            outlooks.add(new Outlook(id, title, text(o, "source"), o.path("reach").asDouble(0), outlooks.size(),
                    o.path("abbreviation").asText(Outlook.abbreviate(title)),
                    o.path("heading").asText(id.substring(0, Math.min(6, id.length())))));
        }
        List<IndicatorDef> indicators = new ArrayList<>();
        for (JsonNode i : root.path("indicators")) {
            List<String> levels = strings(i.path("levels"));
            indicators.add(new IndicatorDef(i.path("id").asText(), new Scale(levels),
                    i.path("meaning").asText(), strings(i.path("source"))));
        }
        JsonNode scoring = root.path("scoring");
        this.id = root.path("id").asText();
        this.title = root.path("title").asText();
        this.source = text(root, "source");
        this.claims = text(root, "claims");
        this.scoring = new Scoring(scoring.path("temperature").asDouble(), scoring.path("full").asDouble(0));
        this.outlooks = List.copyOf(outlooks);
        this.outlooksById = this.outlooks.stream().collect(Collectors.toUnmodifiableMap(Outlook::id, o -> o));
        this.outlookIds = this.outlooks.stream().map(Outlook::id).toList();
        this.vocabulary = new Vocabulary(root.path("version").asText("1"), indicators);
        this.actorIds = List.copyOf(root.path("actors").findValuesAsText("id"));
        this.aspects = List.copyOf(strings(root.path("aspects")));
        this.paragraphs = root.path("paragraphs").asInt(0);
        this.places = Map.copyOf(places);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    /** The claims file beside the rules, which {@code @claim} ids come from; absent when the rules cite none. */
    public Optional<String> claims() {
        return Optional.ofNullable(claims);
    }

    public Scoring scoring() {
        return scoring;
    }

    /** The outlooks, best first. */
    public List<Outlook> outlooks() {
        return outlooks;
    }

    public List<String> outlookIds() {
        return outlookIds;
    }

    public Optional<Outlook> outlook(String id) {
        return Optional.ofNullable(id == null ? null : outlooksById.get(id));
    }

    /** The title of an outlook; its id when there is no such outlook. */
    public String outlookTitle(String id) {
        return outlook(id).map(Outlook::title).orElse(id);
    }

    /** The most desirable outlook: what prescription gains raise. */
    public Outlook best() {
        return outlooks.get(0);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<String> actorIds() {
        return actorIds;
    }

    /** The aspects of the evaluation of the leader, in the order reports show them. */
    public List<String> aspects() {
        return aspects;
    }

    /** How many paragraphs the source has, which {@code @source} cites by number; 0 when not said. */
    public int paragraphs() {
        return paragraphs;
    }

    /** Where the file writes an outlook's id: line and column, or {0, 0} when not known. */
    public long[] placeOfOutlook(String id) {
        return places.getOrDefault("outlook " + id, new long[] {0, 0});
    }

    /** Where the file writes an indicator's id: line and column, or {0, 0} when not known. */
    public long[] placeOfIndicator(String id) {
        return places.getOrDefault("indicator " + id, new long[] {0, 0});
    }

    /** The embedded rules' knowledge base, the default one. */
    public static KnowledgeBase embedded() {
        return Embedded.KNOWLEDGE_BASE;
    }

    private static final class Embedded {
        static final KnowledgeBase KNOWLEDGE_BASE = load();

        private static KnowledgeBase load() {
            try (InputStream in = Objects.requireNonNull(KnowledgeBase.class.getClassLoader().getResourceAsStream(EMBEDDED),
                    () -> "this build of the tool carries no " + EMBEDDED)) {
                Reading reading = parse(EMBEDDED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return reading.knowledgeBase().orElseThrow(() -> new IllegalStateException("the embedded " + FILE
                        + " is not valid: " + reading.problems().get(0).format()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the file of a rules folder, when it has one; a folder without it speaks of the embedded domain. */
    public static Optional<Reading> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.of(new Reading(Optional.empty(),
                    List.of(new InputProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage()))));
        }
    }

    /** Reads a knowledge base's text; {@code file} names it in the problems. */
    public static Reading parse(String file, String text) {
        List<InputProblem> problems = new ArrayList<>();
        BiConsumer<Place, String> error = (at, message) -> problems.add(new InputProblem(file, at.line(), at.column(), message));
        JsonTree tree;
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                error.accept(new Place(1, 1, 0), "is empty; a knowledge base is one JSON object (docs/rule-authoring.md)");
                return new Reading(Optional.empty(), problems);
            }
            if (first != JsonToken.START_OBJECT) {
                error.accept(Place.of(parser.currentTokenLocation()), "the knowledge base is a JSON object { ... }");
                return new Reading(Optional.empty(), problems);
            }
            tree = JsonTree.read(parser, JSON, text,
                    (object, key, at) -> error.accept(at, "key \"" + key + "\" is given twice in one object; keep one"));
            if (tree.stopped()) {
                error.accept(Place.of(parser.currentTokenLocation()), "an object or list here has more than "
                        + JsonTree.MAX_MEMBERS + " members, more than a knowledge base may hold; split the domain");
                return new Reading(Optional.empty(), problems);
            }
            if (parser.nextToken() != null) {
                error.accept(Place.of(parser.currentTokenLocation()), "holds more than one JSON value; a knowledge base is one object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            error.accept(at == null ? new Place(0, 0, 0) : Place.of(at), "is not valid JSON: " + e.getOriginalMessage());
            return new Reading(Optional.empty(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = tree.root();
        List<Error> errors = SCHEMA.validate(root);
        List<List<String>> ids = new ArrayList<>();
        for (String list : LISTS) {
            for (int i = 0; i < root.path(list).size(); i++) {
                ids.add(List.of(list, String.valueOf(i), "id"));
            }
        }
        JsonTree.Places places = tree.places(errors, ids);
        for (Error e : errors) {
            String message = message(e, JsonTree.path(e.getInstanceLocation()), root);
            if (message != null) {
                error.accept(places.of(e), message);
            }
        }
        // Where each outlook's and indicator's id is written, keyed "outlook ID" or "indicator ID";
        // an id listed twice in one list is an error at its second place (the one rule of the file
        // that a JSON Schema cannot state).
        Map<String, long[]> idPlaces = new LinkedHashMap<>();
        for (List<String> path : ids) {
            JsonNode id = idOf(root, path);
            Place at = places.value(path);
            String kind = path.get(0).substring(0, path.get(0).length() - 1);
            if (id.isTextual() && idPlaces.putIfAbsent(kind + " " + id.asText(), new long[] {at.line(), at.column()}) != null) {
                error.accept(at, kind + " \"" + id.asText() + "\" is listed twice; ids are unique");
            }
        }
        problems.sort(Comparator.comparingLong(InputProblem::line).thenComparingLong(InputProblem::column));
        return new Reading(problems.isEmpty() ? Optional.of(new KnowledgeBase(root, idPlaces)) : Optional.empty(), problems);
    }

    private static String text(JsonNode object, String key) {
        return object.has(key) ? object.get(key).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    /** The lists of the file whose items have an id. */
    private static final List<String> LISTS = List.of("outlooks", "indicators", "actors");

    private static final Map<String, String> OBJECTS = Map.of("outlooks", "an outlook", "indicators", "an indicator", "actors", "an actor");

    /** What the schema refuses, in the file's terms; null for what another message at the same value says. */
    private static String message(Error e, List<String> path, JsonNode root) {
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        boolean item = !last.isEmpty() && last.chars().allMatch(Character::isDigit);
        String key = "\"" + (item ? path.get(path.size() - 2) : last) + "\"";
        String what = path.isEmpty() ? "the knowledge base" : item ? OBJECTS.get(path.get(path.size() - 2)) : key;
        JsonNode node = e.getInstanceNode();
        return switch (e.getKeyword()) {
            case "additionalProperties" -> {
                List<String> allowed = FactSetValidator.allowed(SCHEMA.getSchemaNode(), e).stream().sorted().toList();
                yield "unknown key \"" + e.getProperty() + "\" in " + what + Suggestions.didYouMean(e.getProperty(), allowed)
                        + "; allowed: " + String.join(", ", allowed);
            }
            case "required" -> required(path, e.getProperty(), root);
            case "type" -> switch (e.getSchemaNode().asText()) {
                case "object" -> what + " is a JSON object { ... }";
                case "array" -> key + " is a JSON array [ ... ]";
                case "number" -> key + " is a positive number";
                default -> item ? key + " lists non-empty strings" : key + " is a non-empty string";
            };
            case "pattern" -> item ? key + " lists non-empty strings" : key + " is a non-empty string";
            case "exclusiveMinimum", "maximum" -> key + " is a positive number";
            case "multipleOf" -> node.doubleValue() > 0 ? key + " is a whole number: how many paragraphs the source has" : null;
            case "maxLength" -> key + " is at most 7 characters: it heads a column of numbers";
            case "minItems" -> last.equals("levels") ? "indicator " + named(idOf(root, path)) + "has " + PlainText.count(node.size(), "level")
                    + "; give at least two, lowest first"
                    : key + " lists " + node.size() + "; give at least " + e.getSchemaNode().asInt();
            case "uniqueItems" -> last.equals("levels") ? "indicator " + named(idOf(root, path)) + "names a level twice"
                    : key + " names an aspect twice";
            default -> e.getMessage();
        };
    }

    private static String required(List<String> path, String key, JsonNode root) {
        if (path.isEmpty() && NO_LIST.containsKey(key)) {
            return NO_LIST.get(key);
        }
        if (key.equals("reach")) {
            return "outlook " + named(idOf(root, path)) + "has no \"reach\", which \"scoring\"'s "
                    + "\"full\" needs: the most support the rules can give it at once";
        }
        return "no \"" + key + "\"; it is required here";
    }

    private static final Map<String, String> NO_LIST = Map.of(
            "scoring", "no \"scoring\"; give { \"temperature\": 3.0 } at least (docs/rule-authoring.md)",
            "outlooks", "no \"outlooks\"; list at least two, best first",
            "indicators", "no \"indicators\"; list what an analyst can state");

    /** The id of the outlook or indicator at {@code path}, which names a list and a position in it. */
    private static JsonNode idOf(JsonNode root, List<String> path) {
        return root.path(path.get(0)).path(Integer.parseInt(path.get(1))).path("id");
    }

    /** {@code "id" } with its trailing space, or nothing when the id is not a string. */
    private static String named(JsonNode id) {
        return id.isTextual() ? "\"" + id.asText() + "\" " : "";
    }
}
