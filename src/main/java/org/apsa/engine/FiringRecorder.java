package org.apsa.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the firings of each rule in one session, for coverage and for naming runaway rules,
 * and remembers the last rule fired, for naming a rule that halted the engine.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private String last;
    private int most;
    private String busiest;

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        last = event.getMatch().getRule().getName();
        int n = counts.merge(last, 1, Integer::sum);
        if (n > most) {
            most = n;
            busiest = last;
        }
    }

    /** The most firings of one rule. */
    int most() {
        return most;
    }

    /** The rule fired most; null before any firing. */
    String busiest() {
        return busiest;
    }

    /** The rule fired last; null before any firing. */
    String last() {
        return last;
    }

    Map<String, Integer> counts() {
        return counts;
    }
}
