package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessment;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fact sets shipped in facts/ read cleanly and lead where a reader of the article expects. */
class ShippedFactsTest {

    @ParameterizedTest(name = "{0} leads with {1}")
    @CsvSource({
            "archetype-deep-integration, deep-integration",
            "archetype-shared-dominance, shared-dominance",
            "archetype-polarization, polarization",
            "archetype-chaos, chaos",
            "all-prescriptions-met, deep-integration",
            "baseline-2014-12, polarization",
            "analyst-a-2015-06, deep-integration",
            "analyst-b-2015-06, polarization",
            "korean-crisis-2017-09, chaos"})
    void factSetLeadsWithItsOutlook(String name, String leader) {
        Assessment a = RuleFixtures.ASSESSOR.assess(RuleFixtures.facts(name));
        assertEquals(Assessment.ASSESSED, a.status(), name);
        assertEquals(leader, a.leading(), name + ": " + a.scenarios());
    }

    @Test
    void everyShippedFactFileReadsCleanly() throws IOException {
        try (Stream<Path> files = Files.list(RuleFixtures.FACTS)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).toList();
            assertFalse(json.isEmpty());
            for (Path file : json) {
                FactSet set = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file);
                assertEquals(file.getFileName().toString().replace(".json", ""), set.id(), "the id of " + file + " is its name");
            }
        }
    }

    @Test
    void allPrescriptionsMetMeetsEveryRecommendation() {
        Assessment a = RuleFixtures.ASSESSOR.assess(RuleFixtures.facts("all-prescriptions-met"));
        assertFalse(a.prescriptions().isEmpty());
        a.prescriptions().forEach(p -> assertTrue(p.met(), p.id() + " should be met"));
    }

    @Test
    void twoAnalystsOnOneDateDisagree() {
        FactSet a = RuleFixtures.facts("analyst-a-2015-06");
        FactSet b = RuleFixtures.facts("analyst-b-2015-06");
        assertEquals(a.asOf(), b.asOf());
        assertFalse(RuleFixtures.ASSESSOR.assess(a).leading().equals(RuleFixtures.ASSESSOR.assess(b).leading()));
    }
}
