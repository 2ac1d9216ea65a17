package org.apsa;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe defaults that a review could miss when the code changes: no polymorphic JSON binding
 * (class names taken from input), log messages never built from input (a log pattern is
 * data, never text the user wrote), a Log4j2 with the 2025-2026 CVE fixes and a Jackson
 * outside the async parser's advisories.
 * docs/reliability.md gives the trust model these serve.
 */
class SecurityHygieneTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Jackson would instantiate any class an input names. */
    private static final Pattern POLYMORPHIC = Pattern.compile(
            "activateDefaultTyping|enableDefaultTyping|JsonTypeInfo|ObjectInputStream|XMLDecoder|Class\\.forName");

    /** A call on a logger whose message is not a string literal, or is a literal with something added to it. */
    private static final Pattern LOG_CALL = Pattern.compile(
            "\\b(?:LOG|log|logger|LOGGER)\\s*\\.\\s*(?:trace|debug|info|warn|error|fatal|log)\\s*\\(");
    /** A Java string literal followed by the end of the first argument. */
    private static final Pattern LITERAL_ARGUMENT = Pattern.compile("\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*[,)]");

    /**
     * The one class looked up by name: a fact type named in a Drools message, looked up only
     * when the rules import it (Drools has loaded it already to compile them), for its fields.
     */
    private static final String IMPORTED_FACT_TYPE = "src/main/java/org/apsa/rulebase/DroolsErrors.java:"
            + ".*Class\\.forName\\(name, false, DroolsErrors\\.class\\.getClassLoader\\(\\)\\);";

    @Test
    void noJsonBindingTakesClassNamesFromInput() throws IOException {
        List<String> found = matches(POLYMORPHIC);
        assertThat(found).allMatch(line -> line.matches(IMPORTED_FACT_TYPE));
        assertThat(found).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void everyLogMessageIsALiteralPatternWithParameters() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher m = LOG_CALL.matcher(text);
            while (m.find()) {
                Matcher literal = LITERAL_ARGUMENT.matcher(text).region(m.end(), text.length());
                if (!literal.lookingAt()) {
                    int end = text.indexOf('\n', m.end());
                    offending.add(file + ": " + text.substring(m.start(), end < 0 ? text.length() : end).strip());
                }
            }
        }
        assertThat(offending).as("log calls whose message is built, not a literal pattern").isEmpty();
    }

    @Test
    void log4jIsAtLeastTwoTwentyFiveFour() {
        String version = LoggerContext.class.getPackage().getImplementationVersion();
        assertThat(version).as("log4j-core version").isNotNull();
        int[] parts = Arrays.stream(version.split("[.-]")).limit(3).mapToInt(Integer::parseInt).toArray();
        assertThat(parts[0] * 1_000_000 + parts[1] * 1_000 + parts[2]).as("log4j-core " + version).isGreaterThanOrEqualTo(2_025_004);
    }

    /**
     * jackson-core before 2.22.1 is inside the advisories on the async parser's number-length
     * limit (GHSA-72hv-8253-57qq, GHSA-r7wm-3cxj-wff9). Only the blocking parser runs here, with
     * explicit limits, but scanners flag the version all the same.
     */
    @Test
    void jacksonIsOutsideTheAsyncParserNumberLengthAdvisories() {
        for (com.fasterxml.jackson.core.Version version : List.of(com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION)) {
            assertThat(version.getMajorVersion() * 1_000_000 + version.getMinorVersion() * 1_000 + version.getPatchLevel())
                    .as(version.getGroupId() + ":" + version.getArtifactId() + " " + version).isGreaterThanOrEqualTo(2_022_001);
        }
    }

    private static List<String> matches(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
