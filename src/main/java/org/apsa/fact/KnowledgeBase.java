package org.apsa.fact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import org.apsa.fact.JsonTree.Place;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** An actor a recommendation may address. */
    public record Actor(String id, String title) {
    }

    /**
     * How the scoring rule weighs the evidence ({@code rules/README.md}, "Calibration").
     *
     * @param temperature how much evidence it takes to move the scores; larger is more cautious
     * @param full        what an outlook's reachable maximum support counts as; 0 when support
     *                    counts as it is (no outlook then needs a reach)
     */
    public record Scoring(double temperature, double full) {
    }

    /** One thing wrong with the file, at its line and column; errors refuse the knowledge base. */
    public record Problem(InputProblem where, boolean error) {
        public String format() {
            return where.format();
        }
    }

    /** What reading the file gave: the knowledge base (absent when there are errors) and the problems. */
    public record Reading(Optional<KnowledgeBase> knowledgeBase, List<Problem> problems) {
        public List<Problem> errors() {
            return problems.stream().filter(Problem::error).toList();
        }
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
    private final List<Actor> actors;
    private final List<String> aspects;
    private final int paragraphs;
    /** Where each outlook's and indicator's id is written, by "outlook " or "indicator " and the id: line, column. */
    private final Map<String, long[]> places;

    private KnowledgeBase(String id, String title, String source, String claims, Scoring scoring, List<Outlook> outlooks,
                          Vocabulary vocabulary, List<Actor> actors, List<String> aspects, int paragraphs, Map<String, long[]> places) {
        this.paragraphs = paragraphs;
        this.places = Map.copyOf(places);
        this.id = id;
        this.title = title;
        this.source = source;
        this.claims = claims;
        this.scoring = scoring;
        this.outlooks = List.copyOf(outlooks);
        Map<String, Outlook> byId = new LinkedHashMap<>();
        this.outlooks.forEach(o -> byId.put(o.id(), o));
        this.outlooksById = Map.copyOf(byId);
        this.outlookIds = this.outlooks.stream().map(Outlook::id).toList();
        this.vocabulary = vocabulary;
        this.actors = List.copyOf(actors);
        this.aspects = List.copyOf(aspects);
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

    /** The most desirable outlook: what prescription gains raise. */
    public Outlook best() {
        return outlooks.get(0);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Actor> actors() {
        return actors;
    }

    public List<String> actorIds() {
        return actors.stream().map(Actor::id).toList();
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
            try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
                if (in == null) {
                    throw new IllegalStateException("this build of the tool carries no " + EMBEDDED);
                }
                Reading reading = parse(EMBEDDED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return reading.knowledgeBase().orElseThrow(() -> new IllegalStateException("the embedded " + FILE
                        + " is not valid: " + reading.errors().get(0).format()));
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
                    List.of(new Problem(new InputProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage()), true))));
        }
    }

    /** Reads a knowledge base's text; {@code file} names it in the problems. */
    public static Reading parse(String file, String text) {
        Parser parser = new Parser(file, text);
        KnowledgeBase kb = parser.read();
        return new Reading(parser.problems.stream().anyMatch(Problem::error) ? Optional.empty() : Optional.ofNullable(kb),
                List.copyOf(parser.problems));
    }

    private static final Set<String> TOP = Set.of("$schema", "id", "title", "source", "version", "claims", "paragraphs", "scoring",
            "outlooks", "indicators", "actors", "aspects");
    private static final Set<String> OUTLOOK = Set.of("id", "title", "source", "reach", "abbreviation", "heading");
    private static final Set<String> INDICATOR = Set.of("id", "levels", "meaning", "source");
    private static final Set<String> ACTOR = Set.of("id", "title");
    private static final Set<String> SCORING = Set.of("temperature", "full");

    /** A value as read, with where it starts; objects keep their keys' places. */
    private record Value(Object value, Place at, Map<String, Place> keys) {
        @SuppressWarnings("unchecked")
        Map<String, Value> object() {
            return value instanceof Map<?, ?> m ? (Map<String, Value>) m : null;
        }

        @SuppressWarnings("unchecked")
        List<Value> array() {
            return value instanceof List<?> l ? (List<Value>) l : null;
        }

        String text() {
            return value instanceof String s ? s : null;
        }

        Double number() {
            return value instanceof Number n ? n.doubleValue() : null;
        }
    }

    /** Reads the file into {@link Value}s, then checks and builds; every problem is kept, not only the first. */
    private static final class Parser {
        private final String file;
        private final String text;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, long[]> places = new LinkedHashMap<>();

        Parser(String file, String text) {
            this.file = file;
            this.text = text;
        }

        void error(Place at, String message) {
            problems.add(new Problem(new InputProblem(file, at.line(), at.column(), message), true));
        }

        KnowledgeBase read() {
            Value root;
            JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
            try (JsonParser parser = json.createParser(text)) {
                if (parser.nextToken() == null) {
                    error(new Place(1, 1, 0), "is empty; a knowledge base is one JSON object (docs/rule-authoring.md)");
                    return null;
                }
                root = value(parser);
                if (parser.nextToken() != null) {
                    error(Place.of(parser.currentTokenLocation()), "holds more than one JSON value; a knowledge base is one object");
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                error(at == null ? new Place(0, 0, 0) : Place.of(at), "is not valid JSON: " + e.getOriginalMessage());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Value> top = object(root, TOP, "the knowledge base");
            if (top == null) {
                return null;
            }
            String id = text(top, root, "id", true);
            String title = text(top, root, "title", true);
            String source = text(top, root, "source", false);
            String version = text(top, root, "version", false);
            String claims = text(top, root, "claims", false);
            Double paragraphs = positive(top, root, "paragraphs", false);
            if (paragraphs != null && paragraphs != Math.rint(paragraphs)) {
                error(top.get("paragraphs").at(), "\"paragraphs\" is a whole number: how many paragraphs the source has");
            }
            Scoring scoring = scoring(top, root);
            List<Outlook> outlooks = outlooks(top, root, scoring);
            List<IndicatorDef> indicators = indicators(top, root);
            List<Actor> actors = actors(top, root);
            List<String> aspects = strings(top, root, "aspects", false);
            if (aspects != null && new HashSet<>(aspects).size() < aspects.size()) {
                error(top.get("aspects").at(), "\"aspects\" names an aspect twice");
            }
            if (problems.stream().anyMatch(Problem::error)) {
                return null;
            }
            return new KnowledgeBase(id, title, source, claims, scoring, outlooks,
                    new Vocabulary(version == null ? "1" : version, indicators), actors, aspects == null ? List.of() : aspects,
                    paragraphs == null ? 0 : paragraphs.intValue(), places);
        }

        private Scoring scoring(Map<String, Value> top, Value root) {
            Value value = top.get("scoring");
            if (value == null) {
                error(root.at(), "no \"scoring\"; give { \"temperature\": 3.0 } at least (docs/rule-authoring.md)");
                return new Scoring(1, 0);
            }
            Map<String, Value> scoring = object(value, SCORING, "\"scoring\"");
            if (scoring == null) {
                return new Scoring(1, 0);
            }
            Double temperature = positive(scoring, value, "temperature", true);
            Double full = positive(scoring, value, "full", false);
            return new Scoring(temperature == null ? 1 : temperature, full == null ? 0 : full);
        }

        private List<Outlook> outlooks(Map<String, Value> top, Value root, Scoring scoring) {
            List<Outlook> outlooks = new ArrayList<>();
            Value list = top.get("outlooks");
            if (list == null) {
                error(root.at(), "no \"outlooks\"; list at least two, best first");
                return outlooks;
            }
            List<Value> items = array(list, "\"outlooks\"", 2);
            Set<String> ids = new HashSet<>();
            for (Value item : items) {
                Map<String, Value> o = object(item, OUTLOOK, "an outlook");
                if (o == null) {
                    continue;
                }
                String id = text(o, item, "id", true);
                String title = text(o, item, "title", true);
                String source = text(o, item, "source", false);
                Double reach = positive(o, item, "reach", false);
                String abbreviation = text(o, item, "abbreviation", false);
                String heading = text(o, item, "heading", false);
                if (heading != null && heading.length() > 7) {
                    error(o.get("heading").at(), "\"heading\" is at most 7 characters: it heads a column of numbers");
                }
                if (scoring.full() > 0 && reach == null && o.get("reach") == null) {
                    error(item.at(), "outlook " + (id == null ? "" : "\"" + id + "\" ") + "has no \"reach\", which \"scoring\"'s "
                            + "\"full\" needs: the most support the rules can give it at once");
                }
                if (id != null && !ids.add(id)) {
                    error(o.get("id").at(), "outlook \"" + id + "\" is listed twice; ids are unique");
                } else if (id != null) {
                    places.put("outlook " + id, new long[] {o.get("id").at().line(), o.get("id").at().column()});
                }
                outlooks.add(new Outlook(id, title, source, reach == null ? 0 : reach, outlooks.size(),
                        abbreviation != null ? abbreviation : title != null ? Outlook.abbreviate(title) : "?",
                        heading != null ? heading : id == null ? "?" : id.substring(0, Math.min(6, id.length()))));
            }
            return outlooks;
        }

        private List<IndicatorDef> indicators(Map<String, Value> top, Value root) {
            List<IndicatorDef> indicators = new ArrayList<>();
            Value list = top.get("indicators");
            if (list == null) {
                error(root.at(), "no \"indicators\"; list what an analyst can state");
                return indicators;
            }
            Set<String> ids = new HashSet<>();
            for (Value item : array(list, "\"indicators\"", 1)) {
                Map<String, Value> i = object(item, INDICATOR, "an indicator");
                if (i == null) {
                    continue;
                }
                String id = text(i, item, "id", true);
                String meaning = text(i, item, "meaning", true);
                List<String> levels = strings(i, item, "levels", true);
                List<String> source = strings(i, item, "source", false);
                if (id != null && !ids.add(id)) {
                    error(i.get("id").at(), "indicator \"" + id + "\" is listed twice; ids are unique");
                } else if (id != null) {
                    places.put("indicator " + id, new long[] {i.get("id").at().line(), i.get("id").at().column()});
                }
                if (levels != null && levels.size() < 2) {
                    error(i.get("levels").at(), "indicator " + (id == null ? "" : "\"" + id + "\" ")
                            + "has " + levels.size() + (levels.size() == 1 ? " level" : " levels")
                            + "; give at least two, lowest first");
                }
                if (levels != null && new HashSet<>(levels).size() < levels.size()) {
                    error(i.get("levels").at(), "indicator " + (id == null ? "" : "\"" + id + "\" ") + "names a level twice");
                }
                indicators.add(new IndicatorDef(id, new Scale(levels == null ? "" : String.join("|", levels),
                        levels == null ? List.of() : levels), meaning, source == null ? List.of() : source));
            }
            return indicators;
        }

        private List<Actor> actors(Map<String, Value> top, Value root) {
            List<Actor> actors = new ArrayList<>();
            Value list = top.get("actors");
            if (list == null) {
                return actors;
            }
            Set<String> ids = new HashSet<>();
            for (Value item : array(list, "\"actors\"", 0)) {
                Map<String, Value> a = object(item, ACTOR, "an actor");
                if (a == null) {
                    continue;
                }
                String id = text(a, item, "id", true);
                String title = text(a, item, "title", false);
                if (id != null && !ids.add(id)) {
                    error(a.get("id").at(), "actor \"" + id + "\" is listed twice; ids are unique");
                }
                actors.add(new Actor(id, title == null ? id : title));
            }
            return actors;
        }

        /** The members of an object, its keys checked against {@code allowed}; null, after an error, when it is not an object. */
        private Map<String, Value> object(Value value, Set<String> allowed, String what) {
            Map<String, Value> object = value.object();
            if (object == null) {
                error(value.at(), what + " is a JSON object { ... }");
                return null;
            }
            value.keys().forEach((key, at) -> {
                if (!allowed.contains(key)) {
                    error(at, "unknown key \"" + key + "\" in " + what
                            + Suggestions.didYouMean(key, allowed)
                            + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            });
            return object;
        }

        private List<Value> array(Value value, String what, int least) {
            List<Value> array = value.array();
            if (array == null) {
                error(value.at(), what + " is a JSON array [ ... ]");
                return List.of();
            }
            if (array.size() < least) {
                error(value.at(), what + " lists " + array.size() + "; give at least " + least);
            }
            return array;
        }

        /** The value of {@code key}; null, and an error when it is required, when the object has none. */
        private Value member(Map<String, Value> object, Value owner, String key, boolean required) {
            Value value = object.get(key);
            if (value == null && required) {
                error(owner.at(), "no \"" + key + "\"; it is required here");
            }
            return value;
        }

        private String text(Map<String, Value> object, Value owner, String key, boolean required) {
            Value value = member(object, owner, key, required);
            if (value == null) {
                return null;
            }
            if (value.text() == null || value.text().isBlank()) {
                error(value.at(), "\"" + key + "\" is a non-empty string");
                return null;
            }
            return value.text();
        }

        private List<String> strings(Map<String, Value> object, Value owner, String key, boolean required) {
            Value value = member(object, owner, key, required);
            if (value == null) {
                return null;
            }
            List<String> strings = new ArrayList<>();
            for (Value item : array(value, "\"" + key + "\"", 0)) {
                if (item.text() == null || item.text().isBlank()) {
                    error(item.at(), "\"" + key + "\" lists non-empty strings");
                    return null;
                }
                strings.add(item.text());
            }
            return value.array() == null ? null : strings;
        }

        private Double positive(Map<String, Value> object, Value owner, String key, boolean required) {
            Value value = member(object, owner, key, required);
            if (value == null) {
                return null;
            }
            Double number = value.number();
            if (number == null || !(number > 0) || number.isInfinite()) {
                error(value.at(), "\"" + key + "\" is a positive number");
                return null;
            }
            return number;
        }

        /** The value at the parser's current token; a key given twice is an error at its second place. */
        private Value value(JsonParser parser) throws IOException {
            Place at = Place.of(parser.currentTokenLocation());
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Value> members = new LinkedHashMap<>();
                    Map<String, Place> keys = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        Place keyAt = Place.of(parser.currentTokenLocation());
                        parser.nextToken();
                        Value member = value(parser);
                        if (members.containsKey(name)) {
                            error(keyAt, "key \"" + name + "\" is given twice in one object; keep one");
                            continue;
                        }
                        members.put(name, member);
                        keys.put(name, keyAt);
                    }
                    return new Value(members, at, keys);
                }
                case START_ARRAY -> {
                    List<Value> items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(parser));
                    }
                    return new Value(items, at, Map.of());
                }
                case VALUE_STRING -> {
                    return new Value(parser.getText(), at, Map.of());
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return new Value(parser.getDoubleValue(), at, Map.of());
                }
                default -> {
                    // true, false or null: never what a key here takes, and said so by the checks.
                    return new Value(token, at, Map.of());
                }
            }
        }
    }
}
