package org.apsa.cli;

import org.jline.utils.AttributedString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fits a command's text to the shell's terminal: a line wider than the terminal is broken
 * at spaces, and what runs over goes on the next lines under its column (a note under the
 * notes, a title under the titles), so tables stay readable at 80 columns. The column is
 * where the line's last field begins: after the last gap of two or more spaces that leaves
 * room for some of the text. Text to a pipe or a file is not touched, so scripts and golden
 * files see the lines as written.
 */
final class TerminalWidth {

    /** Room a column needs to be worth wrapping under; with less, the text wraps under a short indent. */
    private static final int ROOM = 15;
    private static final int INDENT = 4;
    private static final Pattern GAP = Pattern.compile(" {2,}(?=\\S)");

    private TerminalWidth() {
    }

    /** {@code text} (which may hold ANSI colours) with every line fitted to {@code width} columns. */
    static String fit(String text, int width) {
        if (width < 2 * ROOM) {
            return text;
        }
        return Arrays.stream(text.split("\n", -1)).map(line -> line(line, width)).collect(Collectors.joining("\n"));
    }

    private static String line(String line, int width) {
        AttributedString styled = AttributedString.fromAnsi(line);
        if (styled.columnLength() <= width) {
            return line;
        }
        String plain = styled.toString();
        int column = column(plain, width);
        int indent = column;
        if (column < 0) {
            // No field starts early enough: the line breaks at a space, what follows goes under a short indent.
            int cut = plain.lastIndexOf(' ', width);
            column = cut > INDENT ? cut + 1 : width;
            indent = INDENT;
        }
        String head = styled.columnSubSequence(0, column).toAnsi();
        String rest = plain.substring(column).strip();
        if (rest.isEmpty()) {
            return head;
        }
        List<String> lines = wrap(rest, width - indent);
        StringBuilder out = new StringBuilder(head);
        int from = 0;
        if (indent == column && head.length() > 0) {
            out.append(lines.get(0));
            from = 1;
        }
        for (String more : lines.subList(from, lines.size())) {
            out.append('\n').append(" ".repeat(indent)).append(more);
        }
        return out.toString();
    }

    /** Where the wrapped part begins: after the last gap that leaves room for some of the text; -1 when none does. */
    static int column(String plain, int width) {
        int best = -1;
        Matcher gap = GAP.matcher(plain);
        while (gap.find()) {
            if (gap.end() <= width - ROOM) {
                best = gap.end();
            }
        }
        return best;
    }

    /** Words to lines of at most {@code width} columns; a word longer than that is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
