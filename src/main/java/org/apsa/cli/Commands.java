package org.apsa.cli;

import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.PlainText;
import org.apsa.fact.Reading;
import org.apsa.fact.Suggestions;
import org.apsa.fact.Vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the tool's command classes share: the session's rules, the workbench, where results
 * go, the fact set a command's FILE names, the indicators and levels the analyst types, and
 * the output formats.
 */
abstract class Commands {

    /** The word for standard input where a file is taken. */
    static final String STANDARD_INPUT = "-";

    final RuleBases ruleBases;
    final Workbench bench;
    final Output out;

    Commands(RuleBases ruleBases, Workbench bench, Output out) {
        this.ruleBases = ruleBases;
        this.bench = bench;
        this.out = out;
    }

    /**
     * The fact set FILE names, read in the vocabulary of the rules of {@code rules} (null: the
     * session's): the current one when there is none, standard input for {@code -} (one JSON
     * document, named {@code <stdin>} in messages), as command-line tools read it, else the file.
     */
    FactSet facts(String file, String rules) {
        return facts(file, () -> ruleBases.reader(rules));
    }

    /**
     * The fact set FILE names, read in the vocabulary of the rules {@code assessor} assesses
     * with: a reload of the session's rules in between cannot make the two differ.
     */
    FactSet facts(String file, Assessor assessor) {
        return facts(file, () -> new FactSetReader(assessor.rules().knowledgeBase().vocabulary()));
    }

    private FactSet facts(String file, Supplier<FactSetReader> reading) {
        if (file == null) {
            return bench.current();
        }
        FactSetReader reader = reading.get();
        return file.equals(STANDARD_INPUT) ? reader.readOne(FactSetReader.STANDARD_INPUT, out.standardInput())
                : reader.readOne(UserPaths.of(file));
    }

    /** An indicator id the analyst typed, checked against the vocabulary, with "did you mean" on a miss. */
    static IndicatorDef known(Vocabulary vocabulary, String id) {
        return vocabulary.find(id).orElseThrow(() -> new UsageException("unknown indicator \"" + id + "\""
                + Suggestions.didYouMean(vocabulary.suggest(id))
                + "; 'vocabulary' lists them"));
    }

    /** A reading the analyst typed, checked as a fact file's is; {@code vocabulary} is that of the rules in use. */
    static Reading reading(Vocabulary vocabulary, String id, String level, Double confidence, String note) {
        IndicatorDef def = known(vocabulary, id);
        if (level == null) {
            throw new UsageException("give a level for " + id + ": " + def.scale().describe() + ", e.g. set " + id + " "
                    + def.scale().levels().get(def.scale().levels().size() - 1));
        }
        if (note != null && note.length() > FactSetReader.MAX_STRING_LENGTH) {
            throw new UsageException("the note has " + note.length() + " characters; a note may have at most "
                    + FactSetReader.MAX_STRING_LENGTH + ", or the saved fact set could not be read again");
        }
        int control = note == null ? -1 : PlainText.firstForbidden(note, false);
        if (control >= 0) {
            // As the reader refuses it: shown on a terminal, it would act there; saved, the file could not be read again.
            throw new UsageException(PlainText.problem("--note", note, control, false));
        }
        if (!def.scale().allows(level)) {
            throw new UsageException("level \"" + level + "\" is not on the scale of \"" + id + "\""
                    + Suggestions.didYouMean(level, def.scale().levels())
                    + "; allowed: " + def.scale().describe());
        }
        double c = confidence == null ? Reading.CERTAIN : confidence;
        if (!(c > 0 && c <= 1)) {
            throw new UsageException("confidence " + confidence + " is out of range; use a number greater than 0 and at most 1");
        }
        return new Reading(level, c, note == null || note.isEmpty() ? null : note);
    }

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
}
