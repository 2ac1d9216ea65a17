package org.apsa.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines wider than the terminal wrap under their last column, and no line is left wider than it. */
class TerminalWidthTest {

    private static final String NOTE_ROW = "  us.presence.transparency             low            0.70       "
            + "¶9: a certain degree of transparency, anti-missile systems included, is still 'necessary'";

    @Test
    void aNoteWrapsUnderItsColumn() {
        String fitted = TerminalWidth.fit(NOTE_ROW, 80);

        assertThat(fitted.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        int column = NOTE_ROW.indexOf("¶9");
        assertThat(fitted.lines().skip(1)).isNotEmpty().allSatisfy(l -> {
            assertThat(l).startsWith(" ".repeat(column));
            assertThat(l.charAt(column)).isNotEqualTo(' ');
        });
        assertThat(fitted.replaceAll("\\s+", " ")).isEqualTo(NOTE_ROW.replaceAll("\\s+", " "));
    }

    @Test
    void linesThatFitAndColourCodesAreLeftAsTheyAre() {
        String coloured = "\u001b[1m  1  polarization\u001b[0m   0.51  roughly even chance  leading";

        assertThat(TerminalWidth.fit(coloured + "\n" + "short", 80)).isEqualTo(coloured + "\n" + "short");
    }

    @Test
    void aLineWithoutColumnsWrapsUnderAShortIndentAndALongWordIsCut() {
        String words = "word ".repeat(30).strip();
        String fitted = TerminalWidth.fit(words, 60);
        assertThat(fitted.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));

        String path = "x".repeat(150);
        assertThat(TerminalWidth.fit("  " + path, 60).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }
}
