package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessment;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base as a whole: every rule tested, every indicator read, every claim encoded. */
class RuleCoverageTest {

    @Test
    void everyRuleFiresInSomeRuleTest() {
        RuleTestRunner runner = new RuleTestRunner(RuleFixtures.ASSESSOR);
        Set<String> fired = new TreeSet<>();
        for (RuleTest test : new RuleTestReader(KnowledgeBase.embedded()).readAll(RuleFixtures.TESTS)) {
            Assessment a = RuleFixtures.ASSESSOR.assess(test.facts());
            fired.addAll(a.firedRules().keySet());
        }
        List<String> never = RuleFixtures.RULE_BASE.rules().stream().map(RuleInfo::name)
                .filter(name -> !fired.contains(name)).toList();
        assertEquals(List.of(), never, "rules that no rule test makes fire; add a test under rules/tests");
    }

    /** The negative case: a rule that stays silent on some facts has a test saying where it must. */
    @Test
    void everyRuleThatCanStaySilentHasATestWhereItMust() {
        Set<String> alwaysFire = RuleFixtures.ASSESSOR.assess(FactSet.empty("nothing-known", KnowledgeBase.embedded().vocabulary())).firedRules().keySet();
        Set<String> expectedSilent = new TreeSet<>();
        for (RuleTest test : new RuleTestReader(KnowledgeBase.embedded()).readAll(RuleFixtures.TESTS)) {
            expectedSilent.addAll(test.expect().notFired());
        }
        List<String> untested = RuleFixtures.RULE_BASE.rules().stream().map(RuleInfo::name)
                .filter(name -> !alwaysFire.contains(name) && !expectedSilent.contains(name)).toList();
        assertEquals(List.of(), untested, "rules that no rule test expects not to fire (\"notFired\")");
    }

    @Test
    void everyIndicatorIsReadBySomeRule() throws IOException {
        StringBuilder drl = new StringBuilder();
        for (Path file : RuleBaseLoader.drlFiles(RuleFixtures.RULES)) {
            drl.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        String text = drl.toString();
        List<String> unread = KnowledgeBase.embedded().vocabulary().indicators().stream().map(IndicatorDef::id)
                .filter(id -> !text.contains("\"" + id + "\"")).toList();
        assertEquals(List.of(), unread, "indicators of the vocabulary that no rule reads");
    }

    @Test
    void everyNonFramingClaimIsEncodedBySomeRule() throws IOException {
        List<String[]> claims = claims();
        Set<String> cited = RuleFixtures.RULE_BASE.rules().stream().flatMap(r -> r.claims().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> unencoded = claims.stream().filter(c -> c[2].equals("no")).map(c -> c[0])
                .filter(id -> !cited.contains(id)).toList();
        assertEquals(List.of(), unencoded, "claims of rules/claims.csv that no rule cites with @claim");
    }

    @Test
    void everyCitedClaimExists() throws IOException {
        Set<String> known = claims().stream().map(c -> c[0]).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (RuleInfo rule : RuleFixtures.RULE_BASE.rules()) {
            for (String claim : rule.claims()) {
                if (!known.contains(claim)) {
                    unknown.add(rule.name() + ": " + claim);
                }
            }
        }
        assertEquals(List.of(), unknown, "@claim ids that rules/claims.csv does not list");
    }

    @Test
    void everyRuleNamesItsParagraphsAndTitle() {
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : RuleFixtures.RULE_BASE.rules()) {
            if (rule.source() == null || !rule.source().matches("\\d+(, \\d+)*")) {
                missing.add(rule.name() + ": @source \"" + rule.source() + "\"");
            }
            if (rule.title() == null || rule.title().isBlank()) {
                missing.add(rule.name() + ": no @title");
            }
        }
        assertEquals(List.of(), missing, "rules without a well-formed @source (\"9\" or \"5, 9\") or without a @title");
    }

    @Test
    void everyRuleFileOpensWithAHeaderComment() throws IOException {
        List<String> bare = new ArrayList<>();
        for (Path file : RuleBaseLoader.drlFiles(RuleFixtures.RULES)) {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            if (!first.startsWith("//") || !first.contains("¶")) {
                bare.add(file.toString());
            }
        }
        assertEquals(List.of(), bare, "DRL files whose first line is not a comment naming the concern and its paragraphs");
    }

    /** Rows of rules/claims.csv: id, paragraph, framing (yes/no), paraphrase. */
    private static List<String[]> claims() throws IOException {
        List<String> lines = Files.readAllLines(RuleFixtures.RULES.resolve("claims.csv"), StandardCharsets.UTF_8);
        assertEquals("id,paragraph,framing,paraphrase", lines.get(0), "header of rules/claims.csv");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] row = line.split(",", 4);
            assertEquals(4, row.length, "rules/claims.csv row: " + line);
            assertTrue(row[2].equals("yes") || row[2].equals("no"), "framing must be yes or no: " + line);
            rows.add(row);
        }
        return rows;
    }
}
