package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleTestRunnerTest {

    private final RuleTestRunner runner = new RuleTestRunner(RuleFixtures.ASSESSOR);

    private RuleTestResult run(String expect) {
        return runner.run(new RuleTestReader(KnowledgeBase.embedded()).parse("t.json", """
                { "facts": { "id": "x", "indicators": { "usChina.strategicDistrust": "high", "china.militaryGrowth": "high",
                                                         "context.mediaThreatFocus": "high" } },
                  "expect": %s }
                """.formatted(expect)));
    }

    @Test
    void metExpectationsPass() {
        RuleTestResult result = run("""
                { "status": "assessed", "leading": "polarization", "judgments": { "present": ["securityDilemma"] },
                  "fired": ["Mutual trust erodes under high distrust"], "notFired": ["Mutual trust rises with low distrust"],
                  "scores": { "polarization": { "min": 0.5 } }, "prescriptions": { "unmet": ["us.neutrality"] } }
                """);
        assertEquals(List.of(), result.failures());
        assertTrue(result.passed());
    }

    @Test
    void everyUnmetExpectationIsListedAsExpectedAndGot() {
        RuleTestResult result = run("""
                { "leading": "chaos", "judgments": { "present": ["blocs.forming"], "absent": ["securityDilemma"] },
                  "fired": ["Mutual trust rises with low distrust"], "notFired": ["Mutual trust erodes under high distrust"],
                  "scores": { "chaos": { "min": 0.5 } }, "prescriptions": { "met": ["us.neutrality"] } }
                """);
        List<String> failures = result.failures().stream()
                .map(f -> f.replaceFirst("got 0\\.\\d{4}$", "got <score>")).toList();
        assertEquals(List.of(
                "leading: expected chaos, got polarization",
                "judgment blocs.forming: expected present, got absent",
                "judgment securityDilemma: expected absent, got present",
                "prescription us.neutrality: expected met, got unmet",
                "score chaos: expected at least 0.5, got <score>",
                "rule \"Mutual trust rises with low distrust\": expected to fire, got not fired",
                "rule \"Mutual trust erodes under high distrust\": expected not to fire, got fired 1 time"), failures);
    }

    @Test
    void misspeltRuleNameFailsInsteadOfPassingForNothing() {
        RuleTestResult result = run("{ \"notFired\": [\"Mutual trust rises with lo distrust\"] }");
        assertEquals(List.of("rule \"Mutual trust rises with lo distrust\": expected a rule of that name, got none in the rule base"),
                result.failures());
    }

    @Test
    void unknownRecommendationFails() {
        RuleTestResult result = run("{ \"prescriptions\": { \"unmet\": [\"us.neutral\"] } }");
        assertEquals(List.of("prescription us.neutral: expected unmet, got no such recommendation"), result.failures());
    }

    @Test
    void aJudgmentIdNoRuleInsertsFailsWithTheNearestOneInEveryRunner() {
        RuleTestResult result = run("{ \"judgments\": { \"absent\": [\"securityDilema\"] } }");

        assertEquals(List.of("judgment securityDilema: expected a judgment the rules conclude, "
                + "got an id no rule inserts (did you mean securityDilemma?)"), result.failures());
    }
}
