package org.apsa.render;

import org.apsa.explore.Exploration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats an exploration is written in: the name {@code --format} takes, and the file's extension, also accepted as a name. */
public enum ExplorationFormat {
    TEXT("text", "txt"),
    JSON("json", "json"),
    MARKDOWN("markdown", "md"),
    HTML("html", "html");

    /** The names, in the order help lists them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(ExplorationFormat::id).toList();

    private final String id;
    private final String extension;

    ExplorationFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    /** The format {@code given} names, by its name or its extension, in any case. */
    public static Optional<ExplorationFormat> of(String given) {
        String name = given.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(name) || f.extension.equals(name)).findFirst();
    }

    /** The file it is written to in a results folder. */
    public String fileName() {
        return "exploration." + extension;
    }

    /** The exploration written in this format; {@code style} colours the text format only. */
    public String render(Exploration e, Style style) {
        return switch (this) {
            case TEXT -> ExplorationText.render(e, style);
            case JSON -> ExplorationJson.render(e);
            case MARKDOWN -> ExplorationMarkdown.render(e);
            case HTML -> ExplorationHtml.render(e);
        };
    }
}
