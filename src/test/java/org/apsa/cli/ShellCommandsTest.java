package org.apsa.cli;

import org.apsa.engine.TestRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.jline.reader.LineReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.ShellTestClient.InteractiveShellSession;
import org.springframework.shell.test.autoconfigure.AutoConfigureShell;
import org.springframework.shell.test.autoconfigure.AutoConfigureShellTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apsa.cli.ShellTestSupport.awaitScreen;
import static org.apsa.cli.ShellTestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's workbench driven through the shell's test client, as typed at the prompt:
 * each command, its errors, and completion, with assertions on what the screen shows.
 */
@SpringBootTest(properties = {"spring.shell.interactive.enabled=false", "spring.shell.test.terminal-width=200",
        "spring.shell.test.terminal-height=80"})
@AutoConfigureShell
@AutoConfigureShellTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellCommandsTest {

    @Autowired
    ShellTestClient client;

    @Autowired
    ShellContext shellContext;

    private InteractiveShellSession session;

    /** One shell for the class, as one analyst's sitting; each test starts on a cleared screen. */
    @BeforeAll
    void openSession() {
        // As in the real shell: an error ends the command, not the session.
        shellContext.setInteractionMode(InteractionMode.INTERACTIVE);
        session = client.interactive().run();
    }

    @Autowired
    Workbench bench;

    @BeforeEach
    void clearScreen() {
        // Each test starts with no fact set, as if the analyst had saved or discarded the last one.
        bench.open(null, null);
        type(session, "clear");
        awaitScreen(session, s -> !s.contains("\n") || s.strip().startsWith("apsa>") && s.strip().lines().count() <= 1,
                "a cleared screen");
    }

    @Test
    void loadShowAndAssessTheBaseline() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12 from facts/baseline-2014-12.json");
        type(session, "show");
        String shown = awaitScreen(session, "Unknown (");
        assertThat(shown).contains("usChina.strategicDistrust", "Indicator", "Conf.");
        type(session, "assess");
        String assessed = awaitScreen(session, "Prescriptions:");
        assertThat(assessed).contains("polarization", "leading", "What the article says of polarization");
    }

    @Test
    void setAndUnsetChangeTheFactSetAndMistakesGetADidYouMean() {
        type(session, "new my view");
        awaitScreen(session, "unexpected \"view\" for new: it takes ID by position and the rest by name; 'help new' lists what it takes");
        type(session, "new .x");
        awaitScreen(session, "id \".x\" is not usable: use 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        type(session, "new edits-1");
        awaitScreen(session, "New fact set edits-1");
        type(session, "set us.presence.transparancy high");
        awaitScreen(session, "unknown indicator \"us.presence.transparancy\" (did you mean \"us.presence.transparency\"?)");
        type(session, "set us.presence.transparency hihg");
        awaitScreen(session, "level \"hihg\" is not on the scale of \"us.presence.transparency\" (did you mean \"high\"?)");
        type(session, "set us.presence.transparency high --confidence 0.7 --note because");
        awaitScreen(session, "us.presence.transparency: unknown -> high (0.70)");
        type(session, "set us.presence.transparency medium --confidence 1.5");
        awaitScreen(session, "confidence 1.5 is out of range");
        type(session, "set us.presence.transparency medium --confidence 0.6");
        awaitScreen(session, "us.presence.transparency: high (0.70) -> medium (0.60)  (note kept)");
        assertThat(bench.current().indicators().get("us.presence.transparency").note()).isEqualTo("because");
        type(session, "unset us.presence.transparency");
        awaitScreen(session, "us.presence.transparency: medium (0.60) -> unknown");
        type(session, "set us.presence.transparency medium --confidence 0.6");
        awaitScreen(session, s -> s.lines().anyMatch(l -> l.strip().equals("us.presence.transparency: unknown -> medium (0.60)")),
                "the change echoed without '(note kept)'");
        assertThat(bench.current().indicators().get("us.presence.transparency").note()).isNull();
        type(session, "unset us.presence.transparency");
        awaitScreen(session, "us.presence.transparency: medium (0.60) -> unknown");
        type(session, "unset us.presence.transparency");
        awaitScreen(session, "us.presence.transparency is unknown already.");
    }

    /** A fact set built by other means than the reader, which refuses such text: show still shows it literally. */
    @Test
    void showShowsTheTitleAndNotesOnTheirLineWithoutActingOnTheTerminal() {
        bench.open(new FactSet("hostile", "Line one\nLine two \u001b[2J", null, null, Map.of("region.alignment",
                new Reading("leaning", 1.0, "retitles \u001b]0;PWNED\u0007 and clears \u001b[2J the screen")), KnowledgeBase.embedded().vocabulary()), null);
        type(session, "show");
        String screen = awaitScreen(session, "Unknown (");
        assertThat(screen).contains("hostile  Line one Line two \uFFFD[2J", "retitles \uFFFD]0;PWNED\uFFFD and clears \uFFFD[2J the screen");
    }

    /** Words are read as one-shot reads them: a word too many is named, never joined to a value or given to another option. */
    @Test
    void aWordTooManyIsNamedAndANoteOfSeveralWordsIsAskedInQuotes() {
        type(session, "new words-1");
        awaitScreen(session, "New fact set words-1");
        type(session, "set region.alignment leaning --note two words here");
        awaitScreen(session, "\"words\" follows the value of --note, which takes one; put a value of several words in quotes:"
                + " --note \"two words here\"");
        assertThat(bench.current().indicators()).doesNotContainKey("region.alignment");
        type(session, "unset region.alignment junk");
        awaitScreen(session, "unexpected \"junk\" for unset: it takes ID by position and the rest by name");
        type(session, "load a.json b.json");
        awaitScreen(session, "unexpected \"b.json\" for load: it takes FILE by position and the rest by name");
        type(session, "explain chaos polarization");
        awaitScreen(session, "unexpected \"polarization\" for explain: it takes FILE by position and the rest by name");
        type(session, "show now");
        awaitScreen(session, "unexpected \"now\" for show: it takes no word without an option's name");
        type(session, "set --note \"two words here\" region.alignment leaning");
        awaitScreen(session, "region.alignment: unknown -> leaning  (note added)");
        assertThat(bench.current().indicators().get("region.alignment").note()).isEqualTo("two words here");
    }

    /** The words after a command's name reach it as the line parser gave them: quotes, commas and backslashes kept. */
    @Test
    void aNoteWithQuotesACommaAndABackslashReachesTheCommandAsTyped() {
        type(session, "new quotes-1");
        awaitScreen(session, "New fact set quotes-1");
        type(session, "set region.alignment leaning --note \"he said \\\"no\\\", a\\\\b\"");
        awaitScreen(session, "region.alignment: unknown -> leaning  (note added)");
        assertThat(bench.current().indicators().get("region.alignment").note()).isEqualTo("he said \"no\", a\\b");
    }

    @Test
    void aNoteIsKeptReplacedOrDroppedAndTheChangeSaysWhich() {
        type(session, "new notes-1");
        awaitScreen(session, "New fact set notes-1");
        type(session, "set region.alignment leaning --note first");
        awaitScreen(session, "region.alignment: unknown -> leaning  (note added)");
        type(session, "set region.alignment balanced");
        awaitScreen(session, "region.alignment: leaning -> balanced  (note kept)");
        type(session, "set region.alignment balanced --note second");
        awaitScreen(session, "region.alignment: balanced -> balanced  (note replaced)");
        assertThat(bench.current().indicators().get("region.alignment").note()).isEqualTo("second");
        type(session, "set region.alignment balanced --note ''");
        awaitScreen(session, "region.alignment: balanced -> balanced  (note dropped)");
        assertThat(bench.current().indicators().get("region.alignment").note()).isNull();
        type(session, "set region.alignment balanced --note");
        awaitScreen(session, "--note needs a value; 'help set' says what it takes");
    }

    @Test
    void whatIfShowsTheDifferenceWithoutChangingTheFactSet() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "what-if region.alignment=balanced usChina.militaryExchanges=high");
        String screen = awaitScreen(session, "no longer met:");
        assertThat(screen).contains("Indicators that differ (2)", "region.alignment", "what if", "newly met:");
        type(session, "what-if region.alignment=balanced region.alignment=leaning");
        awaitScreen(session, "region.alignment is given twice, as balanced and as leaning; give each indicator once");
        type(session, "what-if region.alignment=balance");
        awaitScreen(session, "level \"balance\" is not on the scale of \"region.alignment\" (did you mean \"balanced\"?)");
        type(session, "show");
        awaitScreen(session, s -> s.matches("(?s).*region\\.alignment\\s+leaning.*"), "the loaded alignment, unchanged");
    }

    @Test
    void saveIsAtomicAndRefusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path existing = dir.resolve("existing.json");
        Files.writeString(existing, "keep me");
        type(session, "new saved-1");
        awaitScreen(session, "New fact set saved-1");
        type(session, "set hotspot.koreanPeninsula tense");
        awaitScreen(session, "hotspot.koreanPeninsula: unknown -> tense");
        type(session, "save " + existing);
        awaitScreen(session, existing + " exists; add --force to overwrite it");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        type(session, "save " + existing + " --force");
        awaitScreen(session, "Saved saved-1 to " + existing);
        assertThat(Files.readString(existing)).contains("\"hotspot.koreanPeninsula\": \"tense\"");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(existing);
        }
    }

    @Test
    void unsavedChangesAreNotReplacedByLoadOrNewWithoutDiscard() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "set region.alignment balanced");
        awaitScreen(session, "region.alignment: leaning");
        type(session, "load facts/analyst-a-2015-06.json");
        awaitScreen(session, "the current fact set baseline-2014-12 has unsaved changes; 'save' keeps them, "
                + "or add --discard to load another anyway");
        type(session, "new other");
        awaitScreen(session, "or add --discard to start a new one anyway");
        assertThat(bench.current().indicators().get("region.alignment").level()).isEqualTo("balanced");
        type(session, "load facts/analyst-a-2015-06.json --discard");
        awaitScreen(session, "Loaded analyst-a-2015-06");
        assertThat(bench.dirty()).isFalse();
    }

    @Test
    void consultAsksTheMostInformativeUnknownsAndUpdatesAfterEachAnswer() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "consult --max 2 --answers why,consensus,skip");
        String screen = awaitScreen(session, "Skipped");
        assertThat(screen).contains("Q1.", "Why: knowing", "Now:", "Q2.");
    }

    @Autowired
    LineReader lineReader;

    @Test
    void tabAtAConsultQuestionOffersItsAnswersAndAnswersStayOutOfTheCommandHistory() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "consult --max 1");
        awaitScreen(session, "Q1. usChina.accommodation");
        ShellTestSupport.awaitQuiet(session);
        // The level "consensus", not the shell's command "consult".
        session.write(session.writeSequence().text("con\t").build());
        awaitScreen(session, "> consensus");
        session.write(session.writeSequence().carriageReturn().build());
        awaitScreen(session, "usChina.accommodation = consensus. Now:");

        List<String> commands = new ArrayList<>();
        lineReader.getHistory().forEach(entry -> commands.add(entry.line().strip()));
        assertThat(commands).contains("consult --max 1").doesNotContain("consensus");
    }

    @Test
    void withNoLeaderConsultsWhySaysAnAnswerCouldNameALeaderNotChangeIt() {
        type(session, "new blank");
        awaitScreen(session, "blank");
        type(session, "consult --max 1 --answers why,skip");
        String screen = awaitScreen(session, "Skipped");
        assertThat(screen).contains("and could name a leading outlook", "Today: no leader (insufficient evidence)")
                .doesNotContain("could change the leading outlook");
    }

    @Test
    void aScriptedAnswerOffTheScaleStopsTheConsultationKeepingEarlierAnswers() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "consult --max 3 --answers consensus,hihg,skip");
        String screen = awaitScreen(session, "is not on the scale");
        assertThat(screen).contains("answer \"hihg\" to ", "(did you mean \"high\"?)").doesNotContain("Q3.");
        assertThat(bench.current().indicators().get("usChina.accommodation").level()).isEqualTo("consensus");
        type(session, "consult --max 0");
        awaitScreen(session, "--max is the most questions to ask; give 1 or more, not 0");
    }

    @Test
    void explainWhyNotSensitivityRecommendAndHistoryWorkOnTheCurrentFactSet() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "explain");
        awaitScreen(session, "by \"Score the four outlooks\"");
        type(session, "explain choas");
        awaitScreen(session, "unknown judgment \"choas\" (did you mean the outlook \"chaos\"?); the rules draw: ");
        type(session, "clear");
        type(session, "explain usChina.mutualTrust.rising");
        String notHeld = awaitScreen(session, "usChina.mutualTrust.rising does not hold for baseline-2014-12: no rule drew it.");
        assertThat(notHeld).contains("\"Mutual trust rises with low distrust\"").doesNotContain("did you mean");
        type(session, "clear");
        type(session, "explain region.alignment");
        awaitScreen(session, "region.alignment is an indicator, not a judgment: baseline-2014-12 states it leaning");
        type(session, "clear");
        type(session, "why-not deep-integration");
        awaitScreen(session, "Smallest changes that would make deep integration lead");
        type(session, "clear");
        type(session, "sensitivity");
        awaitScreen(session, "Worth learning (unknown indicators, most informative first)");
        type(session, "clear");
        type(session, "recommend");
        awaitScreen(session, "prescriptions met.");
        type(session, "assess");
        type(session, "history");
        awaitScreen(session, s -> s.matches("(?s).*\\n\\s+\\d+\\s+\\d\\d:\\d\\d:\\d\\d\\s+baseline-2014-12.*"), "a history line");
    }

    @Test
    void theFrameworksOwnCommandsNameThemselvesInAMistakeAndAnEmptyWordInATwoWordNameChangesNothing() {
        type(session, "clear --rules x");
        awaitScreen(session, "clear does not take --rules; see 'help clear'");
        type(session, "quit --bogus");
        awaitScreen(session, "unknown option --bogus for quit; see 'help quit'");
        // Read by the tool's parser, as 'rules list --bogus' is, not by the framework's.
        type(session, "rules '' list --bogus");
        awaitScreen(session, "unknown option --bogus for rules list; 'help rules list' lists its options");
    }

    @Test
    void exploreWorksOnTheCurrentFactSet() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "explore --samples 200 --threads 1");
        String screen = awaitScreen(session, "Where each outlook leads");
        assertThat(screen).contains("Exploration of baseline-2014-12", "200 samples, seed 1, --vary all");
    }

    @Test
    void diffComparesTwoAnalystsSideBySide() {
        type(session, "load facts/analyst-a-2015-06.json");
        awaitScreen(session, "Loaded analyst-a-2015-06");
        type(session, "diff facts/analyst-b-2015-06.json");
        String screen = awaitScreen(session, "no longer met:");
        assertThat(screen).contains("current: analyst-a-2015-06 (facts/analyst-a-2015-06.json)",
                "other:   analyst-b-2015-06 (facts/analyst-b-2015-06.json)", "Indicators that differ", "leading");
        assertThat(screen).containsPattern("\\n  Indicator +current +other *\\n")
                .containsPattern("\\nOutlook +current +other +change *\\n");
    }

    @Test
    void historyListsTheChangesMadeBeforeTheFirstAssessmentAndSaysWhichFactSetWasOpened() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "set region.alignment balanced");
        awaitScreen(session, "region.alignment: leaning (0.50) -> balanced");
        type(session, "assess");
        awaitScreen(session, "Prescriptions:");
        type(session, "load facts/analyst-a-2015-06.json --discard");
        awaitScreen(session, "Loaded analyst-a-2015-06");
        type(session, "assess");
        type(session, "clear");
        type(session, "history");
        String screen = awaitScreen(session, "loaded from facts/analyst-a-2015-06.json, no change since");
        assertThat(screen).containsPattern("baseline-2014-12 .*\\n +loaded from facts/baseline-2014-12\\.json, then: *\\n"
                + " +region\\.alignment: leaning \\(0\\.50\\) -> balanced *\\n +\\d+ +\\d\\d:\\d\\d:\\d\\d +analyst-a-2015-06 ");
    }

    @Test
    void errorsAreOneLineAndKeepTheState() {
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "load no/such/file.json");
        awaitScreen(session, "no/such/file.json: no such file");
        type(session, "asess");
        awaitScreen(session, "unknown command \"asess\" (did you mean \"assess\"?)");
        type(session, "why-not harmony");
        awaitScreen(session, "unknown outlook \"harmony\"; use deep-integration, shared-dominance, polarization, chaos");
        type(session, "show");
        awaitScreen(session, "baseline-2014-12  After the 2014 summit season");
    }

    @Test
    void commandLineMistakesAreOneLineInTheToolsWordsNamingTheCommand() {
        type(session, "set");
        awaitScreen(session, "set: give the id (an indicator id) and the level (a level of its scale), e.g. set ID LEVEL --confidence 0.7");
        type(session, "what-if");
        awaitScreen(session, "what-if: give the change (ID=LEVEL or ID=LEVEL@CONFIDENCE pairs), e.g. what-if ID=LEVEL ID=LEVEL@0.6");
        type(session, "set region.alignment high --confidence abc");
        awaitScreen(session, "\"abc\" is not a number; --confidence takes a number (in (0, 1]; 1 when left out); see 'help set'");
        type(session, "set region.alignment balanced extra junk");
        String screen = awaitScreen(session, "unexpected \"extra\" for set: it takes ID LEVEL by position and the rest by name");

        assertThat(screen).doesNotContain("Missing mandatory", "COMMAND", "double", "Illegal option");
        // Each mistake is one line under the command typed.
        List<String> lines = screen.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 2 < lines.size(); i += 2) {
            assertThat(lines.get(i)).startsWith("apsa> ");
            assertThat(lines.get(i + 2)).as("the line after the message for " + lines.get(i)).startsWith("apsa>");
        }
    }

    @Test
    void helpListsEveryCommandInTheOrderOneShotListsItsOwn() {
        type(session, "help");
        String screen = awaitScreen(session, "130 stopped (Ctrl-C).");
        List<String> shell = HelpTest.commandsIn(screen);
        List<String> oneShot = HelpTest.commandsIn(oneShot("help"));

        assertThat(shell).containsExactly("assess", "batch", "explain", "why-not", "sensitivity", "explore", "vocabulary",
                "load", "new", "show", "set", "unset", "what-if", "diff", "recommend", "consult", "history", "save",
                "rules list", "rules validate", "rules test", "rules coverage", "rules doc", "rules reload",
                "help", "version", "script", "clear", "quit, exit");
        assertThat(shell.stream().filter(oneShot::contains).toList()).isEqualTo(oneShot);
        assertThat(stripped(screen)).contains("\nShell\n", "'help COMMAND' shows a command's options and an example. Exit status: 0 done")
                .doesNotContain("Built-In Commands", "AVAILABLE COMMANDS");
    }

    @Test
    void helpOnACommandIsOneShotsTextWithoutJavaTypes() {
        type(session, "help assess");
        String screen = awaitScreen(session, "--rules RULES ");

        assertThat(stripped(screen)).contains(stripped(oneShot("help", "assess")));
        assertThat(screen).doesNotContain("String", "[Optional", "SYNOPSIS");
        type(session, "clear");
        type(session, "rules test --help");
        String asOption = awaitScreen(session, "--rules RULES ");
        assertThat(stripped(asOption)).contains(stripped(oneShot("help", "rules", "test")));
    }

    @Test
    void helpOnANameThatIsNoCommandSaysSoWithTheNearestOne() {
        type(session, "help asess");
        awaitScreen(session, "unknown command \"asess\" (did you mean \"assess\"?); 'help' lists the commands");
        type(session, "help rules valdate");
        awaitScreen(session, "unknown command \"rules valdate\" (did you mean \"rules validate\"?)");
        type(session, "help quit");
        awaitScreen(session, "quit: Exit the shell.");
    }

    @Autowired
    Output output;

    /** What one-shot prints for {@code args}, wrapped at this shell's width. */
    private String oneShot(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        new CommandHarness(stream, stream, output::width, CommandHarness.standard().commandObjects())
                .shellOnly(WorkbenchCommands.class, ConsultCommands.class, ScriptCommand.class).execute(args);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Text as lines without trailing spaces, as the screen and a stream show it alike. */
    private static String stripped(String text) {
        return String.join("\n", text.lines().map(String::stripTrailing).toList()).strip();
    }

    @Test
    void tabCompletesIndicatorIds() {
        type(session, "new completion-1");
        awaitScreen(session, "New fact set completion-1");
        session.write(session.writeSequence().text("set us.presence.tr\t").build());
        awaitScreen(session, "set us.presence.transparency");
        session.write(session.writeSequence().text("hi\t").build());
        awaitScreen(session, "set us.presence.transparency high");
        session.write(session.writeSequence().carriageReturn().build());
        awaitScreen(session, "us.presence.transparency: unknown -> high");
        type(session, "why-not sha\t");
        awaitScreen(session, "Why not shared dominance of big powers?");
        type(session, "what-if region.al\tba\t");
        awaitScreen(session, "Indicators that differ (1)");
    }

    @Test
    void tabCompletesScriptsAndOffersOnlyFoldersThatLeadToWhatThePositionTakes() {
        type(session, "");
        session.write(session.writeSequence().text("script ex\t").build());
        awaitScreen(session, "script examples/");
        session.write(session.writeSequence().text("\t").build());
        awaitScreen(session, "script examples/session.apsa");
        // Not run: the line is wiped.
        session.write(session.writeSequence().text("\u0015why-not \t").build());
        String offered = awaitScreen(session, "shared-dominance");

        assertThat(offered).contains("facts/", "deep-integration").doesNotContain("docs/");
        session.write(session.writeSequence().text("\u0015").build());
    }

    @Test
    void rulesValidateShowsEachFindingAtItsPositionAndTheShellCarriesOn() {
        type(session, "rules validate --rules src/test/resources/rules-authoring/unknown-indicator");
        awaitScreen(session, "unknown-indicator.drl:11:27: error: rule \"Transparency builds confidence\": unknown indicator");
        awaitScreen(session, "the rules have errors");
        type(session, "rules validate --rules src/test/resources/rules-authoring/missing-metadata --strict");
        awaitScreen(session, "the rules have warnings and --strict fails on them");
        type(session, "rules list");
        awaitScreen(session, "us-posture.drl:40");
    }

    @Test
    void rulesCoverageAndTestRunInTheShell() {
        type(session, "rules coverage");
        awaitScreen(session, "Levels never stated (");
        type(session, "clear");
        type(session, "rules test");
        awaitScreen(session, "tests: 66 rule tests, 66 passed, 0 failed");
    }

    @Test
    void aLoopingRuleAndAThrowingRuleAreReportedWithoutTakingTheShellDown() {
        type(session, "assess facts/baseline-2014-12.json --rules " + TestRules.folderWithShippedScoring("escalates"));
        awaitScreen(session, "times on fact set \"baseline-2014-12\" without the rules settling");
        awaitScreen(session, "\"Doubt feeds doubt\"");
        type(session, "clear");
        type(session, "assess facts/baseline-2014-12.json --rules " + TestRules.folderWithShippedScoring("throws"));
        awaitScreen(session, "rule \"Fail on transparency\" failed on fact set \"baseline-2014-12\"");
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "assess");
        awaitScreen(session, "Prescriptions:");
    }

    @Test
    void aConsequenceThatNeverReturnsIsStoppedAtTheDeadlineAndTheShellGoesOn() {
        System.setProperty(org.apsa.engine.Containment.DEADLINE_PROPERTY, "1");
        try {
            type(session, "assess facts/archetype-deep-integration.json --rules " + TestRules.folderWithShippedScoring("spins"));
            awaitScreen(session, "rule \"Spin at a transparent presence\" has run for more than 1 s without finishing");
        } finally {
            System.clearProperty(org.apsa.engine.Containment.DEADLINE_PROPERTY);
        }
        type(session, "clear");
        type(session, "load facts/baseline-2014-12.json");
        awaitScreen(session, "Loaded baseline-2014-12");
        type(session, "assess");
        awaitScreen(session, "Prescriptions:");
    }
}
