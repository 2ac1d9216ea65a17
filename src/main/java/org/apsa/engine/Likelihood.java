package org.apsa.engine;

/**
 * The ICD 203 expressions of likelihood and the probability band of each. A band holds its
 * lower bound and not its upper one (0.20 is "unlikely", not "very unlikely"); the last
 * band runs up to and including 1.
 */
public enum Likelihood {
    ALMOST_NO_CHANCE("almost no chance", 0.00),
    VERY_UNLIKELY("very unlikely", 0.05),
    UNLIKELY("unlikely", 0.20),
    ROUGHLY_EVEN_CHANCE("roughly even chance", 0.45),
    LIKELY("likely", 0.55),
    VERY_LIKELY("very likely", 0.80),
    ALMOST_CERTAIN("almost certain", 0.95);

    private final String term;
    private final double from;

    Likelihood(String term, double from) {
        this.term = term;
        this.from = from;
    }

    public String term() {
        return term;
    }

    public static Likelihood of(double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        }
        Likelihood band = ALMOST_NO_CHANCE;
        for (Likelihood candidate : values()) {
            if (probability >= candidate.from) {
                band = candidate;
            }
        }
        return band;
    }
}
