package org.apsa.engine;

import org.apsa.engine.Assessment.JudgmentResult;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseException;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Assesses fact sets against one rule base: a new session per assessment, the analyst's
 * indicators inserted, the rules fired, the conclusions read back, always disposed. The
 * rules decide everything; this class orchestrates and reads.
 *
 * <p>Prescription gains are counterfactuals computed in the same session ({@link WhatIf}):
 * the indicator of an unmet prescription is changed to the level that meets it, the rules
 * fire again (incrementally; in a run of many assessments, only those that can change the
 * scores) and the score of the knowledge base's best outlook is read.
 *
 * <p>Thread-safe: it holds only the immutable rule base. For a run of many assessments,
 * {@link #reusingSessions()} reuses reset sessions instead of building one each time.
 */
public final class Assessor {

    private static final ClassObjectFilter SUPPORT = new ClassObjectFilter(Support.class);

    /**
     * A rule that fires this often in one firing of the rules (the assessment, or one what-if
     * question) is looping. Firings of different rules do not add up: a large rule base fires
     * many rules once each.
     */
    public static final int FIRING_LIMIT = 20_000;

    private final RuleBase rules;

    public Assessor(RuleBase rules) {
        this.rules = rules;
    }

    public RuleBase rules() {
        return rules;
    }

    /**
     * @throws RuleBaseException when a rule loops, throws, or breaks an invariant of the
     *                           knowledge model
     */
    public Assessment assess(FactSet facts) {
        return assess(facts, rules.newSession(), null);
    }

    /**
     * Assessments from sessions that are reset and reused: a reset session holds nothing of
     * the fact set it last assessed and numbers its facts and firings afresh, so each
     * assessment is the same as {@link #assess}'s. Thread-safe; each thread takes a session
     * of its own. Close it when the run is over, not while an assessment is running.
     */
    public Reusing reusingSessions() {
        return new Reusing(rules.newSessionPool(), rules.rulesAffecting(ScenarioScore.class, FACT_TYPES).orElse(null));
    }

    /** What the lean path reads: the scores, the leader, and whether there is none. */
    public static final List<Class<?>> OUTCOME = List.of(ScenarioScore.class, Leading.class, InsufficientEvidence.class);

    /**
     * Opens a live session on a fact set for the lean path of many questions that read only
     * their outcome ({@link WhatIf#move}, {@link WhatIf#settle}, the filter null): it holds only
     * the rules that can change the scores, the leader or its absence ({@link #OUTCOME}), so it
     * answers no other question. Close it when done.
     */
    public WhatIf outcomesOnly(FactSet facts) {
        return new WhatIf(rules.newSession(OUTCOME, FACT_TYPES), facts, ALL_RULES);
    }

    /** Lets every rule of a session fire; given to a session that holds only the rules wanted. */
    private static final AgendaFilter ALL_RULES = match -> true;

    /** What {@link Reusing#scores} reads: the scores, the leader, and why there is none. */
    private static final List<Class<?>> SCORES_AND_LEADER = List.of(ScenarioScore.class, Leading.class,
            InsufficientEvidence.class, Support.class);

    /** The knowledge model's fact types: what the rules match and insert. */
    public static final List<Class<?>> FACT_TYPES = List.of(Indicator.class, Judgment.class, Support.class, ScenarioScore.class,
            InsufficientEvidence.class, Leading.class, Evaluation.class, Recommendation.class, Prescription.class);

    /**
     * See {@link #reusingSessions()}. Its gains are computed firing only the rules that can
     * change the scores ({@link RuleBase#rulesAffecting}), which gives the same gains for less
     * work; finding those rules takes a moment, worth it for a run of many assessments.
     */
    public final class Reusing implements AutoCloseable {

        private final KieSessionsPool pool;
        private final AgendaFilter scoring;
        /** Sessions of only the rules {@link #scores} needs, made on its first call. */
        private volatile KieSessionsPool scoresPool;

        private Reusing(KieSessionsPool pool, AgendaFilter scoring) {
            this.pool = pool;
            this.scoring = scoring;
        }

        /** Without a lock once made: every record of a batch of scores asks for it, on every worker. */
        private KieSessionsPool scoresPool() {
            KieSessionsPool p = scoresPool;
            if (p == null) {
                synchronized (this) {
                    p = scoresPool;
                    if (p == null) {
                        p = rules.newSessionPool(SCORES_AND_LEADER, FACT_TYPES);
                        scoresPool = p;
                    }
                }
            }
            return p;
        }

        /** As {@link Assessor#assess}. */
        public Assessment assess(FactSet facts) {
            return Assessor.this.assess(facts, pool.newKieSession(), scoring);
        }

        /**
         * The scores, the leader and the evidence behind them, as {@link #assess} gives them,
         * and nothing else: the session holds only the rules that can change them
         * ({@link RuleBase#newSessionPool(List, java.util.Collection)}), no proof tree is built
         * and no gain computed. Its judgments, evaluation, prescriptions and trace are empty,
         * and its firings are those of the rules that fired.
         */
        public Assessment scores(FactSet facts) {
            try (WhatIf live = new WhatIf(scoresPool().newKieSession(), facts, ALL_RULES)) {
                WhatIf.Outcome outcome = live.now();
                List<Support> supports = new ArrayList<>();
                for (Object fact : live.session().getObjects(SUPPORT)) {
                    supports.add((Support) fact);
                }
                double evidence = Conclusions.evidence(supports);
                String status = outcome.insufficient() != null || outcome.leading() == null
                        ? Assessment.INSUFFICIENT_EVIDENCE : Assessment.ASSESSED;
                return new Assessment(facts, status, status.equals(Assessment.ASSESSED) ? outcome.leading() : null,
                        outcome.scores(), evidence, List.of(), List.of(), List.of(), List.of(), live.firings(), Map.of(), Map.of(),
                        rules.knowledgeBase());
            }
        }

        /** Disposes the sessions for good. */
        @Override
        public synchronized void close() {
            pool.shutdown();
            if (scoresPool != null) {
                scoresPool.shutdown();
            }
        }
    }

    /**
     * Assesses with {@code session}, new or reset, and disposes it; the gains fire only the
     * rules {@code scoring} lets through, all when it is null.
     */
    private Assessment assess(FactSet facts, KieSession session, AgendaFilter scoring) {
        try (WhatIf live = new WhatIf(session, facts, null)) {
            Justifications justifications = Justifications.of(live.session());
            Conclusions conclusions = Conclusions.read(justifications, facts, rules.knowledgeBase());

            List<PrescriptionResult> prescriptions = new ArrayList<>();
            // Gains are what meeting a recommendation adds to the most desirable outlook's score.
            String best = rules.knowledgeBase().best().id();
            double before = ScenarioScore.of(conclusions.scores(), best).score();
            for (Prescription p : conclusions.prescriptions()) {
                Recommendation r = p.recommendation();
                Double gain = null;
                if (!p.met()) {
                    Map<String, Reading> change = Map.of(r.indicator(), Reading.of(r.target()));
                    String purpose = "for the gain of prescription \"" + r.id() + "\"";
                    gain = Scoring.round(live.evaluate(change, scoring, purpose).score(best) - before);
                }
                List<Justifications.Justification> why = justifications.of(p);
                prescriptions.add(new PrescriptionResult(r.id(), r.actor(), r.source(), r.text(), r.indicator(),
                        r.target(), p.met(), gain, why.isEmpty() ? null : why.get(0).rule()));
            }
            prescriptions.sort(Comparator.comparing(PrescriptionResult::met)
                    .thenComparing(p -> p.gain() == null ? 0.0 : -p.gain())
                    .thenComparing(PrescriptionResult::id));

            List<JudgmentResult> judgments = conclusions.judgments().stream()
                    .map(j -> new JudgmentResult(j.id(), j.confidence(),
                            justifications.of(j).stream().map(Justifications.Justification::rule).sorted().toList()))
                    .toList();
            TraceBuilder traces = new TraceBuilder(rules, justifications, conclusions);
            return new Assessment(facts, conclusions.status(), conclusions.leading(), conclusions.scores(),
                    conclusions.evidence(), judgments, conclusions.evaluation(), prescriptions, traces.build(), live.firings(),
                    live.recorder().counts(), traces.judgments(), rules.knowledgeBase());
        }
    }

    /** Opens a live session on a fact set for many cheap what-if questions; close it when done. */
    public WhatIf whatIf(FactSet facts) {
        return new WhatIf(rules.newSession(), facts, null);
    }

    /**
     * The scoring rule must give one score per outlook; anything else is a defect of the rules.
     *
     * @param where the fact set, as {@link #factSet} names it, and the question asked of it if any;
     *              made only for the message
     */
    static void requireFourScores(List<ScenarioScore> scores, KnowledgeBase kb, Supplier<String> where) {
        if (scores.size() != kb.outlooks().size()) {
            throw new RuleBaseException("the rules gave " + scores.size() + " scores for " + where.get()
                    + "; the scoring rule must insert exactly one ScenarioScore for each of the " + kb.outlooks().size() + " outlooks");
        }
    }

    /** A fact set as messages name it: {@code fact set "baseline-2014-12"}. */
    static String factSet(FactSet facts) {
        return "fact set \"" + facts.id() + "\"";
    }

    /** The conclusions in working memory after firing, in a stable order. */
    record Conclusions(String status, String leading, List<ScenarioScore> scores, double evidence,
                       List<Judgment> judgments, List<Evaluation> evaluation, List<Prescription> prescriptions,
                       List<Support> supports) {

        static Conclusions read(Justifications justifications, FactSet factSet, KnowledgeBase kb) {
            List<ScenarioScore> scores = new ArrayList<>();
            List<Judgment> judgments = new ArrayList<>();
            List<Evaluation> evaluation = new ArrayList<>();
            List<Prescription> prescriptions = new ArrayList<>();
            List<Support> supports = new ArrayList<>();
            String leading = null;
            InsufficientEvidence insufficient = null;
            for (Object fact : justifications.facts()) {
                if (fact instanceof ScenarioScore s) {
                    scores.add(s);
                } else if (fact instanceof Judgment j) {
                    judgments.add(j);
                } else if (fact instanceof Evaluation e) {
                    evaluation.add(e);
                } else if (fact instanceof Prescription p) {
                    prescriptions.add(p);
                } else if (fact instanceof Support s) {
                    supports.add(s);
                } else if (fact instanceof Leading l) {
                    leading = l.scenario();
                } else if (fact instanceof InsufficientEvidence i) {
                    insufficient = i;
                }
            }
            requireFourScores(scores, kb, () -> factSet(factSet));
            for (Prescription p : prescriptions) {
                try {
                    p.recommendation().requireIn(kb.vocabulary());
                } catch (IllegalArgumentException e) {
                    throw new RuleBaseException(e.getMessage() + " (rule \"" + justifications.of(p.recommendation()).stream()
                            .map(Justifications.Justification::rule).findFirst().orElse("?") + "\")");
                }
            }
            List<String> aspects = kb.aspects();
            scores.sort(Comparator.comparingInt(ScenarioScore::rank));
            checkJudgmentsHeldOnce(judgments, justifications, factSet);
            judgments.sort(Comparator.comparing(Judgment::id));
            evaluation.sort(Comparator.comparing(Evaluation::scenario).thenComparingInt(e -> aspectOrder(aspects, e.aspect()))
                    .thenComparing(Evaluation::aspect));
            prescriptions.sort(Comparator.comparing(Prescription::id));
            double evidence = evidence(supports);
            String status = insufficient != null || leading == null ? Assessment.INSUFFICIENT_EVIDENCE : Assessment.ASSESSED;
            return new Conclusions(status, status.equals(Assessment.ASSESSED) ? leading : null, scores, evidence,
                    judgments, evaluation, prescriptions, supports);
        }

        /** The total weight of evidence; sorts {@code supports}. */
        static double evidence(List<Support> supports) {
            // Pieces of support may be equal (each firing is one); the order fixes the sums' last bits.
            supports.sort(Comparator.comparing(Support::scenario).thenComparing(Support::rule).thenComparingDouble(Support::contribution));
            return Scoring.round(supports.stream().mapToDouble(Support::magnitude).sum());
        }

        /** The knowledge base's order of aspects; aspects it does not name come last. */
        private static int aspectOrder(List<String> aspects, String aspect) {
            int i = aspects.indexOf(aspect);
            return i < 0 ? aspects.size() : i;
        }

        private static void checkJudgmentsHeldOnce(List<Judgment> judgments, Justifications justifications, FactSet factSet) {
            judgments.stream().collect(Collectors.groupingBy(Judgment::id, TreeMap::new, Collectors.toList())).forEach((id, held) -> {
                if (held.size() > 1) {
                    String derivations = held.stream()
                            .sorted(Comparator.comparingDouble(Judgment::confidence).reversed())
                            .map(j -> "confidence " + j.confidence() + " by " + justifications.of(j).stream()
                                    .map(w -> "\"" + w.rule() + "\"").distinct().sorted().collect(Collectors.joining(" and ")))
                            .collect(Collectors.joining(", "));
                    throw new RuleBaseException("judgment \"" + id + "\" is held " + held.size()
                            + " times with different confidences on " + factSet(factSet) + " (" + derivations
                            + "); the rules that derive one judgment must exclude each other");
                }
            });
        }
    }
}
