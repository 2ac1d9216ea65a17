package org.apsa.cli;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Vocabulary;
import org.apsa.render.VocabularyJson;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.Locale;

/** {@code vocabulary}: the indicators a fact set can state. */
@Command(group = "Facts")
class VocabularyCommands {

    private final Output out;

    VocabularyCommands(Output out) {
        this.out = out;
    }

    @Command(command = "vocabulary", description = "List the indicators a fact set can state, with their levels and paragraphs. "
            + "Example: vocabulary --format json")
    void vocabulary(@Option(longNames = "format", defaultValue = "text", description = "text or json") String format) {
        Format chosen = Format.parse(format, "vocabulary", Format.TEXT, Format.JSON);
        if (chosen == Format.JSON) {
            out.print(VocabularyJson.render(Vocabulary.embedded().version(), Vocabulary.embedded().indicators()));
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-36s %-38s %-8s %s%n", "Indicator", "Levels", "Source", "Meaning"));
        for (IndicatorDef def : Vocabulary.embedded().indicators()) {
            text.append(String.format(Locale.ROOT, "%-36s %-38s %-8s %s%n", def.id(), def.scale().describe(), def.source(), def.meaning()));
        }
        out.print(text.toString());
    }
}
