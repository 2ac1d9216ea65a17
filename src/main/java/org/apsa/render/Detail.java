package org.apsa.render;

import java.util.Locale;

/**
 * How much of an assessment a batch line holds ({@code batch --detail}).
 */
public enum Detail {
    /** Everything {@code assess --format json} gives, the proof trees included. */
    FULL,
    /**
     * No proof trees and nothing of the article's that the ids name: judgments, and each
     * prescription's id, whether it is met and its gain; no evaluation of the leader.
     */
    LEAN,
    /** The four scores and the leader: no judgments, no prescriptions, no gains computed. */
    SCORES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
