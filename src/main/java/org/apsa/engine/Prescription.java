package org.apsa.engine;

/** Whether this fact set meets one recommendation; unknown indicators do not meet it. */
public record Prescription(Recommendation recommendation, boolean met) {

    public String id() {
        return recommendation.id();
    }
}
