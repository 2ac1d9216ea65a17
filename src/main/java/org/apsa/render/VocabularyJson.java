package org.apsa.render;

import org.apsa.fact.IndicatorDef;

import java.util.List;

/** The vocabulary of indicators as JSON: each id with its levels (lowest first), meaning and paragraphs. */
public final class VocabularyJson {

    private record Vocabulary(String schemaVersion, String vocabularyVersion, List<Indicator> indicators) {
    }

    private record Indicator(String id, List<String> levels, String meaning, List<String> source) {
    }

    private VocabularyJson() {
    }

    /** @param version the vocabulary's own version, the one fact files are written against */
    public static String render(String version, List<IndicatorDef> indicators) {
        return Json.pretty(new Vocabulary(SchemaVersion.CURRENT, version, indicators.stream()
                .map(def -> new Indicator(def.id(), def.scale().levels(), def.meaning(), def.paragraphs())).toList()));
    }
}
