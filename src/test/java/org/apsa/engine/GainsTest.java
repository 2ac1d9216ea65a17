package org.apsa.engine;

import org.apsa.fact.KnowledgeBase;
import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.ClassObjectFilter;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In a run of many assessments a gain is computed firing only the rules that can change the
 * scores; it is the same as a full re-assessment of the changed fact set gives.
 */
class GainsTest {

    @Test
    void eachGainIsWhatAFullWhatIfGives() {
        Assessor assessor = ShippedRules.assessor();
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        Random random = new Random(5);
        int gains = 0;
        try (Assessor.Reusing reusing = assessor.reusingSessions()) {
            for (int i = 1; i <= 60; i++) {
                gains += checkGains(assessor, reusing, reader.parse("generated", GeneratedFactSets.line(random, i, 5)).factSet());
            }
        }
        assertThat(gains).isGreaterThan(300);
    }

    private static int checkGains(Assessor assessor, Assessor.Reusing reusing, FactSet facts) {
        Assessment a = reusing.assess(facts);
        int gains = 0;
        try (WhatIf live = assessor.whatIf(facts)) {
            double before = live.baseline().score(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow().id());
            for (PrescriptionResult p : a.prescriptions()) {
                if (!p.met()) {
                    double after = live.evaluate(Map.of(p.indicator(), Reading.of(p.target()))).score(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow().id());
                    assertThat(p.gain()).as("%s on %s", p.id(), facts.id()).isEqualTo(Scoring.round(after - before));
                    gains++;
                }
            }
        }
        return gains;
    }

    @Test
    void aSessionThatLeftRulesOutAnswersNoFullQuestion() {
        Assessor assessor = ShippedRules.assessor();
        FactSet facts = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
        PrescriptionResult unmet = assessor.assess(facts).prescriptions().stream()
                .filter(p -> !p.met() && p.gain() != 0).findFirst().orElseThrow();
        try (WhatIf live = assessor.whatIf(facts)) {
            assertThat(live.session().getObjects(new ClassObjectFilter(Leading.class))).hasSize(1);
            double before = live.baseline().score(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow().id());

            double after = live.evaluate(Map.of(unmet.indicator(), Reading.of(unmet.target())),
                    assessor.rules().rulesAffecting(ScenarioScore.class, Assessor.FACT_TYPES).orElseThrow(), null).score(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow().id());

            // The scores moved, the leader they named went, and the rule naming the new one was left out.
            assertThat(after).isNotEqualTo(before);
            assertThat(live.session().getObjects(new ClassObjectFilter(Leading.class))).isEmpty();
            assertThatThrownBy(live::baseline).isInstanceOf(IllegalStateException.class);
        }
    }
}
