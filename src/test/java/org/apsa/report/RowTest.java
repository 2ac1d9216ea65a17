package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessment;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.fact.FactSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowTest {

    @Test
    void withoutALeaderTheBriefNamesTheOutlookRankedFirstByItsName() {
        TraceNode support = new TraceNode("support", "hotspots flare", "hotspotsFlare", "Hotspots flare up", "6", 1.0, 0.4, null, List.of());
        TraceNode chaos = new TraceNode("scenario", "chaos: 0.31", "score", null, null, null, null, null, List.of(support));
        Assessment thin = new Assessment(new FactSet("thin", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary()), Assessment.INSUFFICIENT_EVIDENCE, null,
                List.of(new ScenarioScore("chaos", 0.4, 0.31, "unlikely", 1)), 0.4, List.of(), List.of(), List.of(), List.of(chaos), 1,
                Map.of(), Map.of(), KnowledgeBase.embedded());

        assertThat(Row.brief(thin)).first().isEqualTo("Too little evidence to name a leader (total evidence 0.40); ranked first: falling into chaos.");
    }
}
