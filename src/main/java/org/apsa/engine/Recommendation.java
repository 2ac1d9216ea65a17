package org.apsa.engine;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Suggestions;
import org.apsa.fact.Vocabulary;

import java.util.List;

/**
 * One of the article's recommendations (¶9-¶12), as the indicator that shows it done.
 *
 * @param id         stable id, e.g. {@code us.transparentPresence}
 * @param actor      one of the knowledge base's actors
 * @param source     the paragraph
 * @param text       the recommendation in one line
 * @param indicator  the indicator that shows whether it is met
 * @param meetingLevels the levels that meet it; the first is the least that does, and is
 *                   the level used to compute what meeting it would gain
 */
public record Recommendation(String id, String actor, String source, String text, String indicator,
                             List<String> meetingLevels) {

    /** @throws IllegalArgumentException when no level is given */
    public Recommendation {
        meetingLevels = List.copyOf(meetingLevels);
        if (meetingLevels.isEmpty()) {
            throw new IllegalArgumentException("recommendation \"" + id + "\" names no level that meets it");
        }
    }

    /**
     * Checked by the engine against the vocabulary of the rules that inserted it (a
     * consequence does not know it when it makes one).
     *
     * @throws IllegalArgumentException when the indicator is not in the vocabulary or a level
     *                                  is not on its scale: the prescription could never be
     *                                  judged, nor its gain computed
     */
    public void requireIn(Vocabulary vocabulary) {
        IndicatorDef def = vocabulary.find(indicator).orElseThrow(() -> new IllegalArgumentException("recommendation \""
                + id + "\" names unknown indicator \"" + indicator + "\""
                + Suggestions.didYouMean(vocabulary.suggest(String.valueOf(indicator)))
                + "; 'vocabulary' lists the known ones"));
        for (String level : meetingLevels) {
            if (!def.scale().allows(level)) {
                throw new IllegalArgumentException("recommendation \"" + id + "\": level \"" + level + "\" is not on the scale of "
                        + indicator + Suggestions.didYouMean(String.valueOf(level), def.scale().levels()) + "; use " + def.scale().describe());
            }
        }
    }

    public Recommendation(String id, String actor, String source, String text, String indicator, String... meetingLevels) {
        this(id, actor, source, text, indicator, List.of(meetingLevels));
    }

    public String target() {
        return meetingLevels.get(0);
    }
}
