package org.apsa.ruletest;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Assessor;
import org.apsa.engine.TraceNode;
import org.apsa.fact.PlainText;
import org.apsa.fact.Suggestions;
import org.apsa.rulebase.RuleBaseException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses the facts of rule tests and compares the result with their expectations. Every
 * unmet expectation is listed, not only the first, as "what: expected X, got Y".
 */
public final class RuleTestRunner {

    private final Assessor assessor;
    /** The judgment ids the rules can conclude; null when they cannot be listed. */
    private final Set<String> judgments;

    /**
     * An expectation about a judgment id that no rule inserts is a failure, since "absent"
     * would pass for nothing; unless a rule computes its judgments' ids (see
     * {@link org.apsa.rulebase.RuleBase#judgmentIds}).
     */
    public RuleTestRunner(Assessor assessor) {
        this.assessor = assessor;
        this.judgments = assessor.rules().judgmentIds().orElse(null);
    }

    /** The test's outcome; rules that misbehave on its facts make it a {@link RuleTestResult#defect}. */
    public RuleTestResult run(RuleTest test) {
        long start = System.nanoTime();
        try {
            Assessment a = assessor.assess(test.facts());
            Set<String> outlooks = new LinkedHashSet<>();
            Set<String> held = new LinkedHashSet<>();
            List<String> failures = failures(test.expect(), a, outlooks, held);
            return new RuleTestResult(test, failures, false, trace(a, outlooks, held), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuleBaseException e) {
            return new RuleTestResult(test, List.of("rules failed: " + e.getMessage()), true, List.of(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The unmet expectations; the outlooks they are about are added to {@code outlooks}, and the
     * judgments expected absent that hold to {@code held}.
     */
    private List<String> failures(Expectation expect, Assessment a, Set<String> outlooks, Set<String> held) {
        List<String> failures = new ArrayList<>();
        if (expect.status() != null && !expect.status().equals(a.status())) {
            failures.add("status: expected " + expect.status() + ", got " + a.status());
            Optional.ofNullable(a.leading()).ifPresent(outlooks::add);
        }
        if (expect.leading() != null && !expect.leading().equals(a.leading())) {
            failures.add("leading: expected " + expect.leading() + ", got "
                    + (a.leading() == null ? "no leader (" + a.status() + ")" : a.leading()));
            outlooks.add(expect.leading());
            Optional.ofNullable(a.leading()).ifPresent(outlooks::add);
        }
        judgments(expect.judgments().present(), true, a, failures, held);
        judgments(expect.judgments().absent(), false, a, failures, held);
        prescriptions(expect.prescriptions().met(), true, a, failures);
        prescriptions(expect.prescriptions().unmet(), false, a, failures);
        for (Map.Entry<String, Expectation.Range> e : expect.scores().entrySet()) {
            Optional<Double> score = a.scenario(e.getKey()).map(s -> s.score());
            if (score.isEmpty()) {
                failures.add("score " + e.getKey() + ": expected " + e.getValue() + ", got no score (outlooks: "
                        + String.join(", ", assessor.rules().knowledgeBase().outlookIds()) + ")");
                outlooks.add(e.getKey());
            } else if (!e.getValue().contains(score.get())) {
                failures.add("score " + e.getKey() + ": expected " + e.getValue() + ", got "
                        + String.format(Locale.ROOT, "%.4f", score.get()));
                outlooks.add(e.getKey());
            }
        }
        for (String rule : expect.fired()) {
            if (!unknownRule(rule, failures) && !a.firedRules().containsKey(rule)) {
                failures.add("rule \"" + rule + "\": expected to fire, got not fired");
            }
        }
        for (String rule : expect.notFired()) {
            Integer times = a.firedRules().get(rule);
            if (!unknownRule(rule, failures) && times != null) {
                failures.add("rule \"" + rule + "\": expected not to fire, got fired " + PlainText.count(times, "time"));
            }
        }
        return failures;
    }

    /** A misspelt rule name would make "notFired" pass for nothing; it is a failure. */
    private boolean unknownRule(String rule, List<String> failures) {
        if (assessor.rules().rule(rule).isPresent()) {
            return false;
        }
        failures.add("rule \"" + rule + "\": expected a rule of that name, got none in the rule base");
        return true;
    }

    /** A misspelt judgment id would make "absent" pass for nothing; it is a failure. */
    private void judgments(List<String> ids, boolean present, Assessment a, List<String> failures, Set<String> held) {
        for (String id : ids) {
            if (judgments != null && !judgments.contains(id)) {
                failures.add("judgment " + id + ": expected a judgment the rules conclude, got an id no rule inserts"
                        + Suggestions.closest(id, judgments).map(s -> " (did you mean " + s + "?)").orElse(""));
            } else if (a.holds(id) != present) {
                failures.add("judgment " + id + (present ? ": expected present, got absent" : ": expected absent, got present"));
                if (!present) {
                    held.add(id);
                }
            }
        }
    }

    private static void prescriptions(List<String> ids, boolean met, Assessment a, List<String> failures) {
        for (String id : ids) {
            Optional<PrescriptionResult> p = a.prescription(id);
            String expected = met ? "met" : "unmet";
            if (p.isEmpty()) {
                failures.add("prescription " + id + ": expected " + expected + ", got no such recommendation");
            } else if (p.get().met() != met) {
                failures.add("prescription " + id + ": expected " + expected + ", got " + (p.get().met() ? "met" : "unmet"));
            }
        }
    }

    /** The trace of the outlooks (their scores) and the judgments in question, as a failing test shows it. */
    private static List<TraceNode> trace(Assessment a, Set<String> outlooks, Set<String> judgments) {
        List<TraceNode> nodes = new ArrayList<>();
        outlooks.stream().filter(outlook -> a.knowledgeBase().outlook(outlook).isPresent())
                .forEach(outlook -> a.trace().stream().filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(outlook + ":"))
                        .findFirst().ifPresent(nodes::add));
        judgments.forEach(judgment -> nodes.addAll(a.judgmentTrace().getOrDefault(judgment, List.of())));
        return nodes;
    }
}
