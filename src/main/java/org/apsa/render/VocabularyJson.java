package org.apsa.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apsa.fact.IndicatorDef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The vocabulary of indicators as JSON: each id with its levels (lowest first), meaning and paragraphs. */
public final class VocabularyJson {

    private static final JsonFactory JSON = new JsonFactory();

    private VocabularyJson() {
    }

    /** @param version the vocabulary's own version, the one fact files are written against */
    public static String render(String version, List<IndicatorDef> indicators) {
        StringWriter text = new StringWriter(8 * 1024);
        try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField(SchemaVersion.KEY, SchemaVersion.CURRENT);
            json.writeStringField("vocabularyVersion", version);
            json.writeArrayFieldStart("indicators");
            for (IndicatorDef def : indicators) {
                json.writeStartObject();
                json.writeStringField("id", def.id());
                json.writeArrayFieldStart("levels");
                for (String level : def.scale().levels()) {
                    json.writeString(level);
                }
                json.writeEndArray();
                json.writeStringField("meaning", def.meaning());
                json.writeArrayFieldStart("source");
                for (String paragraph : def.paragraphs()) {
                    json.writeString(paragraph);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }
}
