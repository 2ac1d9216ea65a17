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
import org.apsa.engine.Outlook;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The machine-readable assessment (knowledge model §5). Keys come in a fixed order and
 * absent values are left out, so the same assessment always gives the same bytes.
 *
 * <p>Written token by token: a batch writes one of these per fact set, tens of kilobytes
 * with the proof trees, and building a tree of maps first cost as much as writing it.
 */
public final class AssessmentJson {

    private static final JsonFactory JSON = new JsonFactory();

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

    private AssessmentJson() {
    }

    /** Indented, for one assessment on screen or in a file. */
    public static String pretty(Assessment a) {
        return write(a, true) + "\n";
    }

    /** One line, for {@code .jsonl} output. */
    public static String line(Assessment a) {
        return write(a, false);
    }

    /** One line as UTF-8, the bytes of {@link #line} without a detour through a string. */
    public static byte[] utf8Line(Assessment a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            write(a, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String write(Assessment a, boolean indent) {
        StringWriter text = new StringWriter(32 * 1024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            if (indent) {
                json.useDefaultPrettyPrinter();
            }
            write(a, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The assessment as one JSON object, to a generator the caller owns. */
    public static void write(Assessment a, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("factSet");
        stringIfPresent(json, ID, a.factSet().id());
        stringIfPresent(json, TITLE, a.factSet().title());
        stringIfPresent(json, AS_OF, a.factSet().asOf());
        json.writeEndObject();
        json.writeStringField("status", a.status());
        json.writeStringField("leading", a.leading());
        json.writeNumberField("evidence", a.evidence());
        json.writeArrayFieldStart("scenarios");
        for (ScenarioScore s : a.scenarios()) {
            json.writeStartObject();
            json.writeStringField("id", s.scenario());
            stringIfPresent(json, TITLE, Outlook.find(s.scenario()).map(Outlook::title).orElse(null));
            json.writeNumberField("score", s.score());
            json.writeStringField("likelihood", s.likelihood());
            json.writeNumberField("rank", s.rank());
            json.writeNumberField("net", s.net());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("evaluation");
        for (Evaluation e : a.evaluation()) {
            json.writeStartObject();
            json.writeStringField("scenario", e.scenario());
            json.writeStringField("aspect", e.aspect());
            json.writeStringField("text", e.text());
            json.writeStringField("source", e.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("judgments");
        for (JudgmentResult j : a.judgments()) {
            json.writeStartObject();
            json.writeStringField("id", j.id());
            json.writeStringField("rule", j.rules().isEmpty() ? null : j.rules().get(0));
            json.writeArrayFieldStart("rules");
            for (String rule : j.rules()) {
                json.writeString(rule);
            }
            json.writeEndArray();
            json.writeNumberField("confidence", j.confidence());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("prescriptions");
        for (PrescriptionResult p : a.prescriptions()) {
            json.writeStartObject();
            json.writeStringField("id", p.id());
            json.writeStringField("actor", p.actor());
            json.writeStringField("source", p.source());
            json.writeStringField("text", p.text());
            json.writeStringField("indicator", p.indicator());
            json.writeStringField("target", p.target());
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
        json.writeArrayFieldStart("trace");
        for (TraceNode n : a.trace()) {
            node(json, n);
        }
        json.writeEndArray();
        json.writeNumberField("firings", a.firings());
        json.writeEndObject();
    }

    static void node(JsonGenerator json, TraceNode n) throws IOException {
        json.writeStartObject();
        json.writeFieldName(KIND);
        json.writeString(n.kind());
        json.writeFieldName(CONCLUSION);
        json.writeString(n.conclusion());
        stringIfPresent(json, RULE, n.rule());
        stringIfPresent(json, TITLE, n.title());
        stringIfPresent(json, SOURCE, n.source());
        if (n.weight() != null) {
            json.writeFieldName(WEIGHT);
            json.writeNumber(n.weight());
        }
        if (n.confidence() != null) {
            json.writeFieldName(CONFIDENCE);
            json.writeNumber(n.confidence());
        }
        stringIfPresent(json, NOTE, n.note());
        json.writeFieldName(BECAUSE);
        json.writeStartArray();
        for (TraceNode b : n.because()) {
            node(json, b);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void stringIfPresent(JsonGenerator json, SerializableString key, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(key);
            json.writeString(value);
        }
    }

    private static void stringIfPresent(JsonGenerator json, String key, String value) throws IOException {
        if (value != null) {
            json.writeStringField(key, value);
        }
    }
}
