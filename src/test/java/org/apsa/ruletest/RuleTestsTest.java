package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every rule test beside the rules, one JUnit test per file, named after the file. */
class RuleTestsTest {

    @TestFactory
    Stream<DynamicTest> everyRuleTestPasses() {
        List<RuleTest> tests = new RuleTestReader(KnowledgeBase.embedded()).readAll(RuleFixtures.TESTS);
        assertFalse(tests.isEmpty(), "no rule tests found in " + RuleFixtures.TESTS);
        RuleTestRunner runner = new RuleTestRunner(RuleFixtures.ASSESSOR);
        return tests.stream().map(test -> DynamicTest.dynamicTest(test.name(), () -> {
            RuleTestResult result = runner.run(test);
            if (!result.passed()) {
                fail(test.file() + (test.description() == null ? "" : " (" + test.description() + ")") + ":\n  "
                        + String.join("\n  ", result.failures()));
            }
        }));
    }

    /** Rule authors copy the example of rules/README.md into tests/: as written, it must pass. */
    @Test
    void theExampleInTheRulesReadmePassesAsWritten() throws IOException {
        Path readme = RuleFixtures.RULES.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("\n## Rule tests\n");
        assertTrue(section >= 0, "no section \"Rule tests\" in " + readme);
        int start = text.indexOf("```json\n", section);
        assertTrue(start >= 0, "no example under \"Rule tests\" in " + readme);
        start += "```json\n".length();
        String example = text.substring(start, text.indexOf("```", start));

        RuleTest test = new RuleTestReader(KnowledgeBase.embedded()).parse(readme + " (the example under \"Rule tests\")", example);
        RuleTestResult result = new RuleTestRunner(RuleFixtures.ASSESSOR).run(test);

        assertEquals(List.of(), result.failures(), test.file());
    }
}
