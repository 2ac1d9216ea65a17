package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.InputProblem;
import org.apsa.fact.InvalidFactSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleTestReaderTest {

    private final RuleTestReader reader = new RuleTestReader(KnowledgeBase.embedded());

    private List<InputProblem> problems(String text) {
        return assertThrows(InvalidFactSetException.class, () -> reader.parse("t.json", text)).problems();
    }

    private static void assertMentions(List<InputProblem> problems, String... parts) {
        String all = problems.stream().map(InputProblem::format).reduce("", (a, b) -> a + b + "\n");
        for (String part : parts) {
            assertTrue(all.contains(part), "expected \"" + part + "\" in:\n" + all);
        }
    }

    /** Files as Windows editors save them: with a byte-order mark, or in Latin-1. */
    @Test
    void aTestFileIsReadAsUtf8WithOrWithoutAByteOrderMark(@TempDir Path dir) throws Exception {
        Path marked = dir.resolve("o-bom.json");
        Files.write(marked, ("\uFEFF{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expect\": { \"leading\": \"chaos\" } }\n")
                .getBytes(StandardCharsets.UTF_8));
        Path latin1 = dir.resolve("i-latin1.json");
        Files.write(latin1, "{ \"description\": \"\u00b6 9\", \"facts\": { \"id\": \"x\", \"indicators\": {} } }\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("chaos", reader.read(marked).expect().leading());
        List<InputProblem> problems = assertThrows(InvalidFactSetException.class, () -> reader.read(latin1)).problems();
        assertEquals(List.of(latin1 + ":1:19: not UTF-8 text (byte 0xB6); save the file as UTF-8"),
                problems.stream().map(InputProblem::format).toList());
    }

    @Test
    void readsAWellFormedTest() {
        RuleTest test = reader.parse("rules/tests/x.json", """
                { "description": "d",
                  "facts": { "id": "x", "indicators": { "usChina.strategicDistrust": "high" } },
                  "expect": { "leading": "polarization", "judgments": { "present": ["a"] },
                              "scores": { "chaos": { "max": 0.3 } }, "notFired": ["r"] } }
                """);
        assertEquals("x", test.name());
        assertEquals("high", test.facts().indicators().get("usChina.strategicDistrust").level());
        assertEquals("polarization", test.expect().leading());
        assertEquals(List.of("a"), test.expect().judgments().present());
        assertEquals(0.3, test.expect().scores().get("chaos").max());
        assertEquals(List.of("r"), test.expect().notFired());
    }

    @Test
    void misspeltExpectationKeyNamesTheFieldAndTheFix() {
        List<InputProblem> p = problems("""
                { "facts": { "id": "x", "indicators": {} },
                  "expect": { "judgments": { "presnt": ["a"] } } }
                """);
        assertMentions(p, "t.json:2:", "unknown key \"presnt\" in expect.judgments", "did you mean \"present\"", "allowed: absent, present");
    }

    @Test
    void misspeltTopLevelKeyIsAnError() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expected\": { \"leading\": \"chaos\" } }"),
                "unknown key \"expected\"", "did you mean \"expect\"");
    }

    @Test
    void invalidFactsAreReportedAtTheirPositionInTheTestFile() {
        List<InputProblem> p = problems("""
                {
                  "facts": {
                    "id": "x",
                    "indicators": { "usChina.strategicDistrst": "high" }
                  },
                  "expect": { "leading": "chaos" } }
                """);
        assertEquals(1, p.size(), p.toString());
        assertEquals(4, p.get(0).line());
        assertEquals(21, p.get(0).column());
        assertMentions(p, "did you mean \"usChina.strategicDistrust\"");
    }

    @Test
    void unknownOutlookIsAnError() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expect\": { \"leading\": \"polarisation\" } }"),
                "expect.leading \"polarisation\" is not an outlook", "did you mean \"polarization\"");
    }

    @Test
    void scoreBoundGivenAsTextIsAnError() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expect\": { \"scores\": { \"chaos\": { \"min\": \"0.1\" } } } }"),
                "expect.scores.chaos.min must be a number");
    }

    @Test
    void ruleNameGivenAsAStringInsteadOfAListIsAnError() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expect\": { \"fired\": \"Score the four outlooks\" } }"),
                "expect.fired must be a list of strings");
    }

    @Test
    void emptyExpectationCannotFailAndIsRejected() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} }, \"expect\": { } }"), "checks nothing");
    }

    @Test
    void contradictoryExpectationIsRejected() {
        assertMentions(problems("""
                { "facts": { "id": "x", "indicators": {} },
                  "expect": { "fired": ["r"], "notFired": ["r"], "scores": { "chaos": { "min": 0.6, "max": 0.4 } } } }
                """), "both as fired and as notFired: r", "min 0.6 is above max 0.4");
    }

    @Test
    void missingFactsAndExpectAreNamed() {
        assertMentions(problems("{ \"description\": \"d\" }"), "missing \"facts\"", "missing \"expect\"");
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() {
        assertMentions(problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} },\n  \"expect\": { \"leading\": } }"),
                "t.json:2:", "malformed JSON");
    }

    @Test
    void malformedJsonIsSaidInJsonTermsWithoutTheParsersInternals() {
        List<InputProblem> problems = problems("{ \"facts\": { \"id\": \"x\", \"indicators\": {} },\n  \"expect\": { \"fired\": [\"a\" } }");

        assertMentions(problems, "t.json:2:", "unexpected close marker '}': expected ']'");
        String all = problems.stream().map(InputProblem::format).reduce("", String::concat);
        assertTrue(!all.contains("REDACTED") && !all.contains("StreamReadFeature") && !all.contains("Source:"), all);
    }
}
