package org.apsa.render;

/** Emphasis for terminal output: ANSI codes on a colour terminal, nothing otherwise. */
public enum Style {
    PLAIN(false),
    COLOUR(true);

    private final boolean ansi;

    Style(boolean ansi) {
        this.ansi = ansi;
    }

    public static Style of(boolean colour) {
        return colour ? COLOUR : PLAIN;
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    String accent(String text) {
        return wrap("32", text);
    }

    public String warn(String text) {
        return wrap("33", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return ansi ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
