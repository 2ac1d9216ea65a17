package org.apsa.engine;

/**
 * The assessment of one outlook: its net evidence, its score (a relative likelihood over
 * the four outlooks; the four sum to 1), the ICD 203 term of the score's band and its
 * rank (1 = leading).
 */
public record ScenarioScore(String scenario, double net, double score, String likelihood, int rank) {
}
