package org.apsa.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.apsa.provenance.Provenance;
import org.apsa.render.Json;
import org.apsa.render.SchemaVersion;

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

    private record Run(String schemaVersion, @JsonUnwrapped Provenance provenance, String detail, long inputFiles, long assessed,
                       long invalidInputs, List<String> files) {
    }

    private RunJson() {
    }

    /**
     * @param detail  the {@code --detail} of the lines
     * @param written the files of the run, this one included, in the order written
     */
    public static String render(Provenance provenance, String detail, List<String> written, ReportData data) {
        return Json.pretty(new Run(SchemaVersion.CURRENT, provenance, detail, data.files(), data.assessed(), data.invalidInputs(), written));
    }
}
