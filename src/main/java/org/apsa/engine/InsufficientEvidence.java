package org.apsa.engine;

/** The evidence is too thin to name a leading outlook; {@code evidence} is how much there was. */
public record InsufficientEvidence(double evidence, double threshold) {
}
