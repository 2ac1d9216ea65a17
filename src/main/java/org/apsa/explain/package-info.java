/**
 * Explanation beyond the proof trees: why an outlook does not lead and the smallest changes
 * that would make it lead, how far each indicator moves the scores (sensitivity), and which
 * unknown indicators are worth learning (value of information). Every answer comes from
 * re-assessing changed fact sets in a live session, never from a second model.
 */
package org.apsa.explain;
