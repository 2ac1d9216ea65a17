package org.apsa.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apsa.provenance.Provenance;
import org.apsa.provenance.ToolVersion;
import org.apsa.render.SchemaVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code run.json}, the companion of a batch's other files: which tool, version and rules made
 * them and when, at which detail, and how many fact sets they hold. The lines of
 * {@code assessments.jsonl} say none of it, so that the same inputs give the same lines on
 * every run.
 */
public final class RunJson {

    /** How the file begins: how a batch tells its own run.json from a file of the same name. */
    public static final String BEGINNING = "{\n  \"" + SchemaVersion.KEY + "\" : \"";

    private static final JsonFactory JSON = new JsonFactory();

    private RunJson() {
    }

    /**
     * @param detail  the {@code --detail} of the lines
     * @param written the files of the run, this one included, in the order written
     */
    public static String render(Provenance provenance, String detail, List<String> written, ReportData data) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField(SchemaVersion.KEY, SchemaVersion.CURRENT);
            json.writeStringField("tool", ToolVersion.NAME);
            json.writeStringField("version", provenance.version());
            json.writeStringField("rules", provenance.rules());
            json.writeStringField("rulesFingerprint", provenance.fingerprint());
            json.writeStringField("created", provenance.created().toString());
            json.writeStringField("detail", detail);
            json.writeNumberField("inputFiles", data.files());
            json.writeNumberField("assessed", data.assessed());
            json.writeNumberField("invalidInputs", data.invalidInputs());
            json.writeArrayFieldStart("files");
            for (String file : written) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }
}
