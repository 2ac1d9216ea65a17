package org.apsa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for rendered output (colour off), under src/test/resources/golden. When a
 * change of rules or rendering is intended, rewrite them with
 * {@code mvn test -Dapsa.golden.update=true} and review the diff before committing.
 */
public final class Golden {

    private static final Path FOLDER = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = FOLDER.resolve(name);
        try {
            if (Boolean.getBoolean("apsa.golden.update")) {
                Files.createDirectories(FOLDER);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (rewrite with -Dapsa.golden.update=true)", file).exists();
            assertThat(actual).as("output against golden file %s (if the change is intended, rewrite with "
                    + "-Dapsa.golden.update=true and review the diff)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read or write " + file, e);
        }
    }
}
