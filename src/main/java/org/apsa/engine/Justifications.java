package org.apsa.engine;

import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.apsa.fact.Vocabulary;
import org.apsa.rulebase.RuleBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, from the session's truth maintenance, why each logically inserted fact holds: the
 * matches (rule and matched facts) that justify it now. A judgment that lost its support
 * is gone from working memory and so from here; nothing is re-derived.
 *
 * <p>Drools offers this only through its internal API; this class is the one place that
 * touches it.
 */
final class Justifications {

    /** One rule match that holds a fact up. */
    record Justification(String rule, List<Object> premises) {
    }

    private final Map<Object, List<Justification>> byFact;
    private final List<Object> facts;

    private Justifications(int size) {
        byFact = new IdentityHashMap<>(size);
        facts = new ArrayList<>(size);
    }

    static Justifications of(KieSession session) {
        Justifications result = new Justifications((int) session.getFactCount());
        Comparator<Object> order = indicatorsInOrder(RuleBase.knowledgeBaseOf(session.getKieBase()).vocabulary());
        for (FactHandle handle : session.getFactHandles()) {
            Object fact = ((InternalFactHandle) handle).getObject();
            result.facts.add(fact);
            result.byFact.put(fact, justificationsOf((InternalFactHandle) handle, order));
        }
        return result;
    }

    /** Every fact in working memory, stated or inferred. */
    List<Object> facts() {
        return facts;
    }

    /** The matches that justify a fact; empty for a stated fact. */
    List<Justification> of(Object fact) {
        return byFact.getOrDefault(fact, List.of());
    }

    /** Indicators in the vocabulary's order, before any other fact (whose order it leaves). */
    static Comparator<Object> indicatorsInOrder(Vocabulary vocabulary) {
        return Comparator.comparingInt(f -> f instanceof Indicator i ? vocabulary.order(i.id()) : Integer.MAX_VALUE);
    }

    /** The facts a matched object holds: itself, or the facts an accumulate collected. */
    private static void addFacts(Object premise, List<Object> into, Comparator<Object> order) {
        if (premise instanceof Iterable<?> collected) {
            // What an accumulate collected comes in working-memory order; show it in vocabulary order.
            List<Object> items = new ArrayList<>();
            collected.forEach(item -> addFacts(item, items, order));
            items.sort(order);
            into.addAll(items);
        } else if (premise instanceof Object[] results) {
            for (Object item : results) {
                addFacts(item, into, order);
            }
        } else if (premise != null && premise.getClass().getPackageName().equals(Justifications.class.getPackageName())) {
            into.add(premise);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Justification> justificationsOf(InternalFactHandle handle, Comparator<Object> order) {
        EqualityKey key = handle.getEqualityKey();
        if (!(key instanceof TruthMaintenanceSystemEqualityKey tmsKey) || tmsKey.getBeliefSet() == null) {
            return List.of();
        }
        BeliefSet beliefs = tmsKey.getBeliefSet();
        List<Justification> result = new ArrayList<>();
        for (SimpleMode mode = (SimpleMode) beliefs.getFirst(); mode != null; mode = mode.getNext()) {
            LogicalDependency dependency = mode.getObject();
            InternalMatch match = dependency.getJustifier();
            List<Object> premises = new ArrayList<>();
            for (Object premise : match.getObjects()) {
                addFacts(premise, premises, order);
            }
            result.add(new Justification(match.getRule().getName(), premises));
        }
        return result;
    }
}
