package org.apsa.rulebase;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleOutputsTest {

    private static final String HEADER = """
            package org.apsa.rules;

            import org.apsa.engine.Evaluation;
            import org.apsa.engine.Leading;
            import org.apsa.engine.Support;
            import org.apsa.engine.*;

            """;

    private static Map<String, Set<String>> outputs(String... files) {
        return RuleOutputs.of(java.util.Arrays.stream(files).map(f -> (HEADER + f).getBytes(StandardCharsets.UTF_8)).toList());
    }

    private static String key(String rule) {
        return RuleOutputs.key("org.apsa.rules", rule);
    }

    @Test
    void aConsequenceThatOnlyInsertsNewFactsGivesTheirTypes() {
        Map<String, Set<String>> outputs = outputs("""
                rule "Name it" // a comment: then end
                    salience -200
                when
                    ScenarioScore( rank == 1, $s : scenario )
                    not InsufficientEvidence()
                then
                    insertLogical(new Leading($s));
                    /* a comment */ insert(new org.apsa.engine.Evaluation($s, "conclusion", "then \\"end\\"", "8"));
                end

                rule Empty when then end
                rule "Literals"
                when
                    accumulate( Support( $m : magnitude ); $total : sum( $m ) )
                then
                    insertLogical(new Leading($total, -3.0, 'x', true, null, Leading.NONE));
                end
                """);

        assertThat(outputs).containsOnlyKeys(key("Name it"), key("Empty"), key("Literals"));
        assertThat(outputs.get(key("Name it"))).containsExactly("org.apsa.engine.Leading", "org.apsa.engine.Evaluation");
        assertThat(outputs.get(key("Empty"))).isEmpty();
        assertThat(outputs.get(key("Literals"))).containsExactly("org.apsa.engine.Leading");
    }

    @Test
    void aConsequenceThatMayDoAnythingElseGivesNothing() {
        List<String> rules = List.of(
                "for (Object o : $list) { insertLogical(new Leading(\"x\")); }",
                "insertLogical(new Leading(\"x\")); modify($i) { setLevel(\"high\") };",
                "insertLogical(new Leading(Helper.pick($s)));",
                "insertLogical(new Leading($total.doubleValue()));",
                "insertLogical(new Leading(pick()));",
                "insertLogical(new Leading($a + $b));",
                "insertLogical(new Leading(new String(\"x\")));",
                "insertLogical(new Judgment(\"x\"));",
                "insertLogical(new Unknown(\"x\"));",
                "insertLogical(new Leading(\"x\"))",
                "Leading l = new Leading(\"x\"); insertLogical(l);",
                "drools.insertLogical(new Leading(\"x\"));",
                "insertLogical(new Leading(\"x\")); delete($i);",
                "insertLogical(new Leading(\"x\")); end.run();");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            file.append("rule \"r").append(i).append("\"\nwhen\n    $i : Indicator()\nthen\n    ").append(rules.get(i)).append("\nend\n\n");
        }

        assertThat(outputs(file.toString())).isEmpty();
    }

    @Test
    void aNamedConsequenceGivesNothing() {
        assertThat(outputs("""
                rule "Named"
                when
                    $i : Indicator()
                    do[more]
                then
                    insertLogical(new Leading("x"));
                then[more]
                    insertLogical(new Support("x"));
                end
                """)).isEmpty();
    }

    @Test
    void aRuleNamedTwiceInOnePackageGivesNothing() {
        Map<String, Set<String>> outputs = outputs("""
                rule "Twice" when then insertLogical(new Leading("a")); end
                """, """
                rule "Twice" when then insertLogical(new Leading("b")); end
                rule "Once" when then insertLogical(new Leading("c")); end
                """);

        assertThat(outputs).containsOnlyKeys(key("Once"));
    }

    @Test
    void functionsQueriesAndDeclarationsAreSkipped() {
        Map<String, Set<String>> outputs = outputs("""
                function String rule(String end) { if (end == null) { return "rule"; } return end; }
                declare Marker
                    name : String
                end
                query "leaders" Leading() end
                rule "After" when then insertLogical(new Leading("a")); end
                """);

        assertThat(outputs).containsOnlyKeys(key("After"));
    }

    @Test
    void aFileThatCannotBeFollowedGivesNothing() {
        assertThat(outputs("""
                rule "Open" when then insertLogical(new Leading("a")); end
                /* never closed
                """)).isEmpty();
    }
}
