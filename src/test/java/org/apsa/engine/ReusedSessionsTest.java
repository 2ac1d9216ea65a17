package org.apsa.engine;

import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.apsa.render.AssessmentJson;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A session that is reset and reused gives the same assessment, to the byte, as a new one:
 * firings, proof trees and gains included, whatever it assessed before, a failure included.
 */
class ReusedSessionsTest {

    private static final FactSetReader READER = new FactSetReader(KnowledgeBase.embedded().vocabulary());

    @Test
    void aReusedSessionAssessesAsANewOne() throws IOException {
        Assessor assessor = ShippedRules.assessor();
        List<FactSet> factSets = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")).sorted()
                    .forEach(f -> factSets.add(READER.readOne(f)));
        }
        Random random = new Random(11);
        for (int i = 1; i <= 40; i++) {
            factSets.add(READER.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
        }
        factSets.add(new FactSet("empty", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary()));

        List<String> fresh = factSets.stream().map(f -> AssessmentJson.pretty(assessor.assess(f), null)).toList();
        // One thread, so every assessment after the first gets the session the one before used.
        try (Assessor.Reusing reusing = assessor.reusingSessions()) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < factSets.size(); i++) {
                    assertThat(AssessmentJson.pretty(reusing.assess(factSets.get(i)), null)).as(factSets.get(i).id()).isEqualTo(fresh.get(i));
                }
            }
        }
    }

    @Test
    void aSessionReusedAfterAThrowingRuleAssessesAsANewOne() {
        assertReusableAfterFailure(new Assessor(TestRules.withShippedScoring("throws")), "deliberate failure");
    }

    @Test
    void aSessionReusedAfterALoopingRuleAssessesAsANewOne() {
        assertReusableAfterFailure(new Assessor(TestRules.withShippedScoring("loop")), "without the rules settling");
    }

    @Test
    void aSessionReusedAfterAHaltingRuleAssessesAsANewOne() {
        assertReusableAfterFailure(new Assessor(TestRules.withShippedScoring("halts")), "halted the engine");
    }

    private static void assertReusableAfterFailure(Assessor assessor, String failure) {
        FactSet failing = new FactSet("fails", null, null, null, Map.of("us.presence.transparency", Reading.of("high")), KnowledgeBase.embedded().vocabulary());
        FactSet fine = new FactSet("fine", null, null, null, Map.of(
                "us.reassurance.consistency", Reading.of("low"),
                "hotspot.koreanPeninsula", Reading.of("crisis")), KnowledgeBase.embedded().vocabulary());
        String expected = AssessmentJson.pretty(assessor.assess(fine), null);
        try (Assessor.Reusing reusing = assessor.reusingSessions()) {
            assertThat(AssessmentJson.pretty(reusing.assess(fine), null)).isEqualTo(expected);
            assertThatThrownBy(() -> reusing.assess(failing)).isInstanceOf(RuleBaseException.class).hasMessageContaining(failure);
            assertThat(AssessmentJson.pretty(reusing.assess(fine), null)).isEqualTo(expected);
            assertThatThrownBy(() -> reusing.assess(failing)).isInstanceOf(RuleBaseException.class).hasMessageContaining(failure);
            assertThat(AssessmentJson.pretty(reusing.assess(fine), null)).isEqualTo(expected);
        }
    }
}
