package org.apsa;

import org.assertj.core.util.diff.DiffUtils;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files for rendered output (colour off), under src/test/resources/golden. When a
 * change of rules or rendering is intended, rewrite them all with one command and review the
 * diff before committing:
 *
 * <pre>mvn test -Dtest='GoldenOutputTest,BaselineExplanationTest,ExplanationTest,ComparisonTest,HelpTest' -Dapsa.golden.update=true</pre>
 *
 * (or {@code mvn test -Dapsa.golden.update=true} for every test that has golden files). A
 * mismatch fails with a unified diff of the golden file against the output.
 */
public final class Golden {

    /** The switch that rewrites the golden files instead of comparing with them. */
    public static final String UPDATE = "apsa.golden.update";

    private static final Path FOLDER = Path.of("src/test/resources/golden");
    /** The diff lines a failure shows; the rest is summarised. */
    private static final int SHOWN_DIFF_LINES = 80;

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = FOLDER.resolve(name);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file + "; write it with -D" + UPDATE + "=true and review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionFailedError(file + " differs from the output (- golden, + output); if the change is intended,"
                        + " rewrite it with -D" + UPDATE + "=true and review the diff:\n" + diff(file, expected, actual), expected, actual);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read or write " + file, e);
        }
    }

    /** A unified diff of two texts, line by line, cut after {@value #SHOWN_DIFF_LINES} lines. */
    static String diff(Path file, String expected, String actual) {
        List<String> was = expected.lines().toList();
        List<String> is = actual.lines().toList();
        List<String> diff = DiffUtils.generateUnifiedDiff(file.toString(), "output", was, DiffUtils.diff(was, is), 2);
        if (diff.isEmpty()) {
            return "(the same lines; the line endings or the final newline differ)";
        }
        StringBuilder out = new StringBuilder();
        diff.stream().limit(SHOWN_DIFF_LINES).forEach(line -> out.append(line).append('\n'));
        if (diff.size() > SHOWN_DIFF_LINES) {
            out.append("... ").append(diff.size() - SHOWN_DIFF_LINES).append(" more lines of diff\n");
        }
        return out.toString();
    }
}
