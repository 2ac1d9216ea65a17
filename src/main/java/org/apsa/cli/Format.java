package org.apsa.cli;

import org.apsa.fact.Suggestions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Output formats of the commands; each command accepts a subset. */
enum Format {
    TEXT, JSON, MARKDOWN;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code --format}; a value the command does not offer is a usage error. */
    static Format parse(String value, String command, Format... offered) {
        List<String> ids = Arrays.stream(offered).map(Format::id).toList();
        String given = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Format f : offered) {
            if (f.id().equals(given) || (f == MARKDOWN && given.equals("md"))) {
                return f;
            }
        }
        if (given.endsWith(".json") || given.endsWith(".jsonl")) {
            // 'assess a.json b.json': the second file lands where a format may stand.
            throw new UsageException(command + " takes one fact file, and \"" + value + "\" is a second one; "
                    + "'batch' assesses many (batch a.json b.json --out results)");
        }
        throw new UsageException("unknown format \"" + value + "\" for " + command
                + Suggestions.didYouMean(given, ids)
                + "; use " + String.join(", ", ids));
    }
}
