package org.apsa.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * The entry point of a coverage-guided fuzzing run with Jazzer's own driver
 * (docs/reliability.md), checking what {@link AssessFuzzTest} checks. It is a class of its own
 * because the driver treats a class with a {@code @FuzzTest} method as a JUnit test and then
 * instruments nothing, so the fuzzer runs blind.
 */
public final class AssessFuzzTarget {

    private AssessFuzzTarget() {
    }

    /** Compiles the shipped rules before the first input, so that the per-input timeout measures assessments only. */
    public static void fuzzerInitialize() {
        AssessFuzzTest.rules();
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        AssessFuzzTest.check(data);
    }
}
