package org.apsa.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.apsa.engine.TraceNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON outputs written by Jackson from records: keys come in the order a record declares
 * its components, and null values are written, so the same value always gives the same bytes.
 * Assessments are written token by token ({@link AssessmentJson}), and a proof-tree node in
 * any output by it, so that a node reads the same everywhere.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(TraceNode.class, new StdSerializer<>(TraceNode.class) {
                @Override
                public void serialize(TraceNode node, JsonGenerator json, SerializerProvider provider) throws IOException {
                    AssessmentJson.node(json, node);
                }
            }));
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectWriter LINE = MAPPER.writer();

    private Json() {
    }

    /** Generators that write records as this class does, for the outputs written token by token. */
    static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** Indented, with a line break after it: a file or a screen of JSON. */
    public static String pretty(Object value) {
        return write(PRETTY, value);
    }

    /** On one line, with a line break after it: a line of JSON Lines. */
    public static String line(Object value) {
        return write(LINE, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
