package org.apsa.fact;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What the free text of a fact set (its title and description, an indicator's note) may hold:
 * plain text, never a control character nor a lone surrogate. Such text reaches terminals and
 * reports, where an escape sequence would act (clear the screen, retitle the window, recolour
 * what follows) and a line break would split a one-line layout or a Markdown list item; a lone
 * surrogate would come out as "?" in one output and as an escape other JSON readers refuse in
 * another. Fact files are meant to be safe to take from anyone. A title and a note are one
 * line; a description may hold line breaks and tabs.
 *
 * <p>The fact-set schema states the rule as patterns, for editors and the reader's validator;
 * this class finds the character and words the problem. The reader refuses such text with its
 * position, the shell's {@code set --note} with the same message, so that what an analyst saves
 * can always be read again. Counts and capitals are also worded here, one way for every output.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A count and its noun, plural unless the count is one: "1 file", "2 files", "0 errors". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The text with its first letter in capitals, as a sentence or a heading opens. */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The index of the first character {@code text} may not hold, or -1: a control character
     * (U+0000 to U+001F, U+007F to U+009F), except a line feed or a tab when {@code lines},
     * or a lone surrogate (half of a pair, which no output can write: UTF-8 has no bytes for it,
     * and a JSON reader such as jq refuses its escape).
     */
    public static int firstForbidden(String text, boolean lines) {
        return IntStream.range(0, text.length()).filter(i -> forbidden(text, i, lines)).findFirst().orElse(-1);
    }

    /**
     * What is wrong with the character at {@code index} of {@code text} and how to fix it;
     * {@code what} names the text as the user knows it ({@code "title"}, {@code --note}).
     */
    public static String problem(String what, String text, int index, boolean lines) {
        char c = text.charAt(index);
        boolean surrogate = Character.isSurrogate(c);
        long more = IntStream.range(index + 1, text.length())
                .filter(i -> forbidden(text, i, lines) && Character.isSurrogate(text.charAt(i)) == surrogate)
                .count();
        String character = String.format(Locale.ROOT, "%s (U+%04X)", name(c), (int) c);
        if (surrogate) {
            return what + " holds " + character + ", half of a character that cannot be written out; remove it"
                    + " or write the whole character" + (more == 0 ? "" : " (" + more + " more after it)");
        }
        String fix;
        if (c == '\n' || c == '\t') {
            fix = "; it is one line of text: " + (c == '\n' ? "join the lines" : "use spaces")
                    + (what.equals("\"title\"") ? " (longer text goes in \"description\")" : "");
        } else if (c == '\r' && lines) {
            fix = "; write a line break as \\n alone";
        } else {
            fix = ", which a terminal would act on; remove it";
        }
        return what + " holds " + character + fix
                + (more == 0 ? "" : " (" + count(more, "more control character") + " after it)");
    }

    private static boolean forbidden(String text, int i, boolean lines) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return Character.getType(c) == Character.CONTROL && !(lines && (c == '\n' || c == '\t'));
    }

    private static String name(char c) {
        return switch (c) {
            case '\n' -> "a line break";
            case '\t' -> "a tab";
            case '\r' -> "a carriage return";
            case '\u001b' -> "the control character escape";
            case '\u0007' -> "the control character bell";
            case '\b' -> "the control character backspace";
            case '\u0000' -> "the control character null";
            case '\u007f' -> "the control character delete";
            default -> Character.isSurrogate(c) ? "a lone surrogate" : "a control character";
        };
    }
}
