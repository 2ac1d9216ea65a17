package org.apsa.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Evaluation;
import org.apsa.fact.Outlook;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.provenance.Provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machine-readable assessment (knowledge model §5). Keys come in a fixed order and
 * absent values are left out, so the same assessment always gives the same bytes.
 *
 * <p>Written token by token: a batch writes one of these per fact set, tens of kilobytes
 * with the proof trees, and building a tree of maps first cost as much as writing it.
 */
public final class AssessmentJson {

    /** With Jackson's mapper behind it, which writes the provenance from its record. */
    private static final JsonFactory JSON = Json.factory();

    // Keys quoted and encoded once, those of proof-tree nodes above all: nodes are most of an assessment's bytes.
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString AS_OF = new SerializedString("asOf");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString CONCLUSION = new SerializedString("conclusion");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString TITLE = new SerializedString("title");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString WEIGHT = new SerializedString("weight");
    private static final SerializableString CONFIDENCE = new SerializedString("confidence");
    private static final SerializableString NOTE = new SerializedString("note");
    private static final SerializableString BECAUSE = new SerializedString("because");
    private static final SerializableString LIKELIHOOD = new SerializedString("likelihood");
    private static final SerializableString SCENARIO = new SerializedString("scenario");
    private static final SerializableString ASPECT = new SerializedString("aspect");
    private static final SerializableString TEXT = new SerializedString("text");
    private static final SerializableString ACTOR = new SerializedString("actor");
    private static final SerializableString INDICATOR = new SerializedString("indicator");
    private static final SerializableString TARGET = new SerializedString("target");
    private static final SerializableString SCHEMA_VERSION = new SerializedString(SchemaVersion.KEY);
    private static final SerializableString VERSION = new SerializedString(SchemaVersion.CURRENT);

    private AssessmentJson() {
    }

    /**
     * Indented, for one assessment on screen or in a file, saying after {@code schemaVersion}
     * which tool and rules made it unless {@code provenance} is null: {@code assess --format
     * json}. Without a time, so that the same fact set and rules give the same bytes; a batch's
     * lines leave it out ({@code run.json} says it once).
     */
    public static String pretty(Assessment a, Provenance provenance) {
        StringWriter text = new StringWriter(32 * 1024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            write(a, json, Texts.NONE, Detail.FULL, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    /**
     * Writes the lines of a run of many assessments. Most of a line's text recurs from one
     * assessment to the next: rule names, titles and paragraphs, the article's prescriptions
     * and evaluations, judgment ids, indicator readings. Each such text is quoted and encoded
     * the first time and copied after that. Numbers, scores and analysts' notes are written
     * as usual. The bytes are the same as without the copies. Thread-safe.
     */
    public static final class Lines {

        /**
         * Texts kept at most, and their characters in all: far more than the shipped rules
         * make (about 440 texts, 22,000 characters), so that only rules that make a new text
         * for each fact set reach them, and a few megabytes at worst. Texts past them, and
         * texts longer than {@link #LONGEST}, are encoded each time.
         */
        static final int CAPACITY = 20_000;
        static final int CHARACTERS = 2_000_000;
        static final int LONGEST = 2_000;

        /**
         * Kept for a text encoded each time: one outside the Basic Multilingual Plane, which
         * the generator escapes as a surrogate pair and an encoded copy would not.
         */
        private static final SerializableString AS_USUAL = new SerializedString("");

        private final ConcurrentHashMap<String, SerializableString> encoded = new ConcurrentHashMap<>();
        private final AtomicInteger characters = new AtomicInteger();
        private final int capacity;
        private final Detail detail;
        private final Texts texts = this::encoded;

        public Lines() {
            this(Detail.FULL);
        }

        /** Lines with as much as {@code detail} keeps. */
        public Lines(Detail detail) {
            this(CAPACITY, detail);
        }

        /** Lines that keep at most {@code capacity} texts. */
        Lines(int capacity, Detail detail) {
            this.capacity = capacity;
            this.detail = detail;
        }

        /** The assessment as one line of UTF-8. */
        public byte[] utf8(Assessment a) {
            // About the size of a line at each level (30 KB, 2 KB, 650 bytes with the shipped rules), so that it is rarely copied.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(detail == Detail.FULL ? 32 * 1024 : detail == Detail.LEAN ? 4 * 1024 : 1024);
            try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
                write(a, json, texts, detail, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** How many texts are kept. */
        int size() {
            return encoded.size();
        }

        private SerializableString encoded(String text) {
            SerializableString kept = encoded.get(text);
            if (kept == null) {
                if (text.length() > LONGEST || encoded.size() >= capacity || characters.get() >= CHARACTERS) {
                    return null;
                }
                kept = text.chars().anyMatch(c -> Character.isSurrogate((char) c)) ? AS_USUAL : new SerializedString(text);
                if (encoded.putIfAbsent(text, kept) == null) {
                    characters.addAndGet(text.length());
                }
            }
            return kept == AS_USUAL ? null : kept;
        }
    }

    /** Quoted, encoded texts to copy instead of encoding them again: null when there is none. */
    @FunctionalInterface
    private interface Texts {
        Texts NONE = text -> null;

        SerializableString of(String text);
    }

    /**
     * {@link Detail#LEAN} leaves out the proof trees and what the ids name of the article
     * (the evaluation of the leader, a prescription's actor, paragraph, text and target),
     * which would repeat the same texts on every line; {@link Detail#SCORES} leaves out
     * everything but the scores and the leader. A provenance, when given, follows
     * {@code schemaVersion}.
     */
    private static void write(Assessment a, JsonGenerator json, Texts texts, Detail detail, Provenance provenance) throws IOException {
        json.writeStartObject();
        json.writeFieldName(SCHEMA_VERSION);
        json.writeString(VERSION);
        if (provenance != null) {
            json.writeObjectField("provenance", provenance.undated());
        }
        json.writeObjectFieldStart("factSet");
        textIfPresent(json, Texts.NONE, ID, a.factSet().id());
        textIfPresent(json, Texts.NONE, TITLE, a.factSet().title());
        textIfPresent(json, Texts.NONE, AS_OF, a.factSet().asOf());
        json.writeEndObject();
        json.writeStringField("status", a.status());
        json.writeStringField("leading", a.leading());
        json.writeNumberField("evidence", a.evidence());
        json.writeArrayFieldStart("scenarios");
        for (ScenarioScore s : a.scenarios()) {
            json.writeStartObject();
            textField(json, texts, ID, s.scenario());
            textIfPresent(json, texts, TITLE, a.knowledgeBase().outlook(s.scenario()).map(Outlook::title).orElse(null));
            json.writeNumberField("score", s.score());
            textField(json, texts, LIKELIHOOD, s.likelihood());
            json.writeNumberField("rank", s.rank());
            json.writeNumberField("net", s.net());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (detail == Detail.SCORES) {
            json.writeEndObject();
            return;
        }
        if (detail == Detail.FULL) {
            evaluation(a, json, texts);
        }
        judgments(a, json, texts);
        prescriptions(a, json, texts, detail);
        if (detail == Detail.FULL) {
            json.writeArrayFieldStart("trace");
            for (TraceNode n : a.trace()) {
                node(json, n, texts);
            }
            json.writeEndArray();
        }
        json.writeNumberField("firings", a.firings());
        json.writeEndObject();
    }

    private static void evaluation(Assessment a, JsonGenerator json, Texts texts) throws IOException {
        json.writeArrayFieldStart("evaluation");
        for (Evaluation e : a.evaluation()) {
            json.writeStartObject();
            textField(json, texts, SCENARIO, e.scenario());
            textField(json, texts, ASPECT, e.aspect());
            textField(json, texts, TEXT, e.text());
            textField(json, texts, SOURCE, e.source());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void judgments(Assessment a, JsonGenerator json, Texts texts) throws IOException {
        json.writeArrayFieldStart("judgments");
        for (JudgmentResult j : a.judgments()) {
            json.writeStartObject();
            textField(json, texts, ID, j.id());
            textField(json, texts, RULE, j.rules().isEmpty() ? null : j.rules().get(0));
            json.writeArrayFieldStart("rules");
            for (String rule : j.rules()) {
                text(json, texts, rule);
            }
            json.writeEndArray();
            json.writeNumberField("confidence", j.confidence());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void prescriptions(Assessment a, JsonGenerator json, Texts texts, Detail detail) throws IOException {
        json.writeArrayFieldStart("prescriptions");
        for (PrescriptionResult p : a.prescriptions()) {
            json.writeStartObject();
            textField(json, texts, ID, p.id());
            if (detail == Detail.FULL) {
                textField(json, texts, ACTOR, p.actor());
                textField(json, texts, SOURCE, p.source());
                textField(json, texts, TEXT, p.text());
                textField(json, texts, INDICATOR, p.indicator());
                textField(json, texts, TARGET, p.target());
            }
            json.writeBooleanField("met", p.met());
            json.writeFieldName("gain");
            if (p.gain() == null) {
                json.writeNull();
            } else {
                json.writeNumber(p.gain());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void node(JsonGenerator json, TraceNode n) throws IOException {
        node(json, n, Texts.NONE);
    }

    private static void node(JsonGenerator json, TraceNode n, Texts texts) throws IOException {
        json.writeStartObject();
        textField(json, texts, KIND, n.kind());
        // A scenario's conclusion carries its score and a piece of support's its figures:
        // they seldom recur. Other conclusions name a judgment, a reading or a recommendation.
        boolean figures = "scenario".equals(n.kind()) || "support".equals(n.kind());
        textField(json, figures ? Texts.NONE : texts, CONCLUSION, n.conclusion());
        textIfPresent(json, texts, RULE, n.rule());
        textIfPresent(json, texts, TITLE, n.title());
        textIfPresent(json, texts, SOURCE, n.source());
        if (n.weight() != null) {
            json.writeFieldName(WEIGHT);
            json.writeNumber(n.weight());
        }
        if (n.confidence() != null) {
            json.writeFieldName(CONFIDENCE);
            json.writeNumber(n.confidence());
        }
        textIfPresent(json, Texts.NONE, NOTE, n.note());
        json.writeFieldName(BECAUSE);
        json.writeStartArray();
        for (TraceNode b : n.because()) {
            node(json, b, texts);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A key and a text that may recur; null is written as null. */
    private static void textField(JsonGenerator json, Texts texts, SerializableString key, String value) throws IOException {
        json.writeFieldName(key);
        text(json, texts, value);
    }

    /** A key and a text that may recur, left out when the text is null. */
    private static void textIfPresent(JsonGenerator json, Texts texts, SerializableString key, String value) throws IOException {
        if (value != null) {
            textField(json, texts, key, value);
        }
    }

    private static void text(JsonGenerator json, Texts texts, String value) throws IOException {
        SerializableString encoded = value == null ? null : texts.of(value);
        if (encoded == null) {
            json.writeString(value);
        } else {
            json.writeString(encoded);
        }
    }
}
