package org.apsa.engine;

import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Comparator;
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
            return ScenarioScore.of(scores, scenario).score();
        }
    }

    private static final ClassObjectFilter SCORES = new ClassObjectFilter(ScenarioScore.class);
    private static final ClassObjectFilter LEADER = new ClassObjectFilter(Leading.class);
    private static final ClassObjectFilter INSUFFICIENT = new ClassObjectFilter(InsufficientEvidence.class);

    private final KieSession session;
    private final FiringRecorder recorder = new FiringRecorder();
    private final FactSet base;
    /** Null only when containment is bypassed to measure its cost ({@link Containment#bypassed}). */
    private final Containment.Watch watch;
    /** Whether a firing was stopped part way, which leaves the session in no state to reuse. */
    private boolean broken;
    private final Map<String, Reading> current;
    private final Map<String, FactHandle> handles = new HashMap<>();
    /** The indicators whose reading in the session is not the base fact set's. */
    private final Set<String> changed = new LinkedHashSet<>();
    private final int firings;
    /** Whether a question left rules out, so that the session holds only some conclusions. */
    private boolean partial;
    /** The domain of the rules the session runs. */
    private final KnowledgeBase kb;

    /**
     * Takes over {@code session}, new or reset, and disposes it on {@link #close()}; the base
     * fact set assessed firing only the rules {@code only} lets through, all when it is null.
     * With a filter the firings are not recorded, and the session holds only what the rules
     * let through conclude.
     */
    WhatIf(KieSession session, FactSet base, AgendaFilter only) {
        this.base = base;
        this.current = new LinkedHashMap<>(base.indicators());
        this.session = session;
        this.kb = RuleBase.knowledgeBaseOf(session.getKieBase());
        this.partial = only != null;
        this.watch = Containment.bypassed ? null : Containment.watch(session, () -> where(null));
        try {
            if (only == null) {
                session.addEventListener(recorder);
            }
            base.indicators().forEach((id, reading) -> handles.put(id, session.insert(Indicator.of(kb.vocabulary(), id, reading))));
            this.firings = fire(only, null);
            // What-if firings are not part of the assessment; without a listener Drools does
            // not even make the events.
            if (only == null) {
                session.removeEventListener(recorder);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Scores the base fact set with some indicators changed.
     *
     * @param changes indicator id to its new reading; a null reading makes it unknown
     */
    public Outcome evaluate(Map<String, Reading> changes) {
        return evaluate(changes, null, null);
    }

    /**
     * As {@link #evaluate(Map)}, firing only the rules {@code only} lets through (all when null).
     * With a filter (the rules that can change the scores; see
     * {@link org.apsa.rulebase.RuleBase#rulesAffecting}) it is cheaper when only a score is
     * wanted, but the rules left out do not fire, so afterwards a question without one is
     * refused. {@code purpose} says why the question is asked, for the message when the rules
     * fail on it (as in "for the gain of prescription ...").
     */
    Outcome evaluate(Map<String, Reading> changes, AgendaFilter only, String purpose) {
        if (partial && only == null) {
            throw new IllegalStateException("the session answered a question with some rules left out; open another");
        }
        moveTo(changes);
        partial |= only != null;
        fire(only, purpose);
        return outcome(purpose);
    }

    /**
     * The lean path's step, for a caller that keeps track of what it changed: gives one
     * indicator a reading (null makes it unknown) without firing; {@link #settle} then fires and
     * reads the outcome. Cheaper than {@link #evaluate} when a question changes a few of many
     * indicators. After it, a question without a filter is refused.
     */
    public void move(String id, Reading reading) {
        partial = true;
        put(id, reading);
    }

    /** The outcome of the indicators as {@link #move} left them, firing only the rules {@code only} lets through (all when null). */
    public Outcome settle(AgendaFilter only) {
        partial = true;
        fire(only, null);
        return outcome(null);
    }

    /** The outcome of the base fact set itself. */
    public Outcome baseline() {
        return evaluate(Map.of());
    }

    /** The outcome of the session as it stands, with no question asked. */
    Outcome now() {
        return outcome(null);
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
        changes.forEach(this::put);
    }

    /** Gives an indicator a reading in the session, keeping track of whether it is the base fact set's. */
    private void put(String id, Reading reading) {
        set(id, reading);
        if (Objects.equals(reading, base.indicators().get(id))) {
            changed.remove(id);
        } else {
            changed.add(id);
        }
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
            handles.put(id, session.insert(Indicator.of(kb.vocabulary(), id, reading)));
            current.put(id, reading);
        } else {
            session.update(handles.get(id), Indicator.of(kb.vocabulary(), id, reading));
            current.put(id, reading);
        }
    }

    /** The outcome in the session, its scores checked to be one per outlook. */
    private Outcome outcome(String purpose) {
        List<ScenarioScore> scores = new ArrayList<>(kb.outlooks().size());
        // By class: the session keeps a store per class, so this reads a handful of facts, not all.
        for (Object fact : session.getObjects(SCORES)) {
            scores.add((ScenarioScore) fact);
        }
        Assessor.requireFourScores(scores, kb, () -> where(purpose));
        String leading = null;
        for (Object fact : session.getObjects(LEADER)) {
            leading = ((Leading) fact).scenario();
        }
        InsufficientEvidence insufficient = null;
        for (Object fact : session.getObjects(INSUFFICIENT)) {
            insufficient = (InsufficientEvidence) fact;
        }
        scores.sort(Comparator.comparingInt(ScenarioScore::rank));
        return new Outcome(List.copyOf(scores), leading, insufficient);
    }

    /**
     * Fires the rules to a settled state, or fails naming the rule at fault: one that threw,
     * overflowed the stack or ran out of memory in its consequence, a runaway (a rule that
     * fired {@link Assessor#FIRING_LIMIT} times), one past the deadline ({@link Containment}),
     * or one that halted the engine. A halted engine returns from firing as a settled one
     * does, with scores missing or stale; what shows it is work left on the agenda, which a
     * settled engine never has (and when there is some, firing again fires more).
     */
    private int fire(AgendaFilter filter, String purpose) {
        if (watch == null) {
            return filter == null ? session.fireAllRules() : session.fireAllRules(filter);
        }
        watch.start();
        try {
            int fired = fireAll(session, filter, Assessor.FIRING_LIMIT);
            if (fired >= Assessor.FIRING_LIMIT) {
                fired += fireCountingRepeats(filter, purpose);
            }
            if (!Containment.nothingPending(session)) {
                String last = recorder.last();
                if (fireAll(session, filter, 1) > 0) {
                    String halting = recording() ? last : replayHalting(filter);
                    throw new RuleBaseException((halting == null ? "a rule" : "rule \"" + halting + "\"")
                            + " halted the engine (drools.halt()) on " + where(purpose) + " before the rules had settled, which "
                            + "leaves the assessment incomplete; rules must not halt the engine: remove the call, and let the "
                            + "rules' conditions decide what fires");
                }
            }
            return fired;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleBaseException("rule \"" + e.getMatch().getRule().getName() + "\" failed on " + where(purpose)
                    + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "; fix the rule's consequence ('then' part)");
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Drools lets errors through unwrapped, with the match still in hand; what the rule
            // piled up is garbage once the error has left it, so the message can be made.
            String rule = Containment.ruleInProgress(session);
            broken = true;
            throw new RuleBaseException((rule == null ? "the rules' conditions (or a function they call)" : "rule \"" + rule + "\"")
                    + (e instanceof StackOverflowError ? " overflowed the stack (endless recursion?)" : " ran out of memory")
                    + " on " + where(purpose) + "; fix " + (rule == null ? "the conditions" : "the rule's consequence ('then' part)")
                    + " or the functions it calls");
        } catch (ThreadDeath e) {
            String stopped = watch.stopped();
            if (stopped == null) {
                throw e;
            }
            // Stopping a thread also interrupts it (to wake it from a wait); that was no Ctrl-C.
            Thread.interrupted();
            broken = true;
            throw new RuleBaseException(stopped);
        } finally {
            watch.end();
        }
    }

    /**
     * Fires on past {@link Assessor#FIRING_LIMIT} firings, counting each rule's: many firings
     * are no fault (a rule base of many rules fires many), one rule firing that often is a
     * runaway. Returns the firings.
     */
    private int fireCountingRepeats(AgendaFilter filter, String purpose) {
        FiringRecorder counter = new FiringRecorder();
        session.addEventListener(counter);
        try {
            int fired = 0;
            int more;
            do {
                more = fireAll(session, filter, Assessor.FIRING_LIMIT);
                fired += more;
            } while (more >= Assessor.FIRING_LIMIT && counter.most() < Assessor.FIRING_LIMIT);
            if (counter.most() >= Assessor.FIRING_LIMIT) {
                throw new RuleBaseException("rule \"" + counter.busiest() + "\" fired " + Assessor.FIRING_LIMIT + " times on "
                        + where(purpose) + " without the rules settling: it re-activates itself; most fired: "
                        + busiest(counter.counts()) + ". Insert conclusions with insertLogical and do not modify the facts a "
                        + "rule matches");
            }
            return fired;
        } finally {
            session.removeEventListener(counter);
        }
    }

    private static int fireAll(KieSession session, AgendaFilter filter, int limit) {
        return filter == null ? session.fireAllRules(limit) : session.fireAllRules(filter, limit);
    }

    /** Whether the firings of this session are being recorded: while the base fact set is assessed. */
    private boolean recording() {
        return session.getAgendaEventListeners().contains(recorder);
    }

    /**
     * The rule that halted the engine on a what-if question, or null. The base fact set's
     * firings are recorded as they happen; a question's are not (a listener would slow every
     * question), so for the message it is asked again, from its facts, in a session of its own
     * with a recorder.
     */
    private String replayHalting(AgendaFilter filter) {
        KieSession replay = session.getKieBase().newKieSession();
        FiringRecorder replayed = new FiringRecorder();
        try {
            replay.addEventListener(replayed);
            current.forEach((id, reading) -> replay.insert(Indicator.of(kb.vocabulary(), id, reading)));
            int fired = fireAll(replay, filter, Assessor.FIRING_LIMIT);
            replay.removeEventListener(replayed);
            return fired < Assessor.FIRING_LIMIT && fireAll(replay, filter, 1) > 0 ? replayed.last() : null;
        } catch (RuntimeException e) {
            // Only for naming a rule in a message about the question, which failed already.
            return null;
        } finally {
            replay.dispose();
        }
    }

    private static String busiest(Map<String, Integer> counts) {
        return counts.entrySet().stream()
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
        if (watch != null) {
            watch.close();
        }
        if (broken) {
            // Stopped in the middle of a firing: its state is unknown, so it is not handed back for reuse.
            try {
                session.destroy();
            } catch (RuntimeException e) {
                // Nothing more to do for a session being thrown away.
            }
            return;
        }
        session.dispose();
    }
}
