package org.apsa.cli;

import org.apsa.fact.FactSetSchema;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Vocabulary;
import org.apsa.render.VocabularyJson;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.Locale;

/** {@code vocabulary}: the indicators a fact set can state, and the JSON Schema of a fact set, of a knowledge base. */
@Command(group = "Facts")
public class VocabularyCommands extends Commands {

    VocabularyCommands(Output out, RuleBases ruleBases) {
        super(ruleBases, null, out);
    }

    @Command(command = "vocabulary", description = "List the indicators a fact set can state, with their levels and paragraphs. "
            + "Example: vocabulary --format json")
    void vocabulary(@Option(longNames = "format", defaultValue = "text", description = "text or json") String format,
                    @Option(longNames = "schema", description = "print the fact-set JSON Schema of the knowledge base instead") boolean schema,
                    @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Format chosen = Format.parse(format, "vocabulary", Format.TEXT, Format.JSON);
        Vocabulary vocabulary = ruleBases.knowledgeBase(rules).vocabulary();
        if (schema) {
            out.print(new FactSetSchema(vocabulary).json());
            return;
        }
        if (chosen == Format.JSON) {
            out.print(VocabularyJson.render(vocabulary.version(), vocabulary.indicators()));
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-36s %-38s %-8s %s%n", "Indicator", "Levels", "Source", "Meaning"));
        for (IndicatorDef def : vocabulary.indicators()) {
            text.append(String.format(Locale.ROOT, "%-36s %-38s %-8s %s%n", def.id(), def.scale().describe(), def.source(), def.meaning()));
        }
        out.print(text.toString());
    }
}
