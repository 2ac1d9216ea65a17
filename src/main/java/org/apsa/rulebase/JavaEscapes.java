package org.apsa.rulebase;

/**
 * Java's unicode escapes ({@code \u0053} for {@code S}), which the Java compiler reads before
 * anything else, in code, strings and comments alike: rule code checked as written would
 * miss what an escape spells ({@code \u0053ystem.exit(0)} runs {@code System.exit(0)}).
 */
public final class JavaEscapes {

    private JavaEscapes() {
    }

    /**
     * A text with its escapes decoded, and where each character of it was in the text.
     *
     * @param origin the offset in the original text of each offset of {@code text}, and of its end
     */
    public record Decoded(String text, int[] origin, boolean changed) {
    }

    /** Decodes as the Java compiler does (JLS 3.3): a backslash not itself escaped, one or more u, four hex digits. */
    public static Decoded decode(String text) {
        if (text.indexOf("\\u") < 0) {
            return new Decoded(text, null, false);
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
        return new Decoded(out.toString(), origin, true);
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
