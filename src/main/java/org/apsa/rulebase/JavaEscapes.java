package org.apsa.rulebase;

import java.util.ArrayList;
import java.util.List;

/**
 * Java's unicode escapes ({@code \u0053} for {@code S}), which the Java compiler reads before
 * anything else, in code, strings and comments alike: rule code checked as written would
 * miss what an escape spells ({@code \u0053ystem.exit(0)} runs {@code System.exit(0)}).
 */
final class JavaEscapes {

    private JavaEscapes() {
    }

    /**
     * A text with its escapes decoded, and where each character of it was in the text as written.
     *
     * @param origin            the offset in the written text of each offset of {@code text}, and of
     *                          its end; null when nothing was decoded
     * @param writtenLineStarts the offset of each line of the written text
     */
    record Decoded(String text, int[] origin, int[] writtenLineStarts) {

        boolean changed() {
            return origin != null;
        }

        /** 1-based line, in the text as written, of an offset of {@link #text}. */
        int line(int offset) {
            return lineOf(writtenLineStarts, written(offset));
        }

        /** 1-based column, in the text as written, of an offset of {@link #text}. */
        int column(int offset) {
            int at = written(offset);
            return at - writtenLineStarts[lineOf(writtenLineStarts, at) - 1] + 1;
        }

        private int written(int offset) {
            return origin == null ? offset : origin[Math.min(offset, origin.length - 1)];
        }
    }

    /** Decodes as the Java compiler does (JLS 3.3): a backslash not itself escaped, one or more u, four hex digits. */
    static Decoded decode(String text) {
        if (text.indexOf("\\u") < 0) {
            return new Decoded(text, null, lineStarts(text));
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && evenBackslashesBefore(text, i)) {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= text.length() && isHex(text, j, j + 4)) {
                    origin[n++] = i;
                    out.append((char) Integer.parseInt(text, j, j + 4, 16));
                    i = j + 4;
                    continue;
                }
            }
            origin[n++] = i;
            out.append(c);
            i++;
        }
        origin[n] = text.length();
        return new Decoded(out.toString(), origin, lineStarts(text));
    }

    /** The offset of each line's first character. */
    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of an offset, given the offsets of the lines' starts. */
    static int lineOf(int[] lineStarts, int offset) {
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

    private static boolean evenBackslashesBefore(String text, int at) {
        int count = 0;
        for (int k = at - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            count++;
        }
        return count % 2 == 0;
    }

    private static boolean isHex(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
