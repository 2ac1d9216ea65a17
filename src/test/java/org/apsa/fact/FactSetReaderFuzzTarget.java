package org.apsa.fact;

import java.io.IOException;

/**
 * The entry point of a coverage-guided fuzzing run with Jazzer's own driver
 * (docs/reliability.md), checking what {@link FactSetReaderFuzzTest} checks. It is a class of its own
 * because the driver treats a class with a {@code @FuzzTest} method as a JUnit test and then
 * instruments nothing, so the fuzzer runs blind.
 */
public final class FactSetReaderFuzzTarget {

    private FactSetReaderFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] bytes) throws IOException {
        FactSetReaderFuzzTest.check(bytes);
    }
}
