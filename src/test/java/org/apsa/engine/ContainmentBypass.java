package org.apsa.engine;

/**
 * Switches the engine's guards off for the sessions opened afterwards in this process
 * ({@link Containment#bypassed}): what the containment benchmark compares the shipped
 * engine with. Only for a process of its own, such as a JMH fork.
 */
public final class ContainmentBypass {

    private ContainmentBypass() {
    }

    public static void set(boolean bypassed) {
        Containment.bypassed = bypassed;
    }
}
