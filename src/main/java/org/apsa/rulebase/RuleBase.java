package org.apsa.rulebase;

import org.apsa.fact.KnowledgeBase;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A compiled rule base: an immutable snapshot of the rules folder at one moment. Sessions
 * made from it are independent; a reload builds a new snapshot beside this one.
 */
public final class RuleBase {

    private final KieBase kieBase;
    private final Path folder;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byName;
    private final String fingerprint;
    private final boolean fromCache;
    /** The rules as Drools' parser read them when they compiled; from the cache, read when first asked for. */
    private final Supplier<DrlModel> model;
    /** By the types read, the rules that cannot change the facts of those types. */
    private final Map<List<Class<?>>, Set<Rule>> irrelevant = new ConcurrentHashMap<>();
    private final Map<List<Class<?>>, Optional<AgendaFilter>> filters = new ConcurrentHashMap<>();
    /** By the types read, a copy of the rule base without the rules that cannot change their facts. */
    private final Map<List<Class<?>>, KieBase> leanBases = new ConcurrentHashMap<>();
    private final List<String> warnings;
    private final KnowledgeBase knowledgeBase;

    /**
     * The knowledge base of each rule base in use, by its compiled rules: a rule's consequence
     * (the scoring rule, a Support checking its outlook) knows only its session's KieBase.
     * Weak keys: a rule base no longer used leaves with its KieBase.
     */
    private static final Map<KieBase, KnowledgeBase> KNOWLEDGE = Collections.synchronizedMap(new WeakHashMap<>());

    RuleBase(KieBase kieBase, Path folder, List<RuleInfo> rules, String fingerprint, boolean fromCache, Supplier<DrlModel> model,
             List<String> warnings, KnowledgeBase knowledgeBase) {
        this.kieBase = kieBase;
        this.knowledgeBase = knowledgeBase;
        KNOWLEDGE.put(kieBase, knowledgeBase);
        this.warnings = List.copyOf(warnings);
        this.model = model;
        this.folder = folder;
        this.rules = List.copyOf(rules);
        this.byName = this.rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.fingerprint = fingerprint;
        this.fromCache = fromCache;
    }

    /** A new session; the caller must dispose it. */
    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    /**
     * A pool of sessions for a run of many assessments: a session taken from it is reset and
     * put back when disposed, so the next one skips building the session's memories again.
     * Sessions are made on demand, one for each thread using the pool at once. The caller
     * must {@link KieSessionsPool#shutdown() shut it down}, which disposes them for good.
     */
    public KieSessionsPool newSessionPool() {
        return kieBase.newKieSessionsPool(0);
    }

    /**
     * A pool of sessions, as {@link #newSessionPool()}, holding only the rules that
     * {@link #rulesAffecting(Class, Collection)} lets fire: for many questions that read only the
     * facts of {@code types}, which come out as with every rule, without the work of the network
     * of the rules left out (a sixth of an assessment's with the shipped rules). The rule base is
     * copied once, on first use (a tenth of a second), and the copy kept with this snapshot.
     */
    public KieSessionsPool newSessionPool(List<Class<?>> types, Collection<Class<?>> factTypes) {
        return leanBase(types, factTypes).newKieSessionsPool(0);
    }

    /** A new session of the rules {@link #newSessionPool(List, Collection)} holds; the caller must dispose it. */
    public KieSession newSession(List<Class<?>> types, Collection<Class<?>> factTypes) {
        return leanBase(types, factTypes).newKieSession();
    }

    private KieBase leanBase(List<Class<?>> types, Collection<Class<?>> factTypes) {
        return leanBases.computeIfAbsent(List.copyOf(types), t -> {
            Set<Rule> skip = rulesNotAffecting(t, factTypes);
            if (skip.isEmpty() || !(kieBase instanceof InternalKnowledgeBase whole)) {
                return kieBase;
            }
            // Adding the packages to another base clones them, so removing rules leaves this base whole.
            InternalKnowledgeBase lean = KnowledgeBaseFactory.newKnowledgeBase(whole.getConfiguration());
            lean.addPackages(whole.getKiePackages());
            skip.forEach(rule -> lean.removeRule(rule.getPackageName(), rule.getName()));
            // Its sessions speak of this rule base's knowledge base, as those of the whole one do.
            KNOWLEDGE.put(lean, knowledgeBase);
            return lean;
        });
    }

    /**
     * A filter that lets fire only the rules that can change which facts of {@code type} a
     * session holds, for questions that read nothing else; empty when every rule can. A rule
     * is left out when its consequence does nothing but insert new facts made of literals and
     * variables (as {@link DrlModel.Rule#inserts()} reads it; such a consequence cannot fail) of the given
     * fact types, none of which is {@code type} or matches a pattern of a rule that is kept;
     * when it is in no activation group; and when it cannot come to match its own facts (so it
     * cannot loop). The patterns are read from the compiled network, so a type matched anywhere,
     * in a {@code not}, an {@code accumulate} or a query, counts. Firing without the rules left
     * out leaves the facts of {@code type} as firing all would.
     *
     * @param factTypes the classes a consequence may insert for its rule to be left out; the
     *                  same for every call
     */
    public Optional<AgendaFilter> rulesAffecting(Class<?> type, Collection<Class<?>> factTypes) {
        return filters.computeIfAbsent(List.of(type), t -> {
            Set<Rule> skip = rulesNotAffecting(t, factTypes);
            return skip.isEmpty() ? Optional.empty() : Optional.of(match -> !skip.contains(match.getRule()));
        });
    }

    private Set<Rule> rulesNotAffecting(List<Class<?>> types, Collection<Class<?>> factTypes) {
        return irrelevant.computeIfAbsent(types, t -> irrelevantTo(t, factTypes));
    }

    private Set<Rule> irrelevantTo(List<Class<?>> types, Collection<Class<?>> factTypes) {
        if (!(kieBase instanceof InternalRuleBase network)) {
            return Set.of();
        }
        // The candidates: rules whose consequence only inserts facts of the given types.
        Map<String, Class<?>> known = factTypes.stream().collect(Collectors.toMap(Class::getName, Function.identity(), (a, b) -> b));
        Map<String, List<String>> outputs = outputs();
        Map<Rule, List<Class<?>>> leftOut = new IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                List<String> inserted = outputs.get(rule.getPackageName() + '\u0000' + rule.getName());
                if (inserted == null || !(rule instanceof RuleImpl impl) || impl.isQuery() || impl.hasNamedConsequences()
                        || (impl.getActivationGroup() != null && !impl.getActivationGroup().isEmpty())) {
                    continue;
                }
                List<Class<?>> classes = inserted.stream().map(known::get).toList();
                if (!classes.contains(null)) {
                    leftOut.put(rule, classes);
                }
            }
        }
        // What each rule (and query) matches, by type; null for a type that is not a class: it may match anything.
        Map<Class<?>, Set<Rule>> readers = new LinkedHashMap<>();
        for (ObjectTypeNode node : network.getRete().getObjectTypeNodes()) {
            Class<?> read = node.getObjectType() instanceof ClassObjectType c ? c.getClassType() : null;
            Set<Rule> by = readers.computeIfAbsent(read, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
            Collections.addAll(by, node.getAssociatedRules());
        }
        // Keep every rule whose facts the question reads or a kept rule may match, and every rule
        // that may match its own facts through rules left out (left out, it could not loop), until none changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = leftOut.entrySet().iterator(); it.hasNext(); ) {
                if (needed(it.next().getValue(), types, readers, leftOut)) {
                    it.remove();
                    changed = true;
                }
            }
            for (Rule rule : List.copyOf(leftOut.keySet())) {
                if (feedsItself(rule, readers, leftOut)) {
                    leftOut.remove(rule);
                    changed = true;
                }
            }
        }
        return Collections.unmodifiableSet(leftOut.keySet());
    }

    /** The rules (and queries) that may match a fact of class {@code made}. */
    private static Stream<Rule> readers(Class<?> made, Map<Class<?>, Set<Rule>> readers) {
        return readers.entrySet().stream().filter(read -> read.getKey() == null || read.getKey().isAssignableFrom(made))
                .flatMap(read -> read.getValue().stream());
    }

    /** Whether a rule left out may, through rules left out, come to match the facts it inserts. */
    private static boolean feedsItself(Rule rule, Map<Class<?>, Set<Rule>> readers, Map<Rule, List<Class<?>>> leftOut) {
        Set<Rule> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Rule> next = new ArrayList<>(List.of(rule));
        while (!next.isEmpty()) {
            for (Rule r : leftOut.get(next.remove(next.size() - 1)).stream().flatMap(made -> readers(made, readers))
                    .filter(leftOut::containsKey).toList()) {
                if (r == rule) {
                    return true;
                }
                if (seen.add(r)) {
                    next.add(r);
                }
            }
        }
        return false;
    }

    private static boolean needed(List<Class<?>> inserted, List<Class<?>> types, Map<Class<?>, Set<Rule>> readers,
                                  Map<Rule, List<Class<?>>> leftOut) {
        return inserted.stream().anyMatch(made -> types.stream().anyMatch(type -> type.isAssignableFrom(made))
                || readers(made, readers).anyMatch(reader -> !leftOut.containsKey(reader)));
    }

    /**
     * By package and name, the types each rule's consequence inserts, for the rules whose
     * consequence only inserts ({@link DrlModel.Rule#inserts()}); a rule written twice in a
     * package is left out: which text was compiled is not known.
     */
    private Map<String, List<String>> outputs() {
        Map<String, List<String>> outputs = new HashMap<>();
        model().rules().stream().collect(Collectors.groupingBy(rule -> rule.packageName() + '\u0000' + rule.name()))
                .forEach((key, written) -> {
                    if (written.size() == 1 && written.get(0).inserts() != null) {
                        outputs.put(key, written.get(0).inserts());
                    }
                });
        return outputs;
    }

    /**
     * The judgment ids the rules insert, read from the texts compiled (functions included);
     * empty when one is computed ({@code new Judgment($i.id() + ".high", ...)}, {@code "a." + x}), so that no
     * list can be complete.
     */
    public Optional<Set<String>> judgmentIds() {
        return model().judgmentIds();
    }

    /**
     * The rules whose consequence draws the judgment {@code id} (a {@code new Judgment("id", ...)}
     * in its {@code then} part), in rule order, with their conditions as written. A judgment made
     * in a function or with a computed id is not found here (see {@link #judgmentIds}).
     */
    public List<DrlModel.Rule> derivations(String id) {
        return model().rules().stream().filter(r -> r.judgmentsDrawn().contains(id)).toList();
    }

    /** The rules as Drools' parser read them: patterns, constraints, consequences, positions. */
    public DrlModel model() {
        return model.get();
    }

    /** The rules, in file order and within a file in the order written. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The domain these rules speak of: the folder's {@code knowledge-base.json}, or the embedded one's. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /**
     * The knowledge base of the rule base a session was made from; the embedded one for
     * compiled rules no rule base holds.
     */
    public static KnowledgeBase knowledgeBaseOf(KieBase kieBase) {
        KnowledgeBase kb = kieBase == null ? null : KNOWLEDGE.get(kieBase);
        return kb == null ? KnowledgeBase.embedded() : kb;
    }

    public Path folder() {
        return folder;
    }

    /** A hash of the DRL files this was compiled from. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether the rules came from the compiled-rule cache rather than a compile of the DRL. */
    public boolean fromCache() {
        return fromCache;
    }

    /** The warnings the checks of the rule base gave when it was loaded ({@link RuleChecks}), as {@code rules validate} prints them. */
    public List<String> warnings() {
        return warnings;
    }
}
