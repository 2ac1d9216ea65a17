package org.apsa.rulebase;

import org.apsa.engine.Assessor;
import org.apsa.engine.Leading;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TestRules;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rules can be left out when only the scores (or the leader) are read. */
class RulesAffectingTest {

    private static final List<String> EVALUATION = List.of("Evaluate deep integration", "Evaluate shared dominance",
            "Evaluate polarization", "Evaluate polarization under nuclear deterrence", "Evaluate polarization without stated deterrence",
            "Evaluate falling into chaos", "Collective security is the most desirable choice");

    @Test
    void theShippedRulesThatCannotChangeTheScoresAreTheLeaderTheEvaluationAndThePrescriptions() {
        RuleBase rules = RuleBaseLoader.load(Path.of("rules"));
        List<String> recommendations = rules.rules().stream().filter(r -> r.file().startsWith("prescriptions")).map(RuleInfo::name).toList();
        assertThat(recommendations).hasSizeGreaterThan(10);

        List<String> scoring = new ArrayList<>(EVALUATION);
        scoring.addAll(recommendations);
        List<String> leading = new ArrayList<>(scoring);
        // Not "Too little evidence to name a leader": it inserts a computed value ($total.doubleValue()).
        scoring.add("Name the leading outlook");

        assertThat(leftOut(rules, List.of(ScenarioScore.class))).containsExactlyInAnyOrderElementsOf(scoring);
        assertThat(leftOut(rules, List.of(Leading.class))).containsExactlyInAnyOrderElementsOf(leading);
        assertThat(rules.rulesAffecting(ScenarioScore.class, Assessor.FACT_TYPES)).isPresent();
    }

    @Test
    void aLeanSessionHoldsOnlyTheRulesKeptAndLeavesTheRuleBaseWhole() {
        RuleBase rules = RuleBaseLoader.load(Path.of("rules"));
        List<Class<?>> read = List.of(ScenarioScore.class, Leading.class);
        KieSession lean = rules.newSession(read, Assessor.FACT_TYPES);
        KieSession whole = rules.newSession();
        try {
            List<String> held = names(lean.getKieBase());
            assertThat(held).isNotEmpty().hasSizeLessThan(rules.rules().size());
            assertThat(names(whole.getKieBase())).hasSize(rules.rules().size());
            KieSession again = rules.newSession(read, Assessor.FACT_TYPES);
            assertThat(again.getKieBase()).as("made once").isSameAs(lean.getKieBase());
            again.dispose();
        } finally {
            lean.dispose();
            whole.dispose();
        }
    }

    private static List<String> names(KieBase base) {
        return base.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName).toList();
    }

    /** The names of the rules a session for questions that read only the facts of {@code types} leaves out. */
    private static List<String> leftOut(RuleBase rules, List<Class<?>> types) {
        KieSession lean = rules.newSession(types, Assessor.FACT_TYPES);
        try {
            List<String> held = names(lean.getKieBase());
            return rules.rules().stream().map(RuleInfo::name).filter(name -> !held.contains(name)).toList();
        } finally {
            lean.dispose();
        }
    }

    @Test
    void aRuleWhoseFactsAKeptRuleMatchesIsKeptAndSoIsOneInAnActivationGroup() throws Exception {
        Path folder = TestRules.folderWithShippedScoring("reads-evaluation");
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                if (!Files.exists(folder.resolve(file.getFileName()))) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        RuleBase rules = RuleBaseLoader.load(folder);

        // The evaluation now feeds a score, so the leader and the evaluation fire; the rule in an
        // activation group fires though no rule reads what it inserts, and so do the rules
        // stating the recommendations it matches. Only what no kept rule reads is left out.
        assertThat(leftOut(rules, List.of(ScenarioScore.class)))
                .containsExactlyInAnyOrder("Recommendation met", "Recommendation not met");
    }

    @Test
    void aRuleThatMayMatchWhatItInsertsIsKept() {
        RuleBase rules = RuleBaseLoader.load(TestRules.folderWithShippedScoring("feeds-itself"));

        // Without it, the rule naming the leader would be left out too: only it matches Leading.
        assertThat(leftOut(rules, List.of(ScenarioScore.class))).isEmpty();
        assertThat(rules.rulesAffecting(ScenarioScore.class, Assessor.FACT_TYPES)).isEmpty();
    }
}
