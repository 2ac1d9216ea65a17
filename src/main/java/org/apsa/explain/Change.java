package org.apsa.explain;

/** One indicator changed from a level (null: unknown) to another. */
public record Change(String indicator, String from, String to) {

    @Override
    public String toString() {
        return indicator + ": " + (from == null ? "unknown" : from) + " -> " + to;
    }
}
