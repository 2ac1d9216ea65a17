package org.apsa.ruletest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.apsa.engine.Assessment;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.InputProblem;
import org.apsa.fact.Suggestions;
import org.apsa.io.Utf8Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads rule tests strictly: an unknown key, a value of the wrong type, an unknown outlook
 * or status, an empty or contradictory expectation is a problem naming the file, the
 * position and the field. The {@code facts} object is validated by {@link FactSetReader},
 * exactly as a fact file is, with positions in the test file.
 *
 * <pre>
 * { "description": "...",
 *   "facts": { "id": "...", "indicators": { ... } },
 *   "expect": { "status": "assessed", "leading": "some-outlook",
 *               "judgments": { "present": [...], "absent": [...] },
 *               "prescriptions": { "met": [...], "unmet": [...] },
 *               "scores": { "other-outlook": { "min": 0.1, "max": 0.5 } },
 *               "fired": [...], "notFired": [...] } }
 * </pre>
 */
public final class RuleTestReader {

    static final Set<String> KEYS = Set.of("description", "facts", "expect");
    static final List<String> STATUSES = List.of(Assessment.ASSESSED, Assessment.INSUFFICIENT_EVIDENCE);

    private final ObjectMapper mapper;
    private final FactSetReader factReader;
    private final KnowledgeBase kb;

    /** A reader of tests of rules of this knowledge base: their facts in its vocabulary, their outlooks its own. */
    public RuleTestReader(KnowledgeBase kb) {
        this.kb = kb;
        this.factReader = new FactSetReader(kb.vocabulary());
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // "0.5" is not a number and 3 is not a name: no silent conversions.
        json.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = json;
    }

    /**
     * Reads every {@code *.json} file under a folder, in a stable order.
     *
     * @throws InvalidFactSetException with the problems of every invalid file
     */
    public List<RuleTest> readAll(Path folder) {
        return read(files(folder));
    }

    /**
     * Reads the tests of a folder that have one of {@code names} ({@link RuleTest#name}), in
     * the order {@link #readAll} reads them; the other files are not read, so a test being
     * written does not stop another from running.
     *
     * @throws InvalidFactSetException with the problems of every invalid file among them
     */
    public List<RuleTest> readNamed(Path folder, Collection<String> names) {
        return read(files(folder).stream().filter(f -> names.contains(RuleTest.nameOf(f.toString()))).toList());
    }

    /** The names of the tests under a folder ({@link RuleTest#name}), sorted. */
    public static Set<String> names(Path folder) {
        return files(folder).stream().map(f -> RuleTest.nameOf(f.toString())).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The {@code .json} files under a folder, sorted. */
    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidFactSetException(new InputProblem(folder.toString(), 0, 0,
                    "no such folder; rule tests live in the rules folder's tests/ folder"));
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidFactSetException(new InputProblem(folder.toString(), 0, 0, "cannot be read: " + e.getMessage()));
        }
    }

    private List<RuleTest> read(List<Path> files) {
        List<RuleTest> tests = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                tests.add(read(file));
            } catch (InvalidFactSetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactSetException(problems);
        }
        return tests;
    }

    /** @throws InvalidFactSetException when the file is missing or invalid */
    public RuleTest read(Path file) {
        try {
            return parse(file.toString(), Utf8Text.decode(Files.readAllBytes(file)));
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new InvalidFactSetException(new InputProblem(file.toString(), e.line(), e.column(), e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new InvalidFactSetException(new InputProblem(file.toString(), 0, 0, "no such file"));
        } catch (IOException e) {
            throw new InvalidFactSetException(new InputProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Parses one rule test from text, as if it were the file {@code file}.
     *
     * @throws InvalidFactSetException with every problem found
     */
    public RuleTest parse(String file, String text) {
        List<InputProblem> problems = new ArrayList<>();
        String description = null;
        FactSet facts = null;
        Expectation expect = null;
        JsonLocation expectAt = null;
        Set<String> seen = new HashSet<>();
        JsonLocation start = null;
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                problems.add(problem(file, parser.currentTokenLocation(),
                        "a rule test is one JSON object {\"description\": ..., \"facts\": {...}, \"expect\": {...}}"));
                throw new InvalidFactSetException(problems);
            }
            start = parser.currentTokenLocation();
            fields:
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                seen.add(key);
                switch (key) {
                    case "description" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            description = parser.getText();
                        } else {
                            problems.add(problem(file, parser.currentTokenLocation(), "\"description\" must be a string"));
                            parser.skipChildren();
                        }
                    }
                    case "facts" -> {
                        if (value != JsonToken.START_OBJECT) {
                            problems.add(problem(file, parser.currentTokenLocation(),
                                    "\"facts\" must be a fact set object {\"id\": ..., \"indicators\": {...}}"));
                            parser.skipChildren();
                        } else {
                            JsonLocation from = parser.currentTokenLocation();
                            parser.skipChildren();
                            facts = facts(file, text, from, parser.currentLocation(), problems);
                        }
                    }
                    case "expect" -> {
                        if (value != JsonToken.START_OBJECT) {
                            problems.add(problem(file, parser.currentTokenLocation(), "\"expect\" must be an object"));
                            parser.skipChildren();
                        } else {
                            expectAt = parser.currentTokenLocation();
                            try {
                                expect = mapper.readValue(parser, Expectation.class);
                            } catch (JsonMappingException e) {
                                problems.add(mapping(file, e));
                                // The parser stopped inside "expect"; nothing after it can be read reliably.
                                break fields;
                            }
                        }
                    }
                    default -> {
                        problems.add(problem(file, keyAt, "unknown key \"" + key + "\""
                                + Suggestions.didYouMean(key, KEYS)
                                + "; allowed: description, expect, facts"));
                        parser.skipChildren();
                    }
                }
            }
            if (problems.isEmpty() && parser.nextToken() != null) {
                problems.add(problem(file, parser.currentTokenLocation(), "unexpected content after the test's object; a file holds one rule test"));
            }
        } catch (JsonProcessingException e) {
            problems.add(problem(file, e.getLocation(), "malformed JSON: " + FactSetReader.plain(e.getOriginalMessage(), "file")));
        } catch (IOException e) {
            problems.add(new InputProblem(file, 0, 0, "cannot be read: " + e.getMessage()));
        }
        if (problems.isEmpty()) {
            if (!seen.contains("facts")) {
                problems.add(problem(file, start, "missing \"facts\": the fact set to assess, e.g. {\"id\": \"t\", \"indicators\": {}}"));
            }
            if (!seen.contains("expect")) {
                problems.add(problem(file, start, "missing \"expect\": what the assessment must show"));
            } else if (expect != null) {
                check(file, expectAt, expect, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactSetException(problems);
        }
        return new RuleTest(file, description, facts, expect);
    }

    /**
     * Validates the facts object with the fact-set reader. The text handed over is padded so
     * that the reader's lines and columns are those of the test file.
     */
    private FactSet facts(String file, String text, JsonLocation from, JsonLocation to, List<InputProblem> problems) {
        int begin = (int) from.getCharOffset();
        int end = (int) to.getCharOffset();
        String object = text.substring(begin, end);
        String padded = "\n".repeat(Math.max(0, from.getLineNr() - 1)) + " ".repeat(Math.max(0, from.getColumnNr() - 1)) + object;
        FactSetReader.Entry entry = factReader.parse(file, padded);
        problems.addAll(entry.problems());
        return entry.factSet();
    }

    private void check(String file, JsonLocation at, Expectation expect, List<InputProblem> problems) {
        if (expect.isEmpty()) {
            problems.add(problem(file, at, "\"expect\" checks nothing, so the test cannot fail; add at least one of "
                    + "status, leading, judgments, prescriptions, scores, fired, notFired"));
        }
        if (expect.status() != null && !STATUSES.contains(expect.status())) {
            problems.add(problem(file, at, "expect.status \"" + expect.status() + "\" is not a status"
                    + Suggestions.didYouMean(expect.status(), STATUSES) + "; allowed: " + String.join(", ", STATUSES)));
        }
        if (expect.leading() != null) {
            outlook(file, at, "expect.leading ", expect.leading(), problems);
        }
        for (Map.Entry<String, Expectation.Range> score : expect.scores().entrySet()) {
            String where = "expect.scores." + score.getKey();
            outlook(file, at, where + ": ", score.getKey(), problems);
            Expectation.Range range = score.getValue();
            if (range == null || (range.min() == null && range.max() == null)) {
                problems.add(problem(file, at, where + " needs \"min\", \"max\" or both, e.g. {\"min\": 0.1, \"max\": 0.5}"));
                continue;
            }
            for (Double bound : new Double[]{range.min(), range.max()}) {
                if (bound != null && !(bound >= 0.0 && bound <= 1.0)) {
                    problems.add(problem(file, at, where + ": " + bound + " is not a score; scores are between 0 and 1"));
                }
            }
            if (range.min() != null && range.max() != null && range.min() > range.max()) {
                problems.add(problem(file, at, where + ": min " + range.min() + " is above max " + range.max()));
            }
        }
        contradiction(file, at, "judgments", "present", expect.judgments().present(), "absent", expect.judgments().absent(), problems);
        contradiction(file, at, "prescriptions", "met", expect.prescriptions().met(), "unmet", expect.prescriptions().unmet(), problems);
        contradiction(file, at, "rules", "fired", expect.fired(), "notFired", expect.notFired(), problems);
    }

    private void outlook(String file, JsonLocation at, String where, String id, List<InputProblem> problems) {
        if (kb.outlook(id).isEmpty()) {
            problems.add(problem(file, at, where + "\"" + id + "\" is not an outlook" + Suggestions.didYouMean(id, kb.outlookIds())
                    + "; allowed: " + String.join(", ", kb.outlookIds())));
        }
    }

    private static void contradiction(String file, JsonLocation at, String what, String yes, List<String> a, String no,
                                      List<String> b, List<InputProblem> problems) {
        Set<String> both = a.stream().filter(b::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!both.isEmpty()) {
            problems.add(problem(file, at, "expect lists " + what + " both as " + yes + " and as " + no + ": "
                    + String.join(", ", both)));
        }
    }

    private static InputProblem mapping(String file, JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "expect";
            List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return problem(file, e.getLocation(), "unknown key \"" + u.getPropertyName() + "\" in " + parent
                    + Suggestions.didYouMean(u.getPropertyName(), known) + "; allowed: " + String.join(", ", known));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !path.equals("expect")) {
            return problem(file, e.getLocation(), path + " must be " + expected(m.getTargetType()));
        }
        return problem(file, e.getLocation(), path + ": " + FactSetReader.plain(e.getOriginalMessage(), "file"));
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list of strings, e.g. [\"a\", \"b\"]";
        }
        return "an object";
    }

    /** {@code expect.judgments.present[2]}: the field a mapping problem is in. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder("expect");
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static InputProblem problem(String file, JsonLocation at, String message) {
        long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
        long column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
        return new InputProblem(file, line, column, message);
    }
}
