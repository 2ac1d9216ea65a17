package org.apsa.engine;

import org.apsa.ShippedRules;
import org.apsa.batch.GeneratedFactSets;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.ClassObjectFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A what-if session moves from one question to the next by the indicators that change; after
 * any sequence of questions it holds exactly the base fact set with the question's changes,
 * and scores it as a new assessment of that fact set does.
 */
class WhatIfSequenceTest {

    @Test
    void eachQuestionIsAnsweredAsAFreshAssessmentOfTheChangedFactSet() {
        Assessor assessor = ShippedRules.assessor();
        FactSetReader reader = new FactSetReader(KnowledgeBase.embedded().vocabulary());
        Random random = new Random(23);
        List<IndicatorDef> vocabulary = KnowledgeBase.embedded().vocabulary().indicators();
        int questions = 0;
        for (int f = 1; f <= 12; f++) {
            FactSet base = reader.parse("generated", GeneratedFactSets.line(random, f, 5)).factSet();
            List<String> stated = new ArrayList<>(base.indicators().keySet());
            try (WhatIf live = assessor.whatIf(base)) {
                for (int q = 0; q < 20; q++) {
                    Map<String, Reading> changes = new HashMap<>();
                    int count = 1 + random.nextInt(3);
                    for (int c = 0; c < count; c++) {
                        switch (random.nextInt(4)) {
                            // Unknown: a stated indicator forgotten, or one already unknown.
                            case 0 -> changes.put(random.nextBoolean() && !stated.isEmpty()
                                    ? stated.get(random.nextInt(stated.size())) : pick(random, vocabulary).id(), null);
                            // Back to the base's own reading.
                            case 1 -> {
                                if (!stated.isEmpty()) {
                                    String id = stated.get(random.nextInt(stated.size()));
                                    changes.put(id, base.indicators().get(id));
                                }
                            }
                            // Any level of any indicator, with some confidence.
                            default -> {
                                IndicatorDef def = pick(random, vocabulary);
                                List<String> levels = def.scale().levels();
                                changes.put(def.id(), new Reading(levels.get(random.nextInt(levels.size())),
                                        random.nextBoolean() ? 1.0 : 0.5, null));
                            }
                        }
                    }
                    WhatIf.Outcome answer = live.evaluate(changes);
                    Map<String, Reading> expected = changed(base, changes);

                    assertThat(readingsIn(live)).as("%s, question %d: %s", base.id(), q, changes).isEqualTo(new TreeMap<>(expected));
                    Assessment fresh = assessor.assess(base.withIndicators(expected));
                    assertThat(answer.scores()).as("%s, question %d: %s", base.id(), q, changes).isEqualTo(fresh.scenarios());
                    assertThat(answer.leading()).isEqualTo(fresh.leading());
                    questions++;
                }
            }
        }
        assertThat(questions).isEqualTo(240);
    }

    private static IndicatorDef pick(Random random, List<IndicatorDef> vocabulary) {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }

    private static Map<String, Reading> changed(FactSet base, Map<String, Reading> changes) {
        Map<String, Reading> readings = new HashMap<>(base.indicators());
        changes.forEach((id, reading) -> {
            if (reading == null) {
                readings.remove(id);
            } else {
                readings.put(id, reading);
            }
        });
        return readings;
    }

    /** The indicators the session holds, as readings. */
    private static Map<String, Reading> readingsIn(WhatIf live) {
        Map<String, Reading> held = new TreeMap<>();
        for (Object o : live.session().getObjects(new ClassObjectFilter(Indicator.class))) {
            Indicator i = (Indicator) o;
            Reading previous = held.put(i.id(), new Reading(i.level(), i.confidence(), i.note()));
            assertThat(previous).as("indicator %s held twice", i.id()).isNull();
        }
        return held;
    }
}
