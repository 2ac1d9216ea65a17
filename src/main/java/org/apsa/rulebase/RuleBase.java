package org.apsa.rulebase;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private final Instant compiledAt;
    private final boolean fromCache;

    RuleBase(KieBase kieBase, Path folder, List<RuleInfo> rules, String fingerprint, boolean fromCache) {
        this.kieBase = kieBase;
        this.folder = folder;
        this.rules = List.copyOf(rules);
        this.byName = this.rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.fingerprint = fingerprint;
        this.compiledAt = Instant.now();
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

    /** The rules, in file order and within a file in the order written. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Path folder() {
        return folder;
    }

    /** A hash of the DRL files this was compiled from. */
    public String fingerprint() {
        return fingerprint;
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    /** Whether the rules came from the compiled-rule cache rather than a compile of the DRL. */
    public boolean fromCache() {
        return fromCache;
    }
}
