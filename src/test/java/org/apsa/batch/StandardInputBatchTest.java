package org.apsa.batch;

import org.apsa.ShippedRules;
import org.apsa.render.Detail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch -}: JSON Lines from standard input, assessed like the lines of a file and named
 * <stdin> in errors. The stream is the options' own, so the process's standard input is left alone.
 */
class StandardInputBatchTest {

    @TempDir
    Path out;

    @Test
    void linesFromStandardInputAreAssessedAndTheirErrorsNamedStdinWithTheLine() throws Exception {
        ByteArrayInputStream lines = new ByteArrayInputStream(("{\"id\": \"a\", \"indicators\": {}}\n"
                + "{\"id\": \"b\", \"indicators\": {\"us.presence.transparency\": \"hgh\"}}\n"
                + "{\"id\": \"c\", \"indicators\": {\"us.presence.transparency\": \"high\"}}\n").getBytes(StandardCharsets.UTF_8));

        Batch.Summary summary = new Batch(ShippedRules.assessor()).run(new Batch.Options(
                List.of(Inputs.STANDARD_INPUT), out, EnumSet.noneOf(Report.class), 2, Detail.FULL, null).withStandardInput(lines), Batch.Progress.NONE);

        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.invalidInputs()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve(Batch.ASSESSMENTS))).hasSize(2);
        assertThat(Files.readString(out.resolve(Batch.ERRORS))).contains("\"file\":\"<stdin>\",\"line\":2").contains("hgh");
    }

    @Test
    void standardInputNamedTwiceIsReadOnce() {
        assertThat(Inputs.discover(List.of(Inputs.STANDARD_INPUT, Inputs.STANDARD_INPUT), null))
                .containsExactly(new Inputs.Input(Inputs.STANDARD_INPUT, null));
    }
}
