package org.apsa.rulebase;

import org.apsa.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules whose consequence draws a judgment, read from the texts compiled, with their conditions as written. */
class DerivationsTest {

    @Test
    void eachRuleDrawingAJudgmentIsFoundWithItsConditionsAndNoOther(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("trust.drl"), """
                package rules.trust;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Judgment;

                rule "Low distrust"
                    @source("9") @claim("C9.7") @title("low distrust, rising trust")
                when
                    // a comment between conditions is left out
                    $d : Indicator( id == "usChina.strategicDistrust", level == "low" )
                then
                    insertLogical(new Judgment("trust.rising", $d.confidence()));
                end

                rule "High distrust"
                    @source("5") @claim("C5.2") @title("high distrust, eroding trust")
                when
                    $d : Indicator( id == "usChina.strategicDistrust", level == "high" )
                then
                    insertLogical(new Judgment("trust.eroding", $d.confidence()));
                end

                rule "Exchanges build trust"
                    @source("9") @claim("C9.8") @title("exchanges")
                when
                    $j : Judgment( id == "trust.eroding" )
                    $x : Indicator( id == "usChina.militaryExchanges",
                                    rank >= 1 )
                then
                    insertLogical(new Judgment("trust.rising", $x.confidence()));
                end
                """);
        RuleBase rules = RuleBaseLoader.load(folder);

        List<DrlModel.Rule> rising = rules.derivations("trust.rising");

        assertThat(rising).extracting(DrlModel.Rule::name).containsExactly("Low distrust", "Exchanges build trust");
        assertThat(rising.get(0).conditions()).containsExactly("$d : Indicator( id == \"usChina.strategicDistrust\", level == \"low\" )");
        assertThat(rising.get(1).conditions()).containsExactly("$j : Judgment( id == \"trust.eroding\" )",
                "$x : Indicator( id == \"usChina.militaryExchanges\",", "rank >= 1 )");
        assertThat(rules.derivations("trust.eroding")).extracting(DrlModel.Rule::name).containsExactly("High distrust");
        assertThat(rules.derivations("trust")).as("an id is matched whole").isEmpty();
    }

    @Test
    void theShippedRulesDrawEveryJudgmentTheyNameSomewhere() {
        RuleBase rules = ShippedRules.ruleBase();

        assertThat(rules.judgmentIds().orElseThrow()).allSatisfy(id ->
                assertThat(rules.derivations(id)).as(id).isNotEmpty());
    }
}
