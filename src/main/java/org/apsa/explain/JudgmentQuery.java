package org.apsa.explain;

import org.apsa.engine.Assessment;
import org.apsa.engine.TraceNode;
import org.apsa.fact.Reading;
import org.apsa.rulebase.DrlModel;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code explain} answers when asked about an id as a judgment: the proof trees of a
 * judgment that holds; for one that the rules can draw but did not draw for this fact set,
 * that it does not hold and which rules could draw it, with their conditions as written and
 * how the fact set stands on what they name; for an indicator id, that it is an indicator and
 * how the fact set states it. An id that is none of these is {@link Unknown}.
 *
 * <p>The conditions are shown, not evaluated: whether a rule matches is for the rules alone
 * to decide, so the answer never re-derives a conclusion by a second path.
 */
public final class JudgmentQuery {

    /** One of the answers below. */
    public sealed interface Answer permits Holds, DoesNotHold, IsIndicator, Unknown {

        String id();
    }

    /** The judgment holds: its proof trees. */
    public record Holds(String id, List<TraceNode> trees) implements Answer {
    }

    /**
     * The judgment does not hold for the fact set: no rule drew it.
     *
     * @param drawnBy  the rules whose consequence draws it, none of which fired
     * @param complete false when some rule computes a judgment id, so that other rules might
     *                 draw it too
     */
    public record DoesNotHold(String id, String factSet, List<Drawer> drawnBy, boolean complete) implements Answer {
    }

    /**
     * A rule that can draw the judgment: its conditions as written, and how the fact set
     * stands on the indicators and judgments they name.
     *
     * @param indicators each indicator named, with its reading; null when unknown
     * @param judgments  each judgment named, with whether it holds
     */
    public record Drawer(RuleInfo rule, List<String> conditions, Map<String, Reading> indicators,
                         Map<String, Boolean> judgments) {
    }

    /** The id is an indicator's: how the fact set states it (null reading: unknown). */
    public record IsIndicator(String id, String factSet, Reading reading) implements Answer {
    }

    /**
     * No judgment of that id holds and no rule draws one, nor is it an indicator.
     *
     * @param judgments the judgment ids the rules can draw, and those that hold
     */
    public record Unknown(String id, Set<String> judgments) implements Answer {
    }

    private JudgmentQuery() {
    }

    public static Answer ask(RuleBase rules, Assessment assessment, String id) {
        List<TraceNode> trees = assessment.judgmentTrace().get(id);
        if (trees != null) {
            return new Holds(id, trees);
        }
        String factSet = assessment.factSet().id();
        if (rules.knowledgeBase().vocabulary().find(id).isPresent()) {
            return new IsIndicator(id, factSet, assessment.factSet().indicators().get(id));
        }
        Optional<Set<String>> drawable = rules.judgmentIds();
        Set<String> judgments = new TreeSet<>(assessment.judgmentTrace().keySet());
        drawable.ifPresent(judgments::addAll);
        List<DrlModel.Rule> derivations = rules.derivations(id);
        if (derivations.isEmpty() && drawable.isPresent() && !drawable.get().contains(id)) {
            return new Unknown(id, Collections.unmodifiableSet(judgments));
        }
        List<Drawer> drawers = derivations.stream().map(d -> drawer(d, rules, assessment, judgments)).toList();
        return new DoesNotHold(id, factSet, drawers, drawable.isPresent());
    }

    /** A rule that draws the judgment, with the indicators and judgments its conditions compare. */
    private static Drawer drawer(DrlModel.Rule d, RuleBase rules, Assessment assessment, Set<String> judgments) {
        Map<String, Reading> indicators = new LinkedHashMap<>();
        Map<String, Boolean> named = new LinkedHashMap<>();
        d.indicatorsRead().stream().filter(id -> assessment.knowledgeBase().vocabulary().find(id).isPresent())
                .forEach(id -> indicators.put(id, assessment.factSet().indicators().get(id)));
        d.judgmentsRead().stream().filter(judgments::contains).forEach(id -> named.put(id, assessment.holds(id)));
        return new Drawer(rules.rule(d.name()).orElse(null), d.conditions(), Collections.unmodifiableMap(indicators),
                Collections.unmodifiableMap(named));
    }
}
