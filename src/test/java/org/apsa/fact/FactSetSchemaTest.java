package org.apsa.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class FactSetSchemaTest {

    /** Generated from the knowledge base of rules/, the source of the embedded rules. */
    private final FactSetSchema schema = new FactSetSchema(org.apsa.rulebase.RuleBaseLoader.knowledgeBase(java.nio.file.Path.of("rules")).vocabulary());

    /**
     * The committed schema must be what the vocabulary generates. After changing the
     * vocabulary, regenerate it with
     * {@code mvn -B test -Dtest=FactSetSchemaTest -Dapsa.schema.update=true}
     * and commit facts/fact-set.schema.json with the change.
     */
    @Test
    void committedSchemaIsTheOneTheVocabularyGenerates() throws IOException {
        Path committed = FactSetSchema.COMMITTED;
        if (Boolean.getBoolean("apsa.schema.update")) {
            Files.writeString(committed, schema.json(), StandardCharsets.UTF_8);
        }
        String expected = schema.json();
        if (!Files.exists(committed)) {
            fail(committed + " is missing; generate it with"
                    + " mvn -B test -Dtest=FactSetSchemaTest -Dapsa.schema.update=true");
        }
        String actual = Files.readString(committed, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            fail(committed + " is out of date with the vocabulary; regenerate it with"
                    + " mvn -B test -Dtest=FactSetSchemaTest -Dapsa.schema.update=true and commit it");
        }
    }

    @Test
    void printsTheSameBytesEveryTime() {
        assertThat(schema.json()).isEqualTo(new FactSetSchema(KnowledgeBase.embedded().vocabulary()).json());
    }

    @Test
    void printsWithTwoSpacesUnixLineEndsAndAFinalNewline() {
        String json = schema.json();
        assertThat(json).startsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("\t").doesNotContain(" : ");
    }

    @Test
    void describesTheTopLevelObject() throws IOException {
        JsonNode root = parse();
        assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.path("type").asText()).isEqualTo("object");
        assertThat(root.path("additionalProperties").isBoolean()).isTrue();
        assertThat(root.path("additionalProperties").asBoolean()).isFalse();
        assertThat(texts(root.path("required"))).containsExactly("id", "indicators");
        assertThat(names(root.path("properties")))
                .containsExactlyInAnyOrder("$schema", "id", "title", "description", "asOf", "indicators");
        assertThat(root.at("/properties/asOf/format").asText()).isEqualTo("date");
        assertThat(root.at("/properties/asOf/pattern").asText()).isEqualTo("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        assertThat(root.at("/properties/indicators/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void idPatternAcceptsWhatTheReaderAcceptsAndNothingElse() throws IOException {
        Pattern pattern = Pattern.compile(parse().at("/properties/id/pattern").asText());
        for (String id : List.of("baseline-2014-12", "a", "x.y_z:1", "9", "a".repeat(200))) {
            assertThat(pattern.matcher(id).find()).as(id).isTrue();
            assertThat(FactSetReader.ID.matcher(id).matches()).as(id).isTrue();
        }
        for (String id : List.of("", "my view", "-leading-dash", ".hidden", "a".repeat(201), "été")) {
            assertThat(pattern.matcher(id).find()).as(id).isFalse();
            assertThat(FactSetReader.ID.matcher(id).matches()).as(id).isFalse();
        }
    }

    @Test
    void hasOnePropertyPerIndicatorInVocabularyOrder() throws IOException {
        List<String> ids = KnowledgeBase.embedded().vocabulary().indicators().stream().map(IndicatorDef::id).toList();
        assertThat(names(parse().at("/properties/indicators/properties"))).containsExactlyElementsOf(ids);
    }

    @Test
    void eachIndicatorTakesABareLevelOrAReadingObject() throws IOException {
        JsonNode indicators = parse().at("/properties/indicators/properties");
        for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
            JsonNode node = indicators.path(def.id());
            assertThat(node.path("description").asText()).isEqualTo(def.meaning() + " (" + def.source() + ")");
            JsonNode anyOf = node.path("anyOf");
            assertThat(anyOf.size()).isEqualTo(2);
            assertThat(texts(anyOf.path(0).path("enum"))).containsExactlyElementsOf(def.scale().levels());
            JsonNode reading = anyOf.path(1);
            assertThat(reading.path("type").asText()).isEqualTo("object");
            assertThat(reading.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(texts(reading.path("required"))).containsExactly("level");
            assertThat(names(reading.path("properties")))
                    .containsExactlyInAnyOrder("level", "confidence", "note");
            assertThat(texts(reading.at("/properties/level/enum"))).containsExactlyElementsOf(def.scale().levels());
            JsonNode confidence = reading.at("/properties/confidence");
            assertThat(confidence.path("type").asText()).isEqualTo("number");
            assertThat(confidence.path("exclusiveMinimum").asInt(-1)).isZero();
            assertThat(confidence.path("maximum").asInt(-1)).isEqualTo(1);
            assertThat(reading.at("/properties/note/type").asText()).isEqualTo("string");
        }
    }

    @Test
    void showsTheParagraphsInTheDescription() throws IOException {
        assertThat(parse().at("/properties/indicators/properties/usChina.strategicDistrust/description").asText())
                .isEqualTo("strategic mutual distrust (¶5, ¶9)");
    }

    private JsonNode parse() throws IOException {
        return new ObjectMapper().readTree(schema.json());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
