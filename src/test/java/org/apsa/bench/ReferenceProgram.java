package org.apsa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.engine.Indicator;
import org.apsa.engine.ScenarioScore;
import org.apsa.fact.Vocabulary;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a user who skipped the tool would write: Drools used directly, no Spring, no shell,
 * no tracing, no validation beyond what Jackson does. It compiles the same rules folder,
 * assesses the same fact file and prints the four scores. The start-up benchmark measures
 * the tool against it.
 *
 * <p>Usage: {@code ReferenceProgram RULES_DIR FACT_FILE}
 */
public final class ReferenceProgram {

    private ReferenceProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fs = kie.newKieFileSystem();
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                fs.write("src/main/resources/" + rules.relativize(drl), Files.readAllBytes(drl));
            }
        }
        KieBuilder builder = kie.newKieBuilder(fs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            System.exit(3);
        }
        KieSession session = kie.newKieContainer(kie.getRepository().getDefaultReleaseId()).newKieSession();
        try {
            JsonNode indicators = new ObjectMapper().readTree(Path.of(args[1]).toFile()).get("indicators");
            for (Iterator<Map.Entry<String, JsonNode>> it = indicators.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                String level = value.isTextual() ? value.asText() : value.get("level").asText();
                double confidence = value.has("confidence") ? value.get("confidence").asDouble() : 1.0;
                int rank = Vocabulary.embedded().find(e.getKey()).orElseThrow().scale().rank(level);
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
