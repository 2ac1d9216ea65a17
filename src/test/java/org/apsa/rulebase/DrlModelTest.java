package org.apsa.rulebase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules as Drools' parser reads them: what each reads, draws and inserts, placed as written. */
class DrlModelTest {

    private static final String HEADER = """
            package org.apsa.rules;

            import org.apsa.engine.Evaluation;
            import org.apsa.engine.Leading;
            import org.apsa.engine.Support;
            import org.apsa.engine.*;

            """;

    /** By rule name, the types its consequence inserts when that is all it does. */
    private static Map<String, List<String>> outputs(String file) {
        Map<String, List<String>> outputs = new java.util.LinkedHashMap<>();
        DrlModels.parse("x.drl", HEADER + file).rules().forEach(r -> {
            if (r.inserts() != null) {
                outputs.put(r.name(), r.inserts());
            }
        });
        return outputs;
    }

    private static String key(String rule) {
        return rule;
    }

    @Test
    void eachRuleSaysWhereItIsWhatItReadsAndWhichOutlooksItSupportsOrOpposes() {
        DrlModel model = DrlModels.parse("trust.drl", """
                package org.apsa.rules;
                import org.apsa.engine.*;

                rule "Low distrust"
                    @source("9") @claim("C9.7, C9.8")
                when
                    $d : Indicator( id == "usChina.strategicDistrust", level in ("low", "medium") )
                    not Judgment( id == "trust.eroding" )
                then
                    insertLogical(new Support(kcontext, "deep-integration", 1.0, $d.confidence()));
                    insertLogical(new Support(kcontext, "chaos", -0.5, $d.confidence()));
                end
                """);

        DrlModel.Rule rule = model.rules().get(0);
        assertThat(rule.name()).isEqualTo("Low distrust");
        assertThat(rule.file() + ":" + rule.line() + ":" + rule.column()).isEqualTo("trust.drl:4:6");
        assertThat(rule.annotation("claim")).map(DrlModel.Annotation::value).hasValue("C9.7, C9.8");
        assertThat(rule.annotation("source")).hasValueSatisfying(a -> assertThat(a.line() + ":" + a.column()).isEqualTo("5:5"));
        assertThat(rule.indicatorsRead()).containsExactly("usChina.strategicDistrust");
        assertThat(rule.judgmentsRead()).containsExactly("trust.eroding");
        assertThat(rule.compared("Judgment", "id")).singleElement().satisfies(c -> {
            assertThat(c.place()).isEqualTo(DrlModel.Place.NEGATED);
            assertThat(c.line() + ":" + c.column()).isEqualTo("8:25");
        });
        assertThat(rule.compared("Indicator", "level")).extracting(DrlModel.Constraint::value).containsExactly("low", "medium");
        assertThat(rule.outlooksSupported()).containsExactly("deep-integration");
        assertThat(rule.supports()).filteredOn(DrlModel.Support::against).extracting(DrlModel.Support::outlook).containsExactly("chaos");
        assertThat(model.rulesReading("usChina.strategicDistrust")).containsExactly(rule);
        assertThat(model.rulesSupporting("chaos")).isEmpty();
        assertThat(DrlModel.of(model.bytes())).as("kept in the cache as it was read").isEqualTo(model);
    }

    @Test
    void aConsequenceThatOnlyInsertsNewFactsGivesTheirTypes() {
        Map<String, List<String>> outputs = outputs("""
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
    void functionsQueriesAndDeclarationsAreSkipped() {
        Map<String, List<String>> outputs = outputs("""
                function String rule(String end) { if (end == null) { return "rule"; } return end; }
                declare Marker
                    name : String
                end
                query "leaders" Leading() end
                rule "After" when then insertLogical(new Leading("a")); end
                """);

        assertThat(outputs).containsOnlyKeys(key("After"));
    }

}
