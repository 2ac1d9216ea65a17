package org.apsa.fact;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** knowledge-base.json: what it declares, and each mistake at its line and column. */
class KnowledgeBaseTest {

    private static List<String> problems(String text) {
        return KnowledgeBase.parse("kb.json", text).problems().stream()
                .map(p -> "error " + p.format()).toList();
    }

    private static final String MINIMAL = """
            { "id": "k", "title": "t", "scoring": { "temperature": 2.0 },
              "outlooks": [ { "id": "good", "title": "Good" }, { "id": "bad", "title": "Bad" } ],
              "indicators": [ { "id": "x", "levels": ["low", "high"], "meaning": "m", "source": ["1"] } ] }
            """;

    @Test
    void theShippedKnowledgeBaseIsTheArticlesInItsOrder() {
        KnowledgeBase kb = org.apsa.rulebase.RuleBaseLoader.knowledgeBase(Path.of("rules"));

        assertThat(kb.outlookIds()).containsExactly("deep-integration", "shared-dominance", "polarization", "chaos");
        assertThat(kb.best().id()).isEqualTo("deep-integration");
        assertThat(kb.vocabulary().indicators()).hasSize(28);
        assertThat(kb.vocabulary().find("hotspot.koreanPeninsula").orElseThrow().scale().levels())
                .containsExactly("stable", "tense", "deteriorating", "crisis");
        assertThat(kb.actorIds()).containsExactly("us", "china", "us-china", "region", "all");
        assertThat(kb.scoring()).isEqualTo(new KnowledgeBase.Scoring(3.0, 9.5));
        assertThat(kb.outlooks()).extracting(Outlook::reach).containsExactly(18.0, 4.5, 6.75, 5.5);
        assertThat(kb.claims()).contains("claims.csv");
        assertThat(KnowledgeBase.embedded().outlookIds()).isEqualTo(kb.outlookIds());
    }

    @Test
    void aMinimalKnowledgeBaseReadsWithItsOwnOutlooksAndVocabulary() {
        KnowledgeBase kb = KnowledgeBase.parse("kb.json", MINIMAL).knowledgeBase().orElseThrow();

        assertThat(kb.outlookIds()).containsExactly("good", "bad");
        assertThat(kb.outlook("bad").orElseThrow().ordinal()).isEqualTo(1);
        assertThat(kb.vocabulary().indicators()).extracting(IndicatorDef::id).containsExactly("x");
        assertThat(kb.vocabulary().suggest("us.presence.transparency")).isEmpty();
        assertThat(kb.actorIds()).isEmpty();
        assertThat(kb.scoring().full()).isZero();
        assertThat(kb.placeOfOutlook("bad")).containsExactly(2L, 60L);
    }

    @Test
    void anUnknownKeyIsAnErrorAtTheKeyWithTheNearestAllowed() {
        assertThat(problems(MINIMAL.replace("\"title\": \"t\"", "\"tilte\": \"t\"")))
                .contains("error kb.json:1:14: unknown key \"tilte\" in the knowledge base (did you mean \"title\"?); allowed: "
                        + "$schema, actors, aspects, claims, id, indicators, outlooks, paragraphs, scoring, source, title, version");
    }

    @Test
    void aDuplicateIdIsAnErrorAtItsSecondPlace() {
        assertThat(problems(MINIMAL.replace("\"id\": \"bad\"", "\"id\": \"good\"")))
                .containsExactly("error kb.json:2:60: outlook \"good\" is listed twice; ids are unique");
    }

    @Test
    void anIndicatorWithOneLevelIsAnError() {
        assertThat(problems(MINIMAL.replace("[\"low\", \"high\"]", "[\"low\"]")))
                .containsExactly("error kb.json:3:42: indicator \"x\" has 1 level; give at least two, lowest first");
    }

    @Test
    void anAspectListedTwiceOrNotAsAStringIsAnError() {
        String kb = MINIMAL.replace("\"id\": \"k\",", "\"id\": \"k\", \"aspects\": [\"cost\", \"cost\"],");
        assertThat(problems(kb)).containsExactly("error kb.json:1:25: \"aspects\" names an aspect twice");
        assertThat(problems(kb.replace("[\"cost\", \"cost\"]", "[\"cost\", 3]")))
                .containsExactly("error kb.json:1:34: \"aspects\" lists non-empty strings");
        assertThat(KnowledgeBase.parse("kb.json", kb.replace("\"cost\", \"cost\"", "\"cost\", \"durability\""))
                .knowledgeBase().orElseThrow().aspects()).containsExactly("cost", "durability");
    }

    @Test
    void fewerThanTwoOutlooksAndAKeyGivenTwiceAreErrors() {
        assertThat(problems(MINIMAL.replace(", { \"id\": \"bad\", \"title\": \"Bad\" }", "")
                .replace("\"id\": \"k\",", "\"id\": \"k\", \"id\": \"k2\",")))
                .containsExactly("error kb.json:1:14: key \"id\" is given twice in one object; keep one",
                        "error kb.json:2:15: \"outlooks\" lists 1; give at least 2");
    }

    @Test
    void aNormalisationNeedsEveryOutlooksReach() {
        assertThat(problems(MINIMAL.replace("\"temperature\": 2.0", "\"temperature\": 2.0, \"full\": 9.5")))
                .containsExactly("error kb.json:2:17: outlook \"good\" has no \"reach\", which \"scoring\"'s \"full\" needs: "
                                + "the most support the rules can give it at once",
                        "error kb.json:2:52: outlook \"bad\" has no \"reach\", which \"scoring\"'s \"full\" needs: "
                                + "the most support the rules can give it at once");
    }

    @Test
    void aValueOfTheWrongKindIsAnErrorAtTheValueSayingWhatItTakes() {
        assertThat(problems(MINIMAL.replace("\"title\": \"t\"", "\"title\": 3, \"paragraphs\": 2.5")
                .replace("\"temperature\": 2.0", "\"temperature\": -1")
                .replace("\"title\": \"Good\"", "\"title\": \"Good\", \"heading\": \"too long\"")
                .replace("\"meaning\": \"m\"", "\"meaning\": \" \"")
                .replace("\"source\": [\"1\"]", "\"source\": \"1\"")))
                .containsExactly("error kb.json:1:23: \"title\" is a non-empty string",
                        "error kb.json:1:40: \"paragraphs\" is a whole number: how many paragraphs the source has",
                        "error kb.json:1:73: \"temperature\" is a positive number",
                        "error kb.json:2:61: \"heading\" is at most 7 characters: it heads a column of numbers",
                        "error kb.json:3:70: \"meaning\" is a non-empty string",
                        "error kb.json:3:85: \"source\" is a JSON array [ ... ]");
    }

    @Test
    void aListTooLongToReadIsAnErrorNotAKnowledgeBaseCutShort() {
        String indicators = IntStream.range(0, 1_001)
                .mapToObj(i -> "{ \"id\": \"x" + i + "\", \"levels\": [\"low\", \"high\"], \"meaning\": \"m\", \"source\": [\"1\"] }")
                .collect(Collectors.joining(",\n"));
        KnowledgeBase.Reading reading = KnowledgeBase.parse("kb.json",
                MINIMAL.replace("[ { \"id\": \"x\", \"levels\": [\"low\", \"high\"], \"meaning\": \"m\", \"source\": [\"1\"] } ]",
                        "[" + indicators + "]"));

        assertThat(reading.knowledgeBase()).isEmpty();
        assertThat(reading.problems()).singleElement().extracting(InputProblem::format).asString()
                .isEqualTo("kb.json:1002:76: an object or list here has more than 1000 members, more than a knowledge base may hold; "
                        + "split the domain");
    }

    @Test
    void aMissingPartSaysWhatToGive() {
        assertThat(problems("{ \"id\": \"k\", \"outlooks\": {}, \"indicators\": [ 3 ], \"actors\": [ { \"title\": \"t\" } ] }"))
                .containsExactly("error kb.json:1:1: no \"title\"; it is required here",
                        "error kb.json:1:1: no \"scoring\"; give { \"temperature\": 3.0 } at least (docs/rule-authoring.md)",
                        "error kb.json:1:26: \"outlooks\" is a JSON array [ ... ]",
                        "error kb.json:1:46: an indicator is a JSON object { ... }",
                        "error kb.json:1:63: no \"id\"; it is required here");
        assertThat(problems("[]")).containsExactly("error kb.json:1:1: the knowledge base is a JSON object { ... }");
    }

    @Test
    void aFactFileIsReadInItsKnowledgeBasesVocabulary() {
        Vocabulary other = KnowledgeBase.parse("kb.json", MINIMAL).knowledgeBase().orElseThrow().vocabulary();
        FactSetReader.Entry entry = new FactSetReader(other).parse("f.json",
                "{\"id\": \"a\", \"indicators\": {\"us.presence.transparency\": \"low\", \"x\": \"high\"}}");

        assertThat(entry.problems()).extracting(InputProblem::format).containsExactly(
                "f.json:1:28: unknown indicator \"us.presence.transparency\"; 'apsa vocabulary' and "
                        + "facts/fact-set.schema.json list the known ones");
        assertThat(new FactSetReader(other).parse("f.json", "{\"id\": \"a\", \"indicators\": {\"y\": \"high\"}}").problems())
                .extracting(InputProblem::format).singleElement().asString().contains("(did you mean \"x\"?)");
    }
}
