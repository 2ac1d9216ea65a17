package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line as a terminal shows it: each redraw returns to the line's start and overwrites it. */
class ProgressBarTest {

    @Test
    void theLastLineLeavesNothingOfALongerEarlierOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        bar.started(1_000_000);
        bar.advanced(1);
        String first = screen(bytes.toString(StandardCharsets.UTF_8));
        assertThat(first).contains("left");
        bar.advanced(1_000_000);
        bar.finished();

        String last = screen(bytes.toString(StandardCharsets.UTF_8));
        assertThat(last).startsWith("[##############################] 100% 1000000/1000000 fact sets, ")
                .doesNotContain("left").endsWith("\n");
        assertThat(last.strip()).matches("\\[#+\\] 100% 1000000/1000000 fact sets, \\d+/s");
    }

    /** What a terminal shows of text written with carriage returns: each one starts overwriting the line. */
    private static String screen(String written) {
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (char c : written.toCharArray()) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                line.append('\n');
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        return line.toString();
    }
}
