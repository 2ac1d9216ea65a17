package org.apsa.authoring;

import org.apsa.rulebase.JavaEscapes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRL file read as text, for the linter and the catalogue: its rules with their
 * positions and metadata, and a view of the code with comments and string contents blanked,
 * so that a search for {@code System.} never matches a title or a comment. It does not
 * compile anything and copes with files that do not parse.
 */
final class DrlFile {

    /** A string literal: its value and where its opening quote is. */
    record Literal(String value, int offset) {
    }

    /** One {@code @name("value")} of a rule; {@code value} is null when the annotation has no string. */
    record Meta(String name, String value, int offset) {
    }

    /**
     * One rule block, {@code rule ... end}, as character offsets into the file.
     *
     * @param whenAt start of the {@code when} keyword, -1 when missing
     * @param thenAt start of the {@code then} keyword, -1 when missing
     * @param end    offset just past the block (after {@code end}, or where the next rule starts)
     */
    record Block(String name, int start, int whenAt, int thenAt, int end, Map<String, Meta> meta) {

        int lhsFrom() {
            return whenAt < 0 ? start : whenAt + 4;
        }

        int lhsTo() {
            return thenAt < 0 ? end : thenAt;
        }

        int rhsFrom() {
            return thenAt < 0 ? end : thenAt + 4;
        }
    }

    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\b");
    private static final Pattern WHEN = Pattern.compile("(?m)^[ \\t]*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");
    private static final Pattern META = Pattern.compile("@(\\w+)\\s*(\\()?");
    private static final Pattern LONE_LITERAL = Pattern.compile("\\s*([\"'])[ ]*\\1\\s*");

    private final String path;
    private final String text;
    private final char[] code;
    /** {@link #code} as a string, made once: a rule base of 46,000 rules asks for it once per rule. */
    private final String masked;
    private final List<Literal> literals = new ArrayList<>();
    private final int[] lineStarts;
    private final List<Block> blocks = new ArrayList<>();
    /** Where each offset of the text was as written, when Java's unicode escapes were decoded; null otherwise. */
    private final int[] origin;
    private final int[] writtenLineStarts;

    DrlFile(String path, String text) {
        this(path, text, null, null);
    }

    private DrlFile(String path, String text, int[] origin, int[] writtenLineStarts) {
        this.path = path;
        this.text = text;
        this.code = text.toCharArray();
        mask();
        this.masked = new String(code);
        this.lineStarts = lineStarts(text);
        this.origin = origin;
        this.writtenLineStarts = writtenLineStarts == null ? lineStarts : writtenLineStarts;
        findBlocks();
    }

    /**
     * A file as Java compiles the code in it: Java's unicode escapes decoded first, in code,
     * strings and comments alike ({@code "transpar\u0065ncy"} is {@code "transparency"} when the
     * rules run). Offsets are of the decoded text; {@link #writtenLine} and {@link #writtenColumn}
     * place them in the text as written.
     */
    static DrlFile asCompiled(String path, String written) {
        JavaEscapes.Decoded decoded = JavaEscapes.decode(written);
        return decoded.changed() ? new DrlFile(path, decoded.text(), decoded.origin(), lineStarts(written)) : new DrlFile(path, written);
    }

    /** 1-based line, in the text as written, of an offset of the text. */
    int writtenLine(int offset) {
        return lineOf(writtenLineStarts, origin == null ? offset : origin[offset]);
    }

    /** 1-based column, in the text as written, of an offset of the text. */
    int writtenColumn(int offset) {
        int at = origin == null ? offset : origin[offset];
        return at - writtenLineStarts[lineOf(writtenLineStarts, at) - 1] + 1;
    }

    String path() {
        return path;
    }

    String text() {
        return text;
    }

    /** The text with comments and the insides of string literals replaced by spaces. */
    String code() {
        return masked;
    }

    String code(int from, int to) {
        return new String(code, from, to - from);
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The literals whose opening quote lies in [from, to). */
    List<Literal> literals(int from, int to) {
        List<Literal> in = new ArrayList<>();
        for (int i = firstLiteralFrom(from); i < literals.size() && literals.get(i).offset() < to; i++) {
            in.add(literals.get(i));
        }
        return in;
    }

    /** The index of the first literal whose quote is at or after {@code from} (literals are in the order of the text). */
    private int firstLiteralFrom(int from) {
        int lo = 0;
        int hi = literals.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (literals.get(mid).offset() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first literal starting at or after {@code from}, before {@code to}. */
    Literal literalAt(int from, int to) {
        int i = firstLiteralFrom(from);
        return i < literals.size() && literals.get(i).offset() < to ? literals.get(i) : null;
    }

    /**
     * The arguments of a call whose parenthesis opens at {@code open}, as [start, end) offsets
     * split at the commas outside any inner parenthesis; empty for {@code ()}.
     */
    List<int[]> arguments(int open, int limit) {
        int close = closing(open, limit);
        int end = close > open + 1 && code[close - 1] == ')' ? close - 1 : close;
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < end; i++) {
            if (code[i] == '(') {
                depth++;
            } else if (code[i] == ')') {
                depth--;
            } else if (code[i] == ',' && depth == 0) {
                args.add(new int[]{start, i});
                start = i + 1;
            }
        }
        if (args.isEmpty() && new String(code, start, end - start).isBlank()) {
            return args;
        }
        args.add(new int[]{start, end});
        return args;
    }

    /** The string literal an argument is made of alone, or null when it is anything else ({@code "a" + x}, {@code $id}). */
    Literal lone(int[] argument) {
        // The code keeps a literal's quotes and blanks what is between them.
        List<Literal> in = literals(argument[0], argument[1]);
        return in.size() == 1 && LONE_LITERAL.matcher(new String(code, argument[0], argument[1] - argument[0])).matches()
                ? in.get(0) : null;
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        return lineOf(lineStarts, offset);
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset of a 1-based line's first character. */
    int offsetOfLine(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** The block whose text covers a 1-based line, or null. */
    Block blockAtLine(int line) {
        int offset = offsetOfLine(line);
        for (Block b : blocks) {
            if (offset >= b.start() && offset < b.end()) {
                return b;
            }
        }
        return null;
    }

    /** The block that starts on a 1-based line, or null. */
    Block blockStartingAt(int line) {
        for (Block b : blocks) {
            if (line(b.start()) == line) {
                return b;
            }
        }
        return null;
    }

    /** The offset just past the parenthesis that closes the one at {@code open}, or the limit. */
    int closing(int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (code[i] == '(') {
                depth++;
            } else if (code[i] == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return limit;
    }

    /**
     * The file with the given blocks blanked out, every other character kept, so that the
     * remaining rules keep their lines and columns.
     */
    String without(Set<Block> removed) {
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

    private void mask() {
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
                int start = i++;
                StringBuilder value = new StringBuilder();
                while (i < n && code[i] != c && code[i] != '\n') {
                    if (code[i] == '\\' && i + 1 < n) {
                        value.append(code[i + 1]);
                        code[i++] = ' ';
                    } else {
                        value.append(code[i]);
                    }
                    code[i++] = ' ';
                }
                literals.add(new Literal(value.toString(), start));
                i++;
            } else {
                i++;
            }
        }
    }

    private void findBlocks() {
        List<Integer> starts = new ArrayList<>();
        Matcher rule = RULE.matcher(masked);
        while (rule.find()) {
            starts.add(rule.end() - 4);
        }
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int limit = k + 1 < starts.size() ? lineStartBefore(starts.get(k + 1)) : masked.length();
            int end = limit;
            Matcher e = END.matcher(masked).region(start, limit);
            if (e.find()) {
                end = e.end();
            }
            int whenAt = find(WHEN, masked, start, end);
            int thenAt = find(THEN, masked, Math.max(start, whenAt), end);
            blocks.add(new Block(name(start + 4), start, whenAt, thenAt, end,
                    meta(start, whenAt >= 0 ? whenAt : thenAt >= 0 ? thenAt : end)));
        }
    }

    private int lineStartBefore(int offset) {
        return offsetOfLine(line(offset));
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
        Literal quoted = literalAt(i, i + 1);
        if (quoted != null) {
            return quoted.value();
        }
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j);
    }

    private Map<String, Meta> meta(int from, int to) {
        Map<String, Meta> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(masked).region(from, to);
        while (m.find()) {
            String value = null;
            if (m.group(2) != null) {
                int close = closing(m.end() - 1, to);
                Literal l = literalAt(m.end(), close);
                value = l == null ? code(m.end(), close - 1).strip() : l.value();
            }
            meta.putIfAbsent(m.group(1), new Meta(m.group(1), value, m.start()));
        }
        return meta;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
