package org.apsa.engine;

import java.util.List;

/**
 * One step of an explanation: a conclusion, the rule that drew it, and what it rested on.
 * Leaves are the analyst's indicators. Built only from what fired in the assessment.
 *
 * @param kind       scenario, support, judgment, leading, evaluation, prescription,
 *                   recommendation or indicator
 * @param conclusion what was concluded, in words
 * @param rule       the rule that concluded it; null for an indicator
 * @param weight     for a piece of support, the rule's weight (negative: against)
 * @param confidence the confidence of the conclusion or indicator
 * @param note       the analyst's note on an indicator
 */
public record TraceNode(String kind, String conclusion, String rule, String title, String source, Double weight,
                        Double confidence, String note, List<TraceNode> because) {

    public TraceNode {
        because = List.copyOf(because);
    }
}
