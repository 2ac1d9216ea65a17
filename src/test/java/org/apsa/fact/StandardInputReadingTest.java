package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A fact set read from standard input is read as from a file, and messages name it <stdin> with line and column. */
class StandardInputReadingTest {

    private final FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());

    @Test
    void oneFactSetIsReadFromAStream() {
        FactSet facts = reader.readOne(FactSetReader.STANDARD_INPUT,
                stream("{\"id\": \"piped\", \"indicators\": {\"us.presence.transparency\": \"high\"}}"));

        assertThat(facts.id()).isEqualTo("piped");
        assertThat(facts.indicators()).hasSize(1);
    }

    @Test
    void aMistakeIsPlacedAtItsLineAndColumnOfStandardInput() {
        InvalidFactSetException e = catchThrowableOfType(InvalidFactSetException.class, () -> reader.readOne(
                FactSetReader.STANDARD_INPUT, stream("{\"id\": \"piped\",\n \"indicators\": {\"us.presence.transparency\": \"hgh\"}}")));

        assertThat(e.getMessage()).startsWith("<stdin>:2:").contains("\"hgh\"", "did you mean \"high\"?");
    }

    @Test
    void nothingOnStandardInputIsSaidToHoldNoFactSet() {
        InvalidFactSetException e = catchThrowableOfType(InvalidFactSetException.class,
                () -> reader.readOne(FactSetReader.STANDARD_INPUT, stream("")));

        assertThat(e.getMessage()).startsWith("<stdin>");
    }

    @Test
    void jsonLinesFromAStreamAreNumberedByLine() {
        List<FactSetReader.Entry> entries = new ArrayList<>();
        reader.read(FactSetReader.STANDARD_INPUT, stream("{\"id\": \"a\", \"indicators\": {}}\n"
                + "{\"id\": \"b\", \"indicators\": {\"us.presence.transparency\": 3}}\n"), true, entries::add);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).valid()).isTrue();
        assertThat(entries.get(1).valid()).isFalse();
        assertThat(entries.get(1).problems().get(0).format()).startsWith("<stdin>:2:");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
