package org.apsa;

import org.apsa.authoring.Catalogue;
import org.apsa.authoring.Coverage;
import org.apsa.authoring.RuleTestReport;
import org.apsa.authoring.Validator;
import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.batch.BatchSummaryText;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.Vary;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.FactSetWriter;
import org.apsa.fact.InputProblem;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.Reading;
import org.apsa.render.AssessmentJson;
import org.apsa.render.AssessmentText;
import org.apsa.render.Detail;
import org.apsa.render.ExplanationText;
import org.apsa.render.ExplorationHtml;
import org.apsa.render.ExplorationJson;
import org.apsa.render.ExplorationMarkdown;
import org.apsa.render.ExplorationText;
import org.apsa.render.Style;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The second knowledge base shipped as an authoring example, examples/river-basin: three
 * outlooks, five indicators, three actors of its own, no Java of its own. Every step a rule
 * author and an analyst take runs on it: the checks, assess, explain, why-not, sensitivity,
 * explore, batch with its reports, the rule tests, coverage and the catalogue.
 */
class ExampleKnowledgeBaseTest {

    static final Path FOLDER = Path.of("examples/river-basin");

    private static RuleBase rules;
    private static Assessor assessor;
    private static FactSetReader reader;

    @BeforeAll
    static void load() {
        rules = RuleBaseLoader.load(FOLDER, RuleCache.off(), Validator.checks());
        assessor = new Assessor(rules);
        reader = new FactSetReader(rules.knowledgeBase().vocabulary());
    }

    private static FactSet facts(String name) {
        return reader.readOne(FOLDER.resolve("facts").resolve(name + ".json"));
    }

    @Test
    void itsRulesAndKnowledgeBaseAreClean() {
        assertThat(new Validator().validate(FOLDER).findings()).isEmpty();
        assertThat(rules.knowledgeBase().outlookIds()).containsExactly("shared-management", "managed-rivalry", "water-conflict");
        assertThat(rules.warnings()).isEmpty();
    }

    @Test
    void assessRanksItsThreeOutlooksWithTheirTitlesEvaluationAndGains() {
        Assessment a = assessor.assess(facts("drought-summer"));

        assertThat(a.leading()).isEqualTo("water-conflict");
        assertThat(a.scenarios()).extracting(s -> s.scenario())
                .containsExactlyInAnyOrder("shared-management", "managed-rivalry", "water-conflict");
        assertThat(a.scenarios().stream().mapToDouble(s -> s.score()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(a.evaluation()).extracting(e -> e.aspect() + ": " + e.text()).containsExactly("cost: costs all three states");
        // Gains are what meeting a recommendation adds to the best outlook, shared management.
        assertThat(a.prescription("all.workingCommission").orElseThrow().gain()).isPositive();
        assertThat(a.prescriptions()).extracting(p -> p.actor()).containsOnly("upstream", "downstream", "all");

        String text = AssessmentText.render(a, Style.PLAIN);
        assertThat(text).contains("water conflict", "shared management", "managed rivalry");
        assertThat(AssessmentJson.pretty(a, null)).contains("\"title\" : \"water conflict\"").doesNotContain("deep-integration");
    }

    @Test
    void explainAndWhyNotAndSensitivityReadItsOwnVocabulary() {
        Assessment a = assessor.assess(facts("drought-summer"));

        assertThat(a.trace()).isNotEmpty();
        assertThat(a.trace().get(0).rule()).isEqualTo("Score the outlooks");

        WhyNot.Result whyNot = WhyNot.of(assessor, a, "shared-management");
        String shown = ExplanationText.whyNot(whyNot, Style.PLAIN);
        assertThat(shown).contains("shared management");
        assertThat(whyNot.changes()).isNotEmpty();
        assertThat(whyNot.changes().get(0).changes()).extracting(c -> c.indicator())
                .allMatch(id -> rules.knowledgeBase().vocabulary().find(id).isPresent());

        List<Sensitivity.Row> rows = Sensitivity.of(assessor, a.factSet());
        assertThat(rows).extracting(Sensitivity.Row::indicator).containsExactlyInAnyOrder(
                "basin.dataSharing", "basin.treatyCompliance", "basin.jointCommission", "upstream.dams", "basin.drought");
        assertThat(ExplanationText.sensitivity(rules.knowledgeBase(), rows, Sensitivity.valueOfInformation(a, rows), Style.PLAIN)
                .lines().skip(2).findFirst().orElseThrow())
                .matches("  Indicator +Now +shared +manage +water-  largest");
    }

    @Test
    void aFactFileOfTheArticlesVocabularyIsInvalidInputWithADidYouMeanFromThisOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, "{\"id\": \"m\", \"indicators\": {\"mechanism.disputeManagement\": \"high\", \"basin.dataShraing\": \"open\"}}");

        InvalidFactSetException e = catchThrowableOfType(InvalidFactSetException.class, () -> reader.readOne(file));

        assertThat(e.problems()).extracting(InputProblem::format).containsExactly(
                file + ":1:28: unknown indicator \"mechanism.disputeManagement\"; 'apsa vocabulary' and facts/fact-set.schema.json "
                        + "list the known ones",
                file + ":1:67: unknown indicator \"basin.dataShraing\" (did you mean \"basin.dataSharing\"?); 'apsa vocabulary' and "
                        + "facts/fact-set.schema.json list the known ones");
    }

    @Test
    void itsFactSetsListAndCopyTheIndicatorsInTheOrderItsKnowledgeBaseDeclaresNotAlphabetically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shuffled.json");
        Files.writeString(file, "{\"id\": \"s\", \"indicators\": {\"basin.drought\": \"severe\", \"upstream.dams\": \"filling\", "
                + "\"basin.dataSharing\": \"none\"}}");

        FactSet read = reader.readOne(file);
        // Declared: dataSharing, treatyCompliance, jointCommission, upstream.dams, drought.
        assertThat(read.indicators().keySet()).containsExactly("basin.dataSharing", "upstream.dams", "basin.drought");
        // A what-if's, a consultation's or an exploration's copy puts an indicator added in its place.
        FactSet added = read.with("basin.jointCommission", Reading.of("working"));
        assertThat(added.indicators().keySet()).containsExactly("basin.dataSharing", "basin.jointCommission", "upstream.dams",
                "basin.drought");
        assertThat(added.vocabulary()).isEqualTo(rules.knowledgeBase().vocabulary());
        // Saved as it is listed.
        String saved = FactSetWriter.json(added, null);
        assertThat(saved.indexOf("basin.jointCommission")).isLessThan(saved.indexOf("upstream.dams"));
        assertThat(saved.indexOf("upstream.dams")).isLessThan(saved.indexOf("basin.drought"));
    }

    @Test
    void batchWritesItsLinesAndReportsWithItsOutlooksAsColumns(@TempDir Path out) throws Exception {
        Batch.Summary summary = new Batch(assessor).run(new Batch.Options(List.of(FOLDER.resolve("facts")), out,
                EnumSet.allOf(Report.class), 2, Detail.FULL, null, Runtime.getRuntime().maxMemory(), System.in), Batch.Progress.NONE);

        assertThat(summary.assessed()).isEqualTo(3);
        assertThat(summary.byLeading()).containsKeys("shared-management", "managed-rivalry", "water-conflict");
        assertThat(Files.readAllLines(out.resolve("assessments.jsonl"))).hasSize(3);
        assertThat(Files.readString(out.resolve("summary.csv"))).startsWith("id,asOf,status,leading,shared-management,"
                + "shared-management.likelihood,managed-rivalry,managed-rivalry.likelihood,water-conflict,water-conflict.likelihood,");
        assertThat(Files.readString(out.resolve("report.md"))).contains("water conflict").doesNotContain("deep integration");
        assertThat(Files.readString(out.resolve("report.html"))).contains("shared management");
        assertThat(BatchSummaryText.render(summary, rules.knowledgeBase())).contains("  water conflict  ", "  managed rivalry  ");
    }

    @Test
    void aSecondBatchWithoutTheSummaryRemovesTheOneTheFirstWroteAsForTheArticle(@TempDir Path out) throws Exception {
        new Batch(assessor).run(new Batch.Options(List.of(FOLDER.resolve("facts")), out, EnumSet.of(Report.CSV), 1, Detail.FULL, null,
                Runtime.getRuntime().maxMemory(), System.in), Batch.Progress.NONE);
        assertThat(out.resolve("summary.csv")).exists();

        new Batch(assessor).run(new Batch.Options(List.of(FOLDER.resolve("facts")), out, EnumSet.noneOf(Report.class), 1, Detail.FULL, null,
                Runtime.getRuntime().maxMemory(), System.in), Batch.Progress.NONE);

        // Its header names this knowledge base's outlooks, yet it is known as a batch's own summary, not a file put there by hand.
        assertThat(out.resolve("summary.csv")).doesNotExist();
    }

    @Test
    void itsRuleTestsPassAndCoverEveryRule() throws Exception {
        RuleTestReport report = RuleTestReport.run(assessor, FOLDER.resolve("tests"));

        assertThat(report.failed()).as(report.render()).isZero();
        assertThat(report.outcomes()).hasSize(4);

        List<FactSet> sets = report.outcomes().stream().map(o -> o.test().facts()).toList();
        Coverage coverage = Coverage.of(assessor, sets, "4 rule tests");
        assertThat(coverage.neverFired()).isEmpty();
        assertThat(coverage.indicatorsNeverStated()).isEmpty();
    }

    @Test
    void exploreTalliesItsThreeOutlooksAndVariesItsOwnIndicators() {
        // Both indicators named stated with doubt, so that both move.
        FactSet doubted = facts("drought-summer").with("upstream.dams", new Reading("filling", 0.6, null))
                .with("basin.dataSharing", new Reading("none", 0.5, null));
        Exploration e = new Explorer(assessor).explore(doubted,
                new Explorer.Options(600, 1, Vary.named(List.of("upstream.dams", "basin.dataSharing")), 2));

        assertThat(e.leaders()).extracting(Exploration.Lead::id)
                .containsExactly("shared-management", "managed-rivalry", "water-conflict", Exploration.NO_LEADER);
        assertThat(e.leaders().stream().mapToLong(Exploration.Lead::count).sum()).isEqualTo(600);
        assertThat(e.scores()).extracting(Exploration.Scores::outlook)
                .containsExactly("shared-management", "managed-rivalry", "water-conflict");
        assertThat(e.dimensions()).extracting(d -> d.id()).containsExactly("basin.dataSharing", "upstream.dams");
        assertThat(e.sensitivity()).allSatisfy(s -> assertThat(s.firstOrder()).containsOnlyKeys(
                "shared-management", "managed-rivalry", "water-conflict"));
        assertThat(e.boxes()).extracting(Exploration.Boxes::outlook)
                .containsExactly("shared-management", "managed-rivalry", "water-conflict", Exploration.NO_LEADER);

        assertThat(ExplorationText.render(e, Style.PLAIN)).contains("--vary basin.dataSharing,upstream.dams",
                "water conflict", "shared management").doesNotContain("deep integration", "Deep integration");
        assertThat(ExplorationJson.render(e)).contains("basin.dataSharing,upstream.dams")
                .doesNotContain("deep-integration");
        assertThat(ExplorationMarkdown.render(e)).contains("| shared-management | managed-rivalry | water-conflict |");
        assertThat(ExplorationHtml.render(e)).contains("water conflict").doesNotContain("deep-integration");
    }

    @Test
    void theCatalogueListsItsRules() {
        String catalogue = Catalogue.markdown(rules);

        assertThat(catalogue).contains("basin.drl", "Dams fill in a drought", "Recommend sharing river data");
    }
}
