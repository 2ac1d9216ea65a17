package org.apsa.engine;

import org.apsa.fact.FactSet;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBaseException;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A live session holding one fact set, for asking many "what if" questions cheaply: each
 * question changes a few indicators, fires the rules (Drools re-evaluates only what the
 * change touches) and reads the scores. Changes are relative to the fact set the session
 * was opened with; the session moves from one question's state to the next directly.
 *
 * <p>Not thread-safe; close it when done.
 */
public final class WhatIf implements AutoCloseable {

    /**
     * The outcome of one question: the four scores, ranked, the leader if any, and, when the
     * rules found too little evidence to name one, how much there was and how much it takes
     * (null otherwise).
     */
    public record Outcome(List<ScenarioScore> scores, String leading, InsufficientEvidence insufficient) {

        public double score(String scenario) {
            return scores.stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow().score();
        }
    }

    private static final ClassObjectFilter SCORES = new ClassObjectFilter(ScenarioScore.class);
    private static final ClassObjectFilter LEADER = new ClassObjectFilter(Leading.class);
    private static final ClassObjectFilter INSUFFICIENT = new ClassObjectFilter(InsufficientEvidence.class);

    private final KieSession session;
    private final FiringRecorder recorder = new FiringRecorder();
    private final FactSet base;
    private final Map<String, Reading> current;
    private final Map<String, FactHandle> handles = new HashMap<>();
    /** The indicators whose reading in the session is not the base fact set's. */
    private final Set<String> changed = new LinkedHashSet<>();
    private final int firings;
    /** Whether a question left rules out, so that the session holds only some conclusions. */
    private boolean partial;

    /** Takes over {@code session}, new or reset, and disposes it on {@link #close()}. */
    WhatIf(KieSession session, FactSet base) {
        this.base = base;
        this.current = new LinkedHashMap<>(base.indicators());
        this.session = session;
        try {
            session.addEventListener(recorder);
            base.indicators().forEach((id, reading) -> handles.put(id, session.insert(Assessor.indicator(id, reading))));
            this.firings = fire(null, null);
            // What-if firings are not part of the assessment; without a listener Drools does
            // not even make the events.
            session.removeEventListener(recorder);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** The fact set the session was opened with. */
    public FactSet base() {
        return base;
    }

    /**
     * Scores the base fact set with some indicators changed.
     *
     * @param changes indicator id to its new reading; a null reading makes it unknown
     */
    public Outcome evaluate(Map<String, Reading> changes) {
        return evaluate(changes, null);
    }

    /**
     * As {@link #evaluate(Map)}; {@code purpose} says why the question is asked, for the
     * message when the rules fail on it (as in "for the gain of prescription ...").
     */
    Outcome evaluate(Map<String, Reading> changes, String purpose) {
        if (partial) {
            throw new IllegalStateException("the session answered a question with some rules left out; open another");
        }
        moveTo(changes);
        fire(null, purpose);
        return outcome(purpose);
    }

    /**
     * The score of one outlook with some indicators changed, the rules fired through
     * {@code scoring} (a filter that lets fire every rule that can change the scores, see
     * {@link org.apsa.rulebase.RuleBase#rulesAffecting}): cheaper than {@link #evaluate} when
     * only a score is wanted. The rules left out do not fire, so the session no longer holds
     * what they would conclude; after this, {@link #evaluate} refuses.
     */
    double score(Map<String, Reading> changes, String scenario, AgendaFilter scoring, String purpose) {
        moveTo(changes);
        partial = true;
        fire(scoring, purpose);
        return scores(purpose).stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow().score();
    }

    /**
     * The lean path of an ensemble of many questions: the outcome with some indicators changed,
     * firing only the rules {@code only} lets through (those that can change the scores, the
     * leader or its absence; see {@link org.apsa.rulebase.RuleBase#rulesAffecting}), with no
     * trace and no gains. The rules left out do not fire, so after this {@link #evaluate} refuses.
     */
    public Outcome outcome(Map<String, Reading> changes, AgendaFilter only) {
        moveTo(changes);
        partial = true;
        fire(only, null);
        return outcome((String) null);
    }

    /** The outcome of the base fact set itself. */
    public Outcome baseline() {
        return evaluate(Map.of());
    }

    KieSession session() {
        return session;
    }

    FiringRecorder recorder() {
        return recorder;
    }

    int firings() {
        return firings;
    }

    /**
     * Brings the session to the base fact set with {@code changes} made, touching only the
     * indicators this question or the last one changed.
     */
    private void moveTo(Map<String, Reading> changes) {
        for (Iterator<String> it = changed.iterator(); it.hasNext(); ) {
            String id = it.next();
            if (!changes.containsKey(id)) {
                set(id, base.indicators().get(id));
                it.remove();
            }
        }
        changes.forEach((id, reading) -> {
            set(id, reading);
            if (Objects.equals(reading, base.indicators().get(id))) {
                changed.remove(id);
            } else {
                changed.add(id);
            }
        });
    }

    /** Gives an indicator a reading in the session; null makes it unknown. */
    private void set(String id, Reading reading) {
        Reading now = current.get(id);
        if (Objects.equals(now, reading)) {
            return;
        }
        if (reading == null) {
            session.delete(handles.remove(id));
            current.remove(id);
        } else if (now == null) {
            handles.put(id, session.insert(Assessor.indicator(id, reading)));
            current.put(id, reading);
        } else {
            session.update(handles.get(id), Assessor.indicator(id, reading));
            current.put(id, reading);
        }
    }

    private Outcome outcome(String purpose) {
        List<ScenarioScore> scores = scores(purpose);
        String leading = null;
        for (Object fact : session.getObjects(LEADER)) {
            leading = ((Leading) fact).scenario();
        }
        InsufficientEvidence insufficient = null;
        for (Object fact : session.getObjects(INSUFFICIENT)) {
            insufficient = (InsufficientEvidence) fact;
        }
        scores.sort(java.util.Comparator.comparingInt(ScenarioScore::rank));
        return new Outcome(List.copyOf(scores), leading, insufficient);
    }

    /** The four scores in the session, checked to be four. */
    private List<ScenarioScore> scores(String purpose) {
        List<ScenarioScore> scores = new ArrayList<>(Outlook.values().length);
        // By class: the session keeps a store per class, so this reads a handful of facts, not all.
        for (Object fact : session.getObjects(SCORES)) {
            scores.add((ScenarioScore) fact);
        }
        Assessor.requireFourScores(scores, () -> where(purpose));
        return scores;
    }

    /**
     * Fires the rules to a settled state, or fails naming the rule at fault: one that threw, a
     * runaway, or one that halted the engine. A halted engine returns from firing as a settled
     * one does, with scores missing or stale; what shows it is that firing again fires more.
     */
    private int fire(AgendaFilter filter, String purpose) {
        try {
            int fired = fireAll(session, filter, Assessor.FIRING_LIMIT);
            if (fired >= Assessor.FIRING_LIMIT) {
                throw new RuleBaseException("the rules fired " + Assessor.FIRING_LIMIT + " times on " + where(purpose)
                        + " without settling: a rule re-activates itself; most fired: " + busiest(whatFired(filter))
                        + ". Insert conclusions with insertLogical and do not modify the facts a rule matches");
            }
            String last = recorder.last();
            if (fireAll(session, filter, 1) > 0) {
                String halting = recording() ? last : whatFired(filter).halting();
                throw new RuleBaseException((halting == null ? "a rule" : "rule \"" + halting + "\"")
                        + " halted the engine (drools.halt()) on " + where(purpose) + " before the rules had settled, which "
                        + "leaves the assessment incomplete; rules must not halt the engine: remove the call, and let the "
                        + "rules' conditions decide what fires");
            }
            return fired;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleBaseException("rule \"" + e.getMatch().getRule().getName() + "\" failed on " + where(purpose)
                    + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "; fix the rule's consequence ('then' part)");
        }
    }

    private static int fireAll(KieSession session, AgendaFilter filter, int limit) {
        return filter == null ? session.fireAllRules(limit) : session.fireAllRules(filter, limit);
    }

    /** Whether the firings of this session are being recorded: while the base fact set is assessed. */
    private boolean recording() {
        return session.getAgendaEventListeners().contains(recorder);
    }

    /** The firings of a question that went wrong, for a message: each rule's count, and the rule that halted if any. */
    private record WhatFired(Map<String, Integer> counts, String halting) {
    }

    /**
     * The firings of the question that went wrong. The base fact set's are recorded as they
     * happen; a what-if question's are not (a listener would slow every question), so for a
     * message it is asked again, from its facts, in a session of its own with a recorder.
     */
    private WhatFired whatFired(AgendaFilter filter) {
        if (recording()) {
            return new WhatFired(recorder.counts(), null);
        }
        KieSession replay = session.getKieBase().newKieSession();
        FiringRecorder replayed = new FiringRecorder();
        try {
            replay.addEventListener(replayed);
            current.forEach((id, reading) -> replay.insert(Assessor.indicator(id, reading)));
            int fired = fireAll(replay, filter, Assessor.FIRING_LIMIT);
            replay.removeEventListener(replayed);
            boolean halted = fired < Assessor.FIRING_LIMIT && fireAll(replay, filter, 1) > 0;
            return new WhatFired(replayed.counts(), halted ? replayed.last() : null);
        } catch (RuntimeException e) {
            // Only for naming rules in a message about the question, which failed already.
            return new WhatFired(replayed.counts(), null);
        } finally {
            replay.dispose();
        }
    }

    private static String busiest(WhatFired fired) {
        return fired.counts().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + " times)")
                .collect(Collectors.joining(", "));
    }

    /**
     * The fact set, and when the session is not on it the question it is answering, for
     * messages: a rule may fail only on a counterfactual, which the analyst never stated.
     */
    private String where(String purpose) {
        String factSet = Assessor.factSet(base);
        if (changed.isEmpty()) {
            return factSet;
        }
        return factSet + " while re-assessing it with " + changed.stream().map(this::change).collect(Collectors.joining(", "))
                + (purpose == null ? "" : " (" + purpose + ")");
    }

    private String change(String id) {
        Reading from = base.indicators().get(id);
        Reading to = current.get(id);
        return id + ": " + (from == null ? "unknown" : from.brief()) + " -> " + (to == null ? "unknown" : to.brief());
    }

    @Override
    public void close() {
        session.dispose();
    }
}
