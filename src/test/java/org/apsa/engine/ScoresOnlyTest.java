package org.apsa.engine;

import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch --detail scores}: the scores, the leader and the evidence are those of the full
 * assessment, for less work: only the rules that can change them fire, and no gain is computed.
 */
class ScoresOnlyTest {

    @Test
    void scoresLeaderAndEvidenceAreThoseOfTheFullAssessment() throws IOException {
        List<FactSet> sets = new ArrayList<>();
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".schema.json")).sorted().toList()) {
                sets.add(reader.readOne(f));
            }
        }
        Random random = new Random(17);
        for (int i = 1; i <= 300; i++) {
            sets.add(reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
        }
        sets.add(FactSet.empty("nothing-known", KnowledgeBase.embedded().vocabulary()));
        Assessor assessor = ShippedRules.assessor();
        int fewerFirings = 0;
        int insufficient = 0;
        try (Assessor.Reusing reusing = assessor.reusingSessions()) {
            for (FactSet facts : sets) {
                Assessment full = assessor.assess(facts);
                Assessment scores = reusing.scores(facts);
                assertThat(scores.status()).as(facts.id()).isEqualTo(full.status());
                assertThat(scores.leading()).as(facts.id()).isEqualTo(full.leading());
                assertThat(scores.scenarios()).as(facts.id()).isEqualTo(full.scenarios());
                assertThat(scores.evidence()).as(facts.id()).isEqualTo(full.evidence());
                assertThat(scores.prescriptions()).as("no gains computed").isEmpty();
                assertThat(scores.trace()).isEmpty();
                fewerFirings += scores.firings() < full.firings() ? 1 : 0;
                insufficient += full.status().equals(Assessment.INSUFFICIENT_EVIDENCE) ? 1 : 0;
            }
        }
        // The rules that only draw the evaluation and the prescriptions did not fire.
        assertThat(fewerFirings).isGreaterThan(sets.size() * 9 / 10);
        assertThat(insufficient).as("both statuses are compared").isPositive().isLessThan(sets.size());
    }
}
