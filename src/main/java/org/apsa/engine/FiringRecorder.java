package org.apsa.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts the firings of each rule in one session, for coverage and for naming runaway rules. */
final class FiringRecorder extends DefaultAgendaEventListener {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
    }

    Map<String, Integer> counts() {
        return counts;
    }
}
