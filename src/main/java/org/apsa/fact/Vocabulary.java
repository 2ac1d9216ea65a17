package org.apsa.fact;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The indicators an analyst can state in one knowledge base, read from its
 * {@code knowledge-base.json}. Validation, the JSON Schema, completion in the shell and the
 * docs all read them from there; adding an indicator means adding it to that file (and a
 * rule that reads it).
 */
public final class Vocabulary {

    private final String version;
    private final List<IndicatorDef> indicators;
    private final Map<String, IndicatorDef> byId;
    /** Each id's position; sorting fact sets asks it for every indicator of every record. */
    private final Map<String, Integer> order;
    private final List<String> ids;
    /** Fact sets hash their vocabulary; its indicators are many records. */
    private final int hash;

    /** The indicators of a knowledge base, whose ids it has checked to be unique. */
    public Vocabulary(String version, List<IndicatorDef> indicators) {
        this.version = version;
        this.indicators = List.copyOf(indicators);
        this.ids = this.indicators.stream().map(IndicatorDef::id).toList();
        this.byId = this.indicators.stream().collect(Collectors.toUnmodifiableMap(IndicatorDef::id, def -> def));
        this.order = IntStream.range(0, ids.size()).boxed().collect(Collectors.toUnmodifiableMap(ids::get, i -> i));
        this.hash = 31 * version.hashCode() + this.indicators.hashCode();
    }

    /** The vocabulary's version, as the knowledge base declares it. */
    public String version() {
        return version;
    }

    /** All indicators, in the knowledge base's order. */
    public List<IndicatorDef> indicators() {
        return indicators;
    }

    public Optional<IndicatorDef> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The position of an indicator in the vocabulary; used to print fact sets in a stable order. */
    public int order(String id) {
        Integer position = id == null ? null : order.get(id);
        return position == null ? Integer.MAX_VALUE : position;
    }

    /** The closest known id to a mistyped one, when it is close enough to be a likely typo. */
    public Optional<String> suggest(String unknown) {
        return Suggestions.closest(unknown, ids);
    }

    public Comparator<String> idOrder() {
        return Comparator.comparingInt(this::order).thenComparing(Comparator.naturalOrder());
    }

    /** Two vocabularies are equal when they declare the same indicators in the same order (a knowledge base read twice). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Vocabulary v && version.equals(v.version) && indicators.equals(v.indicators);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "vocabulary v" + version + " " + ids;
    }
}
