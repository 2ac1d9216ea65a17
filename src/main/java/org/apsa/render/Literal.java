package org.apsa.render;

import java.util.regex.Pattern;

/**
 * Free text (a fact set's title, an analyst's note, a rule's title) shown as the characters it
 * holds, whatever they are: on one line, with control characters made visible as U+FFFD, and
 * escaped for Markdown. The reader refuses control characters in fact files
 * ({@link org.apsa.fact.PlainText}); this is the renderers' own guard, for fact sets built by
 * other means and for text from elsewhere, so that nothing shown can act on a terminal or
 * break a layout.
 */
public final class Literal {

    private static final Pattern BREAK = Pattern.compile("[\n\r\t]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]|&~!]");

    private Literal() {
    }

    /** {@code text} on one line: a line break or tab becomes a space, any other control character U+FFFD; null stays null. */
    public static String oneLine(String text) {
        return text == null ? null : CONTROL.matcher(BREAK.matcher(text).replaceAll(" ")).replaceAll("\uFFFD");
    }

    /**
     * {@code text} as literal Markdown on one line: every character that could start
     * emphasis, code, a link, a table cell, an entity or HTML is escaped; null gives "".
     */
    public static String markdown(String text) {
        return text == null ? "" : MARKUP.matcher(oneLine(text)).replaceAll("\\\\$0").replace("<", "&lt;");
    }
}
