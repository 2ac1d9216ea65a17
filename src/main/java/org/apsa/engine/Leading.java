package org.apsa.engine;

/** The outlook with the highest score, when the evidence is enough to name one. */
public record Leading(String scenario) {
}
