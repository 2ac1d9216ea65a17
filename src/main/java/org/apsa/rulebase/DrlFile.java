package org.apsa.rulebase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRL file as text, where Drools' parser cannot serve: placing the compiler's errors in a
 * file that may not parse (its rule blocks, a parenthesis left open, the file without the
 * rules that do not parse; {@link DroolsErrors}) and looking for what reaches outside the rule
 * base in a view of the code with comments and string contents blanked, so that a search for
 * {@code System.} never matches a title or a comment, in rules, functions and imports alike
 * ({@link #find}). What the rules read and conclude is {@link DrlModel}'s.
 */
public final class DrlFile {

    /**
     * A match of {@link #find} in the code.
     *
     * @param text          what matched, blanks left out
     * @param rule          the name of the rule it is in; null outside every rule
     * @param inConsequence whether it is in the rule's {@code then} part
     * @param line          1-based, in the text as written
     * @param column        1-based, in the text as written
     */
    public record Found(String text, String rule, boolean inConsequence, int line, int column) {
    }

    /**
     * One rule block, {@code rule ... end}, as character offsets into the file.
     *
     * @param thenAt start of the {@code then} keyword, -1 when missing
     * @param end    offset just past the block (after {@code end}, or where the next rule starts)
     */
    record Block(String name, int start, int thenAt, int end) {

        int rhsFrom() {
            return thenAt < 0 ? end : thenAt + 4;
        }
    }

    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\b");
    private static final Pattern WHEN = Pattern.compile("(?m)^[ \\t]*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");

    private final String text;
    private final String masked;
    private final List<Block> blocks = new ArrayList<>();
    /** Where each offset of the text was written. */
    private final JavaEscapes.Decoded written;

    private DrlFile(JavaEscapes.Decoded written) {
        this.written = written;
        this.text = written.text();
        this.masked = masked(text.toCharArray());
        findBlocks();
    }

    /** A file as Drools' parser reads it: as written, offsets and positions alike. */
    static DrlFile asWritten(String text) {
        return new DrlFile(new JavaEscapes.Decoded(text, JavaEscapes.lineStarts(text), null));
    }

    /**
     * A file as Java compiles the code in it: Java's unicode escapes decoded first, in code,
     * strings and comments alike ({@code "transpar\u0065ncy"} is {@code "transparency"} when the
     * rules run). {@link #find} places what it finds in the text as written.
     */
    public static DrlFile asCompiled(String written) {
        return new DrlFile(JavaEscapes.decode(written));
    }

    /** Each match of a pattern in the code, comments and the insides of strings left out. */
    public List<Found> find(Pattern pattern) {
        List<Found> found = new ArrayList<>();
        Matcher m = pattern.matcher(masked);
        while (m.find()) {
            Block block = blockAt(m.start());
            found.add(new Found(m.group().replaceAll("\\s+", ""), block == null ? null : block.name(),
                    block != null && block.thenAt() >= 0 && m.start() >= block.thenAt(),
                    written.line(m.start()), written.column(m.start())));
        }
        return found;
    }

    /** The number of rule blocks, whether or not they parse. */
    public int ruleCount() {
        return blocks.size();
    }

    /** The text with comments and the insides of string literals replaced by spaces. */
    String code() {
        return masked;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        return JavaEscapes.lineOf(written.lineStarts(), offset);
    }

    /** 1-based column of an offset. */
    int column(int offset) {
        return offset - offsetOfLine(line(offset)) + 1;
    }

    /** The offset of a 1-based line's first character. */
    int offsetOfLine(int line) {
        int[] starts = written.lineStarts();
        return starts[Math.max(0, Math.min(line, starts.length) - 1)];
    }

    /** The block whose text covers a 1-based line, or null. */
    Block blockAtLine(int line) {
        return blockAt(offsetOfLine(line));
    }

    /** The block that starts on a 1-based line, else the one whose text covers it; null when none does. */
    Block blockOn(int line) {
        return blocks.stream().filter(b -> line(b.start()) == line).findFirst().orElseGet(() -> blockAtLine(line));
    }

    private Block blockAt(int offset) {
        return blocks.stream().filter(b -> offset >= b.start() && offset < b.end()).findFirst().orElse(null);
    }

    /**
     * The file with the given blocks blanked out, every other character kept, so that the
     * remaining rules keep their lines and columns.
     */
    String without(List<Block> removed) {
        char[] out = text.toCharArray();
        for (Block b : removed) {
            for (int i = b.start(); i < b.end(); i++) {
                if (out[i] != '\n' && out[i] != '\r') {
                    out[i] = ' ';
                }
            }
        }
        return new String(out);
    }

    private static String masked(char[] code) {
        int i = 0;
        int n = code.length;
        while (i < n) {
            char c = code[i];
            if (c == '/' && i + 1 < n && code[i + 1] == '/') {
                while (i < n && code[i] != '\n') {
                    code[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && code[i + 1] == '*') {
                while (i < n && !(code[i] == '*' && i + 1 < n && code[i + 1] == '/')) {
                    if (code[i] != '\n') {
                        code[i] = ' ';
                    }
                    i++;
                }
                if (i < n) {
                    code[i++] = ' ';
                    code[i++] = ' ';
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && code[i] != c && code[i] != '\n') {
                    if (code[i] == '\\' && i + 1 < n) {
                        code[i++] = ' ';
                    }
                    code[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(code);
    }

    private void findBlocks() {
        List<Integer> starts = new ArrayList<>();
        Matcher rule = RULE.matcher(masked);
        while (rule.find()) {
            starts.add(rule.end() - 4);
        }
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int limit = k + 1 < starts.size() ? offsetOfLine(line(starts.get(k + 1))) : masked.length();
            int end = limit;
            Matcher e = END.matcher(masked).region(start, limit);
            if (e.find()) {
                end = e.end();
            }
            int thenAt = find(THEN, masked, Math.max(start, find(WHEN, masked, start, end)), end);
            blocks.add(new Block(name(start + 4), start, thenAt, end));
        }
    }

    private static int find(Pattern pattern, String masked, int from, int to) {
        Matcher m = pattern.matcher(masked).region(from, to);
        return m.find() ? m.end() - 4 : -1;
    }

    private String name(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        char quote = i < text.length() ? text.charAt(i) : ' ';
        if (quote == '"' || quote == '\'') {
            int close = text.indexOf(quote, i + 1);
            return text.substring(i + 1, close < 0 ? text.length() : close);
        }
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j);
    }
}
