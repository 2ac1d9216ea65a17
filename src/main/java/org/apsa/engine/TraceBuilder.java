package org.apsa.engine;

import org.apsa.engine.Assessor.Conclusions;
import org.apsa.engine.Justifications.Justification;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the proof trees of an assessment from the justifications truth maintenance holds:
 * each conclusion, the rule that drew it, and the facts that rule matched, down to the
 * analyst's indicators. A score rests on the pieces of support for its outlook, which are
 * what the scoring rule's accumulate read.
 */
final class TraceBuilder {

    private static final FixedPoint FOUR_PLACES = new FixedPoint("%.4f");
    private static final FixedPoint TWO_PLACES = new FixedPoint("%.2f");
    private static final FixedPoint SIGNED_TWO_PLACES = new FixedPoint("%+.2f");

    private final RuleBase rules;
    /** Indicators in the order of the rules' vocabulary, then any other fact by its text. */
    private final Comparator<Object> premiseOrder;
    private final Justifications justifications;
    private final Conclusions conclusions;
    /**
     * The nodes of each fact already built. A judgment that several pieces of support rest
     * on appears under each of them; its subtree depends only on the fact, so it is built
     * once and shared (nodes are immutable).
     */
    private final Map<Object, List<TraceNode>> built = new IdentityHashMap<>();

    TraceBuilder(RuleBase rules, Justifications justifications, Conclusions conclusions) {
        this.rules = rules;
        this.premiseOrder = Justifications.indicatorsInOrder(rules.knowledgeBase().vocabulary()).thenComparing(String::valueOf);
        this.justifications = justifications;
        this.conclusions = conclusions;
    }

    /** The outlooks (ranked), then the evaluation, then the prescriptions. */
    List<TraceNode> build() {
        return Stream.of(conclusions.scores(), conclusions.evaluation(), conclusions.prescriptions())
                .flatMap(List::stream).flatMap(fact -> nodes(fact).stream()).toList();
    }

    /** The proof trees of each judgment that holds. */
    Map<String, List<TraceNode>> judgments() {
        return conclusions.judgments().stream().collect(Collectors.toMap(Judgment::id, this::nodes));
    }

    /** One node per justification of a fact (a stated indicator has one, with no rule). */
    private List<TraceNode> nodes(Object fact) {
        // Not computeIfAbsent: building a fact's nodes builds (and remembers) those of its premises.
        List<TraceNode> nodes = built.get(fact);
        if (nodes == null) {
            if (fact instanceof Indicator i) {
                nodes = List.of(new TraceNode("indicator", i.id() + " = " + i.level(), null, null, null, null, i.confidence(), i.note(),
                        List.of()));
            } else {
                nodes = new ArrayList<>();
                for (Justification j : justifications.of(fact)) {
                    nodes.add(node(fact, j));
                }
                nodes = List.copyOf(nodes);
            }
            built.put(fact, nodes);
        }
        return nodes;
    }

    private TraceNode node(Object fact, Justification justification) {
        Optional<RuleInfo> info = rules.rule(justification.rule());
        String title = info.map(RuleInfo::title).orElse(null);
        String source = info.map(RuleInfo::source).orElse(null);
        List<TraceNode> because = new ArrayList<>();
        String kind;
        String conclusion;
        Double weight = null;
        Double confidence = null;
        if (fact instanceof ScenarioScore s) {
            kind = "scenario";
            conclusion = s.scenario() + ": " + FOUR_PLACES.format(s.score()) + " (" + s.likelihood() + "), rank " + s.shownRank(conclusions.scores());
            conclusions.supports().stream()
                    .filter(p -> p.scenario().equals(s.scenario()))
                    .sorted(Comparator.comparingDouble(Support::magnitude).reversed().thenComparing(Support::rule)
                            .thenComparing(this::premises, this::comparePremises))
                    .forEach(p -> because.addAll(nodes(p)));
        } else if (fact instanceof Support p) {
            kind = "support";
            conclusion = (p.weight() >= 0 ? "for" : "against") + " " + p.scenario() + ": " + SIGNED_TWO_PLACES.format(p.weight())
                    + " x " + TWO_PLACES.format(p.confidence()) + " = " + SIGNED_TWO_PLACES.format(p.contribution());
            weight = p.weight();
            confidence = p.confidence();
            premises(justification, because);
        } else if (fact instanceof Judgment j) {
            kind = "judgment";
            conclusion = j.id();
            confidence = j.confidence();
            premises(justification, because);
        } else if (fact instanceof Leading l) {
            kind = "leading";
            conclusion = "leading outlook: " + l.scenario();
        } else if (fact instanceof Evaluation e) {
            kind = "evaluation";
            conclusion = e.scenario() + " / " + e.aspect() + ": " + e.text();
            // The paragraph of this aspect, not the rule's list of all its aspects' paragraphs.
            source = e.source();
            premises(justification, because);
        } else if (fact instanceof Prescription p) {
            kind = "prescription";
            conclusion = p.id() + (p.met() ? " met" : " unmet");
            // The recommendation's paragraph, not the generic rule's ¶9-¶12.
            source = p.recommendation().source();
            premises(justification, because);
        } else if (fact instanceof Recommendation r) {
            kind = "recommendation";
            conclusion = r.actor() + ": " + r.text();
        } else {
            kind = fact.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            conclusion = String.valueOf(fact);
            premises(justification, because);
        }
        return new TraceNode(kind, conclusion, justification.rule(), title, source, weight, confidence, null, because);
    }

    /** What a fact rests on: the facts its (first) justification matched. */
    private List<Object> premises(Object fact) {
        List<Justification> why = justifications.of(fact);
        return why.isEmpty() ? List.of() : why.get(0).premises();
    }

    /**
     * Orders equal pieces of support from one rule (one per hotspot, say) by what they rest
     * on, indicators in vocabulary order, so that the trace does not depend on the order of
     * working memory.
     */
    private int comparePremises(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = premiseOrder.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private void premises(Justification justification, List<TraceNode> because) {
        for (Object premise : justification.premises()) {
            if (premise instanceof Leading l) {
                // The leader's own tree is the scenario node; refer to it without repeating it.
                because.add(new TraceNode("leading", "leading outlook: " + l.scenario(), null, null, null, null, null, null, List.of()));
            } else {
                because.addAll(nodes(premise));
            }
        }
    }
}
