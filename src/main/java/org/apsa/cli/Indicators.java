package org.apsa.cli;

import org.apsa.fact.FactSetReader;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.PlainText;
import org.apsa.fact.Reading;
import org.apsa.fact.Suggestions;
import org.apsa.fact.Vocabulary;

/** Checking what the analyst typed against the vocabulary, with "did you mean" on a miss. */
final class Indicators {

    private Indicators() {
    }

    static IndicatorDef known(Vocabulary vocabulary, String id) {
        return vocabulary.find(id).orElseThrow(() -> new UsageException("unknown indicator \"" + id + "\""
                + Suggestions.didYouMean(vocabulary.suggest(id))
                + "; 'vocabulary' lists them"));
    }

    /** @param vocabulary that of the rules in use */
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
}
