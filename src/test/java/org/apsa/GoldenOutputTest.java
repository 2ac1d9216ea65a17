package org.apsa;

import org.apsa.fact.KnowledgeBase;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.TraceNode;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.provenance.Provenance;
import org.apsa.render.AssessmentJson;
import org.apsa.render.AssessmentMarkdown;
import org.apsa.render.AssessmentText;
import org.apsa.render.Detail;
import org.apsa.render.ExplanationJson;
import org.apsa.render.ExplanationText;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The primary outputs, byte for byte, on the shipped rules and the fact files of
 * {@code facts/}, colour off: {@code assess} as text, JSON and Markdown, {@code explain},
 * {@code why-not}, {@code sensitivity}, and a batch's {@code summary.csv}, {@code report.md}
 * and {@code report.html}. The files are under {@code src/test/resources/golden/outputs/}.
 *
 * <p>A change of the rules, their scores or the rendering changes them on purpose; rewrite them
 * with one command and review the diff before committing:
 *
 * <pre>mvn test -Dtest=GoldenOutputTest -Dapsa.golden.update=true</pre>
 *
 * A mismatch fails with a unified diff of the golden file against the output.
 */
class GoldenOutputTest {

    private static final Path FACTS = Path.of("facts");

    @TempDir
    Path out;

    private static FactSet read(String name) {
        return new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(FACTS.resolve(name + ".json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline-2014-12", "korean-crisis-2017-09"})
    void assessInEveryFormat(String name) {
        Assessment a = ShippedRules.assessor().assess(read(name));

        Golden.assertMatches("outputs/assess-" + name + ".txt", AssessmentText.render(a, Style.PLAIN));
        Golden.assertMatches("outputs/assess-" + name + ".json", AssessmentJson.pretty(a, Provenance.of(ShippedRules.ruleBase(), null)));
        Golden.assertMatches("outputs/assess-" + name + ".md", AssessmentMarkdown.render(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline-2014-12", "korean-crisis-2017-09"})
    void explainTheLeader(String name) {
        Assessment a = ShippedRules.assessor().assess(read(name));
        // What 'explain FILE' shows: the proof tree of the leading outlook.
        List<TraceNode> leader = a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(a.leading() + ":")).toList();

        Golden.assertMatches("outputs/explain-" + name + ".txt", TraceText.render(leader, Style.PLAIN));
        Golden.assertMatches("outputs/explain-" + name + ".json", ExplanationJson.trace(leader));
    }

    @Test
    void whyNotDeepIntegrationOnTheBaseline() {
        Assessor assessor = ShippedRules.assessor();
        WhyNot.Result result = WhyNot.of(assessor, assessor.assess(read("baseline-2014-12")), "deep-integration");

        Golden.assertMatches("outputs/why-not-baseline-2014-12-deep-integration.txt", ExplanationText.whyNot(result, Style.PLAIN));
        Golden.assertMatches("outputs/why-not-baseline-2014-12-deep-integration.json", ExplanationJson.whyNot(result));
    }

    @Test
    void sensitivityOfTheBaseline() {
        Assessor assessor = ShippedRules.assessor();
        FactSet facts = read("baseline-2014-12");
        List<Sensitivity.Row> rows = Sensitivity.of(assessor, facts);
        Assessment a = assessor.assess(facts);
        List<Sensitivity.InformationValue> information = Sensitivity.valueOfInformation(a, rows);

        Golden.assertMatches("outputs/sensitivity-baseline-2014-12.txt", ExplanationText.sensitivity(org.apsa.fact.KnowledgeBase.embedded(), rows, information, Style.PLAIN));
        Golden.assertMatches("outputs/sensitivity-baseline-2014-12.json", ExplanationJson.sensitivity(a.leading(), rows, information));
    }

    @Test
    void batchReportsOfTheFactsFolder() throws Exception {
        new Batch(ShippedRules.assessor()).run(
                new Batch.Options(List.of(FACTS), out, EnumSet.allOf(Report.class), 1, Detail.FULL, null), Batch.Progress.NONE);

        for (Report report : Report.values()) {
            Golden.assertMatches("outputs/batch-facts-" + report.file(), Files.readString(out.resolve(report.file())));
        }
    }
}
