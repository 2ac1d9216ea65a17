package org.apsa.engine;

/**
 * What the article says of an outlook (¶7-¶8): one aspect (stability, durability, who
 * benefits, who loses, desirability) with the article's judgment of it.
 */
public record Evaluation(String scenario, String aspect, String text, String source) {
}
