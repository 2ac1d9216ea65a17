package org.apsa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.engine.Indicator;
import org.apsa.engine.ScenarioScore;
import org.apsa.fact.KnowledgeBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * What a skilled user of Drools would ship instead of the tool: the same rules, precompiled
 * at build time to an executable-model kjar ({@link ReferenceKjar}), loaded into a container;
 * then a session, the fact file's indicators inserted as the tool inserts them, the rules
 * fired and the four scores printed. No Spring, no shell, no tracing, no validation beyond
 * what Jackson does, and nothing compiled at run time. The start-up benchmark measures the
 * tool against it.
 *
 * <p>Usage: {@code ReferenceProgram KJAR_FILE FACT_FILE}
 */
public final class ReferenceProgram {

    private ReferenceProgram() {
    }

    public static void main(String[] args) throws Exception {
        KieServices kie = KieServices.Factory.get();
        KieModule module = kie.getRepository().addKieModule(kie.getResources().newFileSystemResource(args[0]));
        KieSession session = kie.newKieContainer(module.getReleaseId()).newKieSession();
        try {
            JsonNode indicators = new ObjectMapper().readTree(Path.of(args[1]).toFile()).get("indicators");
            for (Iterator<Map.Entry<String, JsonNode>> it = indicators.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                String level = value.isTextual() ? value.asText() : value.get("level").asText();
                double confidence = value.has("confidence") ? value.get("confidence").asDouble() : 1.0;
                int rank = KnowledgeBase.embedded().vocabulary().find(e.getKey()).orElseThrow().scale().rank(level);
                session.insert(new Indicator(e.getKey(), level, rank, confidence, null));
            }
            session.fireAllRules();
            for (Object o : session.getObjects(o -> o instanceof ScenarioScore)) {
                ScenarioScore s = (ScenarioScore) o;
                System.out.println(s.rank() + " " + s.scenario() + " " + s.score() + " " + s.likelihood());
            }
        } finally {
            session.dispose();
        }
    }
}
