package org.apsa.render;

/**
 * Free text (a fact set's title, an analyst's note, a rule's title) shown as the characters it
 * holds, whatever they are: on one line, with control characters made visible as U+FFFD, and
 * escaped for Markdown. The reader refuses control characters in fact files
 * ({@link org.apsa.fact.PlainText}); this is the renderers' own guard, for fact sets built by
 * other means and for text from elsewhere, so that nothing shown can act on a terminal or
 * break a layout.
 */
public final class Literal {

    private Literal() {
    }

    /** {@code text} on one line: a line break or tab becomes a space, any other control character U+FFFD; null stays null. */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == '\n' || c == '\r' || c == '\t';
            if (space || Character.getType(c) == Character.CONTROL) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(space ? ' ' : '\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code text} as literal Markdown on one line: every character that could start
     * emphasis, code, a link, a table cell, an entity or HTML is escaped; null gives "".
     */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        String shown = oneLine(text);
        StringBuilder out = new StringBuilder(shown.length() + 8);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '\\', '`', '*', '_', '[', ']', '|', '&', '~', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
