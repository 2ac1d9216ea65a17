package org.apsa.fact;

import java.util.List;

/**
 * One indicator of the vocabulary: what an analyst can state about the situation.
 *
 * @param id         the stable, case-sensitive id used in fact files and rules
 * @param scale      the levels it can take
 * @param meaning    one line saying what it measures
 * @param paragraphs the article's paragraphs it comes from
 */
public record IndicatorDef(String id, Scale scale, String meaning, List<String> paragraphs) {

    public IndicatorDef {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs as the docs print them: {@code ¶5, ¶9}. */
    public String source() {
        return String.join(", ", paragraphs.stream().map(p -> "¶" + p).toList());
    }
}
