package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text holds no control character; a description alone may hold line feeds and tabs. */
class PlainTextTest {

    @Test
    void everyControlCharacterIsRefusedAndNothingElse() {
        for (char c = 0; c < 0x2000; c++) {
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            assertThat(PlainText.firstForbidden("a" + c, false)).as("U+%04X on one line", (int) c).isEqualTo(control ? 1 : -1);
            boolean lineOrTab = c == '\n' || c == '\t';
            assertThat(PlainText.firstForbidden("a" + c, true)).as("U+%04X in lines", (int) c).isEqualTo(control && !lineOrTab ? 1 : -1);
        }
    }

    /** Editors check fact files against the schema's patterns: they must say what the reader says. */
    @Test
    void theSchemaPatternsAcceptWhatTheReaderAccepts() {
        Pattern oneLine = Pattern.compile(FactSetSchema.pattern("/properties/title"));
        Pattern lines = Pattern.compile(FactSetSchema.pattern("/properties/description"));
        for (char c = 0; c < 0x2000; c++) {
            String text = "a" + c + "b";
            assertThat(oneLine.matcher(text).matches()).as("U+%04X", (int) c).isEqualTo(PlainText.firstForbidden(text, false) < 0);
            assertThat(lines.matcher(text).matches()).as("U+%04X", (int) c).isEqualTo(PlainText.firstForbidden(text, true) < 0);
        }
    }

    @Test
    void aLoneSurrogateIsRefusedAndAPairIsNot() {
        for (String lone : List.of("a\ud800b", "a\udc00", "\ud83d", "b\ude00\ud83d")) {
            assertThat(PlainText.firstForbidden(lone, false)).as(lone).isEqualTo(lone.startsWith("\ud83d") ? 0 : 1);
            assertThat(Pattern.compile(FactSetSchema.pattern("/properties/title")).matcher(lone).matches()).as(lone).isFalse();
            assertThat(Pattern.compile(FactSetSchema.pattern("/properties/description")).matcher(lone).matches()).as(lone).isFalse();
        }
        String pair = "a\ud83d\ude00b";
        assertThat(PlainText.firstForbidden(pair, false)).isEqualTo(-1);
        assertThat(Pattern.compile(FactSetSchema.pattern("/properties/title")).matcher(pair).matches()).isTrue();
        assertThat(PlainText.problem("--note", "x\ud800 y\udc00", 1, false)).isEqualTo("--note holds a lone surrogate"
                + " (U+D800), half of a character that cannot be written out; remove it or write the whole character"
                + " (1 more after it)");
    }

    @Test
    void theProblemNamesTheCharacterTheFixAndHowManyMoreFollow() {
        String text = "a\u001b[2J and \u0007";
        assertThat(PlainText.problem("--note", text, PlainText.firstForbidden(text, false), false))
                .isEqualTo("--note holds the control character escape (U+001B), which a terminal would act on; remove it"
                        + " (1 more control character after it)");
        assertThat(PlainText.problem("\"description\"", "a\r\nb", 1, true))
                .isEqualTo("\"description\" holds a carriage return (U+000D); write a line break as \\n alone");
        assertThat(PlainText.problem("--note", "a\nb", 1, false))
                .isEqualTo("--note holds a line break (U+000A); it is one line of text: join the lines");
    }
}
