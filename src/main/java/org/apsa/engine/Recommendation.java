package org.apsa.engine;

import java.util.List;

/**
 * One of the article's recommendations (¶9-¶12), as the indicator that shows it done.
 *
 * @param id         stable id, e.g. {@code us.transparentPresence}
 * @param actor      {@code us}, {@code china}, {@code region} or {@code all}
 * @param source     the paragraph
 * @param text       the recommendation in one line
 * @param indicator  the indicator that shows whether it is met
 * @param meetingLevels the levels that meet it; the first is the least that does, and is
 *                   the level used to compute what meeting it would gain
 */
public record Recommendation(String id, String actor, String source, String text, String indicator,
                             List<String> meetingLevels) {

    public Recommendation {
        meetingLevels = List.copyOf(meetingLevels);
    }

    public Recommendation(String id, String actor, String source, String text, String indicator, String... meetingLevels) {
        this(id, actor, source, text, indicator, List.of(meetingLevels));
    }

    public String target() {
        return meetingLevels.get(0);
    }
}
