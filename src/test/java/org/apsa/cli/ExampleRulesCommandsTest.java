package org.apsa.cli;

import org.apsa.fact.InvalidFactSetException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commands with {@code --rules examples/river-basin}: its outlooks and vocabulary, none of the article's. */
class ExampleRulesCommandsTest {

    private static final String RULES = "examples/river-basin";
    private static final String FACTS = RULES + "/facts/drought-summer.json";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Output out = new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final RuleBases ruleBases = new RuleBases(null, null);
    private final Workbench bench = new Workbench(Workbench.Run.COMMAND);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whyNotTakesAnOutlookOfTheRulesNamed() {
        new ExplainCommands(ruleBases, bench, out).whyNot(FACTS, "shared-management", "text", RULES);

        assertThat(printed()).startsWith("Why not shared management?").contains("The leading outlook is water conflict.");
    }

    @Test
    void anOutlookOfAnotherKnowledgeBaseIsAUsageErrorNamingThisOnesOutlooks() {
        assertThatThrownBy(() -> new ExplainCommands(ruleBases, bench, out).whyNot(FACTS, "deep-integration", "text", RULES))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown outlook \"deep-integration\"; use shared-management, managed-rivalry, water-conflict");
    }

    @Test
    void aFactFileOfTheArticleIsInvalidInputForTheseRules() {
        assertThatThrownBy(() -> new AssessCommands(ruleBases, bench, out).assess("facts/baseline-2014-12.json", "json", RULES))
                .isInstanceOf(InvalidFactSetException.class)
                .hasMessageContaining("unknown indicator \"us.presence.transparency\"");
    }

    @Test
    void assessAndSensitivityShowItsOutlooks() {
        new AssessCommands(ruleBases, bench, out).assess(FACTS, "text", RULES);
        new ExplainCommands(ruleBases, bench, out).sensitivity(FACTS, "text", RULES);

        assertThat(printed()).contains("water conflict", "managed rivalry", "basin.drought",
                        "Unmet, by what meeting each would add to shared management:", "  downstream ¶4 ")
                .doesNotContain("deep integration");
    }

    @Test
    void exploreTalliesItsOutlooksAndVariesItsIndicators() {
        // The drought is not stated: it moves; the data sharing is stated for sure: it is held.
        new ExploreCommands(ruleBases, bench, out).explore(RULES + "/facts/treaty-holds.json", 300, 1L, "basin.drought,basin.dataSharing",
                null, "text", 1, RULES);

        assertThat(printed()).startsWith("Exploration of treaty-holds")
                .contains("--vary basin.dataSharing,basin.drought: 1 indicator moved", "(0 stated, 1 unknown)", "water conflict", "managed rivalry",
                        "shared management")
                .doesNotContain("deep integration");
    }

    @Test
    void exploreVaryTakesTheIndicatorsOfTheRulesNamed() {
        assertThatThrownBy(() -> new ExploreCommands(ruleBases, bench, out)
                .explore(FACTS, 300, 1L, "basin.dataShraing", null, "text", 1, RULES))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--vary: unknown indicator \"basin.dataShraing\" (did you mean \"basin.dataSharing\"?)");
        assertThatThrownBy(() -> new ExploreCommands(ruleBases, bench, out)
                .explore(FACTS, 300, 1L, "mechanism.disputeManagement", null, "text", 1, RULES))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--vary: unknown indicator \"mechanism.disputeManagement\"");
    }

    @Test
    void diffAndRecommendInTheShellOfTheseRulesShowItsOutlooksAndActors() {
        RuleBases shell = new RuleBases(RULES, null);
        bench.open(shell.reader(null).readOne(java.nio.file.Path.of(FACTS)), null);
        WorkbenchCommands commands = new WorkbenchCommands(bench, shell, out);

        commands.diff(RULES + "/facts/commission-at-work.json");
        commands.recommend();

        assertThat(printed()).contains("Indicators that differ (5)", "  basin.dataSharing ", "shared management",
                        "managed rivalry", "water conflict", "     Gain  Actor      ¶    Indicator -> level")
                .doesNotContain("deep integration", "usChina");
        // The indicators in the order of this vocabulary, not alphabetical.
        assertThat(printed().indexOf("basin.treatyCompliance")).isLessThan(printed().indexOf("basin.jointCommission"));
    }

    @Test
    void showAndVocabularyListTheIndicatorsInTheOrderOfItsKnowledgeBase() {
        RuleBases shell = new RuleBases(RULES, null);
        bench.open(shell.reader(null).readOne(java.nio.file.Path.of(FACTS)), null);
        new WorkbenchCommands(bench, shell, out).show();
        new VocabularyCommands(out, shell).vocabulary("text", false, null);

        // The order of knowledge-base.json, twice: in the fact set shown, then in the vocabulary.
        List<String> declared = List.of("basin.dataSharing", "basin.treatyCompliance", "basin.jointCommission", "upstream.dams",
                "basin.drought");
        List<String> listed = printed().lines().map(String::strip).map(l -> l.split(" ")[0]).filter(declared::contains).toList();
        assertThat(listed).containsExactlyElementsOf(java.util.stream.Stream.concat(declared.stream(), declared.stream()).toList());
    }

    @Test
    void theCompletionScriptsOfferTheOutlooksOfTheKnowledgeBaseInUse() {
        String bash = CompletionScripts.standard(new RuleBases(RULES, null).knowledgeBase(null)).bash();

        assertThat(bash).contains("shared-management managed-rivalry water-conflict").doesNotContain("deep-integration");
    }

    @Test
    void whatIfsExamplesAreDrawnFromTheVocabularyInUse() {
        RuleBases shell = new RuleBases(RULES, null);
        org.apsa.fact.Vocabulary vocabulary = shell.knowledgeBase(null).vocabulary();
        org.apsa.fact.FactSet facts = shell.reader(null).readOne(java.nio.file.Path.of(FACTS));

        assertThatThrownBy(() -> WorkbenchCommands.variant(vocabulary, facts, java.util.List.of("basin.drought")))
                .isInstanceOf(UsageException.class)
                .hasMessage("\"basin.drought\" is not ID=LEVEL; e.g. what-if basin.dataSharing=open or basin.dataSharing=open@0.7");
        assertThatThrownBy(() -> WorkbenchCommands.variant(vocabulary, facts, java.util.List.of("basin.drought=none@x")))
                .isInstanceOf(UsageException.class)
                .hasMessageEndingWith("e.g. basin.dataSharing=open@0.6");
    }
}
