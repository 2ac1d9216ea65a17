package org.apsa.ruletest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every rule test beside the rules, one JUnit test per file, named after the file. */
class RuleTestsTest {

    @TestFactory
    Stream<DynamicTest> everyRuleTestPasses() {
        List<RuleTest> tests = new RuleTestReader().readAll(RuleFixtures.TESTS);
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
}
