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

    /** Loads (and so instruments) the reader's classes before the first input, which the per-input timeout would otherwise count. */
    public static void fuzzerInitialize() throws IOException {
        FactSetReaderFuzzTest.check("{\"id\": \"warm-up\", \"indicators\": {\"mechanism.sco\": {\"level\": \"low\", \"confidence\": 0.5}}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void fuzzerTestOneInput(byte[] bytes) throws IOException {
        FactSetReaderFuzzTest.check(bytes);
    }
}
