package org.apsa.authoring;

import org.apsa.rulebase.Finding;
import org.apsa.rulebase.RuleBaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each fixture under rules-authoring/ is a clean pair of rules with one defect, named after
 * it; the validator must report exactly that defect, at the exact position, with its fix.
 */
class ValidatorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rules-authoring");
    private final Validator validator = new Validator();

    /** The findings of a fixture, one line each, the file named relative to the fixtures. */
    private List<String> findings(String fixture) {
        Validation v = validator.validate(FIXTURES.resolve(fixture));
        return v.findings().stream()
                .map(f -> f.position().replace(FIXTURES + "/", "") + ": " + f.severity().label() + ": " + f.message())
                .toList();
    }

    private Finding only(String fixture) {
        List<Finding> all = validator.validate(FIXTURES.resolve(fixture)).findings();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void theShippedRulesAreClean() {
        Validation v = validator.validate(Path.of("rules"));

        assertThat(v.findings()).isEmpty();
        assertThat(v.passes(true)).isTrue();
        assertThat(v.summary()).isEqualTo("rules: 20 files, 96 rules, 0 errors, 0 warnings");
    }

    @Test
    void aRuleFileStartingWithAByteOrderMarkIsClean(@TempDir Path dir) throws Exception {
        copyShippedRules(dir);
        Path blocs = dir.resolve("blocs.drl");
        java.nio.file.Files.writeString(blocs, "\uFEFF" + java.nio.file.Files.readString(blocs));

        assertThat(validator.validate(dir).findings()).isEmpty();
    }

    @Test
    void aRuleNamedAsOneInAnotherPackageIsAnErrorAtTheLaterOne(@TempDir Path dir) throws Exception {
        copyShippedRules(dir);
        java.nio.file.Files.writeString(dir.resolve("other.drl"), """
                package org.apsa.other;

                import org.apsa.engine.Indicator;
                import org.apsa.engine.Support;

                rule "Mutual trust erodes under high distrust" @source("6") @title("t") when $i : Indicator( id == "hotspot.afghanistan", level == "crisis" ) then insertLogical(new Support(kcontext, "chaos", 0.5, $i.confidence())); end
                """);

        assertThat(validator.validate(dir).findings()).extracting(Finding::format).containsExactly(dir.resolve("other.drl")
                + ":6:6: error: rule \"Mutual trust erodes under high distrust\" is also defined at " + dir.resolve("mutual-trust.drl")
                + ":13; a rule's name must be unique across the rules folder (traces, tests and the catalogue name rules by it), "
                + "so rename one");
    }

    @Test
    void aClaimThatClaimsCsvLacksIsAWarningAtTheAnnotation(@TempDir Path dir) throws Exception {
        copyShippedRules(dir);
        java.nio.file.Files.copy(Path.of("rules/claims.csv"), dir.resolve("claims.csv"));
        Path trust = dir.resolve("mutual-trust.drl");
        java.nio.file.Files.writeString(trust, java.nio.file.Files.readString(trust)
                .replaceFirst("@claim\\(\"C5.2\"\\)", "@claim(\"C5.2, C5.92\")"));

        assertThat(validator.validate(dir).findings()).extracting(Finding::format).containsExactly(trust
                + ":14:18: warning: rule \"Mutual trust erodes under high distrust\": @claim C5.92 is not in claims.csv"
                + " (did you mean \"C5.2\"?)\n    fix: cite a claim id of claims.csv, or add the claim there");
    }

    private static void copyShippedRules(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void anOutlookNoRuleSupportsAndAnIndicatorNoRuleReadsAreWarningsAtTheirIdsInTheKnowledgeBase(@TempDir Path dir) throws Exception {
        copyShippedRules(dir);
        String kb = java.nio.file.Files.readString(Path.of("rules/knowledge-base.json"))
                .replace("\"outlooks\": [", "\"outlooks\": [\n    { \"id\": \"stalemate\", \"title\": \"stalemate\", \"reach\": 1.0 },")
                .replace("\"indicators\": [", "\"indicators\": [\n    { \"id\": \"region.fisheries\", \"levels\": [\"low\", \"high\"], \"meaning\": \"m\" },");
        java.nio.file.Files.writeString(dir.resolve("knowledge-base.json"), kb);
        List<String> lines = kb.lines().toList();
        int outlook = lines.indexOf("    { \"id\": \"stalemate\", \"title\": \"stalemate\", \"reach\": 1.0 },") + 1;
        int indicator = lines.indexOf("    { \"id\": \"region.fisheries\", \"levels\": [\"low\", \"high\"], \"meaning\": \"m\" },") + 1;

        assertThat(validator.validate(dir).findings()).extracting(Finding::format).containsExactly(
                dir.resolve("knowledge-base.json") + ":" + outlook + ":13: warning: outlook \"stalemate\" is supported by no rule: it can lead only "
                        + "by the evidence against the others\n    fix: add a rule that inserts new Support(kcontext, \"stalemate\", "
                        + "weight, confidence), or remove the outlook",
                dir.resolve("knowledge-base.json") + ":" + indicator + ":13: warning: indicator \"region.fisheries\" is read by no rule: stating "
                        + "it changes nothing\n    fix: add a rule that matches Indicator( id == \"region.fisheries\" ), or remove the indicator");
    }

    /**
     * A few rules beside a copy of the knowledge base leave most of its indicators unused: a
     * load says so in one warning, at the first, with the count and the first ids; 'rules
     * validate' places each.
     */
    @Test
    void indicatorsAFewRulesLeaveUnusedAreOneWarningOnLoadingAndEachPlacedByValidate(@TempDir Path dir) throws Exception {
        for (String file : List.of("knowledge-base.json", "scoring.drl")) {
            java.nio.file.Files.copy(Path.of("rules").resolve(file), dir.resolve(file));
        }
        java.nio.file.Files.writeString(dir.resolve("transparency.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Support;
                rule "Transparency favours integration" @source("9") @title("t")
                when
                    $i : Indicator( id == "us.presence.transparency", level == "high" )
                then
                    insertLogical(new Support(kcontext, "deep-integration", 1.0, $i.confidence()));
                end
                """);

        List<Finding> each = validator.validate(dir).findings().stream()
                .filter(f -> f.message().endsWith("is read by no rule: stating it changes nothing")).toList();
        List<String> loaded = org.apsa.rulebase.RuleBaseLoader.load(dir, org.apsa.rulebase.RuleCache.off(), Validator.checks())
                .warnings().stream().filter(w -> w.contains("read by no rule")).toList();

        assertThat(each).hasSizeGreaterThan(Validator.UNUSED_NAMED + 1);
        List<String> first = each.stream().limit(Validator.UNUSED_NAMED).map(f -> f.message().replaceFirst("^indicator \"([^\"]+)\".*", "$1"))
                .toList();
        assertThat(loaded).containsExactly(each.get(0).position() + ": warning: " + each.size() + " indicators are read by no rule ("
                + String.join(", ", first) + " and " + (each.size() - Validator.UNUSED_NAMED) + " more): stating them changes nothing\n"
                + "    fix: add rules that match Indicator( id == \"<indicator>\" ), or remove them; 'rules validate' places each");
    }

    @Test
    void aKnowledgeBaseWithAnUnknownKeyIsAnErrorThatRefusesTheRules(@TempDir Path dir) throws Exception {
        copyShippedRules(dir);
        String kb = java.nio.file.Files.readString(Path.of("rules/knowledge-base.json"));
        java.nio.file.Files.writeString(dir.resolve("knowledge-base.json"), kb.replace("\"aspects\":", "\"aspect\":"));
        int line = kb.lines().toList().indexOf(kb.lines().filter(l -> l.startsWith("  \"aspects\":")).findFirst().orElseThrow()) + 1;

        assertThat(validator.validate(dir).findings()).extracting(f -> f.position() + ": " + f.message()).containsExactly(
                dir.resolve("knowledge-base.json") + ":" + line + ":3: unknown key \"aspect\" in the knowledge base (did you mean \"aspects\"?); "
                        + "allowed: $schema, actors, aspects, claims, id, indicators, outlooks, paragraphs, scoring, source, title, version");
        assertThatThrownBy(() -> org.apsa.rulebase.RuleBaseLoader.load(dir)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("knowledge-base.json:" + line + ":3: unknown key \"aspect\"");
    }

    @Test
    void aConstructOnlyTheExecutableModelRejectsIsAnErrorWithTheWayOut() {
        assertThat(findings("executable-model-only")).filteredOn(f -> f.contains(": error: ")).containsExactly(
                "executable-model-only/hotspots.drl:12:46: error: rule \"Several hotspots deteriorate\": the rules compile as DRL but not to the executable model "
                        + "that runs them: The method size() is undefined for the type Object "
                        + "(see docs/rule-authoring.md, \"Executable model\")");
    }

    @Test
    void aCleanFixtureIsClean() {
        assertThat(findings("clean")).isEmpty();
    }

    @Test
    void anUnclosedParenthesisIsReportedWhereItOpensAndDoesNotHideTheNextRulesErrors() {
        assertThat(findings("syntax-error")).containsExactly(
                "syntax-error/syntax-error.drl:11:19: error: syntax error: this parenthesis is not closed "
                        + "(the parser then found 'then' at line 12)",
                // The rule that does not parse is not linted beyond its syntax error: Drools' parser reads no consequence there.
                "syntax-error/syntax-error.drl:19:10: error: rule \"Confidence favours integration\": unknown fact type "
                        + "\"Judgmnt\" (did you mean \"Judgment\"?)");
    }

    @Test
    void everyRuleThatDoesNotParseIsReported(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("two.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                rule "First" @source("9") @title("t")
                when
                    Indicator( id = = "us.presence.transparency" )
                then
                end
                rule "Second" @source("9") @title("t")
                when
                    Indicator( id == "us.presence.transparency"
                then
                end
                """);
        Validation v = validator.validate(dir);

        assertThat(v.findings()).extracting(Finding::line, Finding::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, 19), org.assertj.core.groups.Tuple.tuple(10, 14));
        assertThat(v.findings().get(0).message()).isEqualTo("syntax error: mismatched input '=' in rule \"First\"");
    }

    @Test
    void anUnknownFactTypeIsNamedWithADidYouMeanAndNoFollowOnError() {
        Finding f = only("unknown-type");

        assertThat(f.format()).isEqualTo(FIXTURES + "/unknown-type/unknown-type.drl:11:10: error: rule \"Transparency builds "
                + "confidence\": unknown fact type \"Indicatr\" (did you mean \"Indicator\"?)\n"
                + "    fix: import the fact type (they live in org.apsa.engine, e.g. import org.apsa.engine.Judgment;) "
                + "or correct its name");
    }

    @Test
    void badJavaInAConsequenceIsReportedAtTheStatementNotTheRulesFirstLine() {
        Finding f = only("bad-java-in-consequence");

        assertThat(f.line()).isEqualTo(13);
        assertThat(f.column()).isEqualTo(55);
        assertThat(f.message()).isEqualTo("in the consequence of rule \"Transparency builds confidence\": "
                + "The method confidance() is undefined for the type Indicator");
        assertThat(f.fix()).startsWith("call a method the type has");
    }

    @Test
    void eachJavaErrorOfOneConsequenceIsAFindingAtItsOwnStatement(@TempDir Path dir) throws Exception {
        String drl = java.nio.file.Files.readString(FIXTURES.resolve("bad-java-in-consequence/bad-java-in-consequence.drl"))
                .replace("$t.confidance()));", "$t.confidence()));\n    String level = $x.level();\n    int rank = $t.level();");
        java.nio.file.Files.writeString(dir.resolve("two-errors.drl"), drl);

        List<Finding> all = validator.validate(dir).findings();

        assertThat(all).extracting(Finding::line, Finding::column, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(14, 20,
                        "in the consequence of rule \"Transparency builds confidence\": $x cannot be resolved"),
                org.assertj.core.groups.Tuple.tuple(15, 5,
                        "in the consequence of rule \"Transparency builds confidence\": Type mismatch: cannot convert from String to int"));
        assertThat(all.get(0).fix()).startsWith("bind it in the 'when' part");
        assertThat(all.get(1).fix()).startsWith("make the value's type match");
    }

    @Test
    void theSameUnresolvedVariableUsedTwiceIsAFindingAtEachUse(@TempDir Path dir) throws Exception {
        String drl = java.nio.file.Files.readString(FIXTURES.resolve("bad-java-in-consequence/bad-java-in-consequence.drl"))
                .replace("$t.confidance()));", "$t.confidence()));\n    String a = $q.id();\n    String b = $q.level();");
        java.nio.file.Files.writeString(dir.resolve("twice.drl"), drl);

        List<Finding> all = validator.validate(dir).findings();

        assertThat(all).extracting(Finding::line, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(14, "in the consequence of rule \"Transparency builds confidence\": $q cannot be resolved"),
                org.assertj.core.groups.Tuple.tuple(15, "in the consequence of rule \"Transparency builds confidence\": $q cannot be resolved"));
    }

    @Test
    void anUnknownIndicatorIdGetsADidYouMean() {
        assertThat(findings("unknown-indicator")).containsExactly(
                "unknown-indicator/unknown-indicator.drl:11:27: error: rule \"Transparency builds confidence\": "
                        + "unknown indicator \"us.presence.transparancy\" (did you mean \"us.presence.transparency\"?)");
    }

    @Test
    void aLevelOffTheScaleGetsADidYouMeanAndTheAllowedLevels() {
        assertThat(findings("unknown-level")).containsExactly(
                "unknown-level/unknown-level.drl:11:64: error: rule \"Transparency builds confidence\": level \"hihg\" "
                        + "is not on the scale of \"us.presence.transparency\" (did you mean \"high\"?); allowed: low | medium | high");
    }

    /** Each compiles and passes at run time; each pattern or fact is silently wrong. */
    @Test
    void constantsNoFactEverHasAreReportedAtTheConstant() {
        String file = "constants-that-never-match/constants-that-never-match.drl";
        assertThat(findings("constants-that-never-match")).containsExactly(
                file + ":15:65: error: rule \"Distrust at level two favours polarization\": level == 2 compares the level with a "
                        + "number, but levels are words (low | medium | high), so the pattern never matches",
                file + ":17:41: error: rule \"Distrust at level two favours polarization\": unknown outlook \"polarisation\" "
                        + "(did you mean \"polarization\"?)",
                file + ":23:62: error: rule \"Opaque presence amid a Korean crisis favours chaos\": no level of "
                        + "\"us.presence.transparency\" has rank > 2 (ranks 0 to 2: low | medium | high), so the pattern never matches",
                file + ":24:60: error: rule \"Opaque presence amid a Korean crisis favours chaos\": no level of "
                        + "\"us.disputes.neutrality\" has rank < 0 (ranks 0 to 2: low | medium | high), so the pattern never matches",
                file + ":33:26: error: rule \"Integration leads over chaos\": unknown outlook \"deep_integration\" "
                        + "(did you mean \"deep-integration\"?)",
                file + ":34:42: error: rule \"Integration leads over chaos\": unknown outlook \"polarisation\" "
                        + "(did you mean \"polarization\"?)",
                file + ":42:56: error: rule \"Recommend balanced partnerships\": recommendation \"region.balance\": unknown actor "
                        + "\"regoin\" (did you mean \"region\"?)",
                file + ":42:66: warning: rule \"Recommend balanced partnerships\": recommendation \"region.balance\": source "
                        + "\"13\" is not a paragraph of the article");
    }

    @Test
    void missingSourceAndTitleAreWarnings() {
        Validation v = validator.validate(FIXTURES.resolve("missing-metadata"));

        assertThat(findings("missing-metadata")).containsExactly(
                "missing-metadata/missing-metadata.drl:8:1: warning: rule \"Transparency builds confidence\" has no @source",
                "missing-metadata/missing-metadata.drl:16:1: warning: rule \"Confidence favours integration\" has no @title");
        assertThat(v.passes(false)).isTrue();
        assertThat(v.passes(true)).isFalse();
    }

    @Test
    void aSourceThatIsNotAParagraphOfTheArticleIsAWarning() {
        assertThat(findings("bad-source")).containsExactly(
                "bad-source/bad-source.drl:9:5: warning: rule \"Transparency builds confidence\": @source(\"13\") "
                        + "is not a paragraph of the article");
    }

    @Test
    void aJudgmentMatchedButNeverInsertedIsAnErrorWithADidYouMean() {
        assertThat(findings("judgment-used-not-inserted")).containsExactly(
                "judgment-used-not-inserted/judgment-used-not-inserted.drl:13:32: warning: rule \"Transparency builds "
                        + "confidence\" inserts judgment \"confidence.built\", which no rule matches",
                "judgment-used-not-inserted/judgment-used-not-inserted.drl:19:26: error: rule \"Confidence favours "
                        + "integration\" matches judgment \"confidence.bulit\", which no rule inserts, so it never fires "
                        + "(did you mean \"confidence.built\"?)");
    }

    /**
     * A judgment no rule inserts never matches: the rule never fires when it needs the match,
     * and 'not' of it always holds, which is no reason to call the rule dead.
     */
    @Test
    void aJudgmentNeverInsertedIsAnErrorOnlyWhereTheRuleNeedsItToMatch() {
        String file = "judgment-never-inserted-by-place/judgment-never-inserted-by-place.drl";
        assertThat(findings("judgment-never-inserted-by-place")).containsExactly(
                file + ":20:25: warning: rule \"Confidence favours integration unless lost\": no rule inserts judgment "
                        + "\"confidence.lost\", so 'not Judgment( id == \"confidence.lost\" )' is always true (did you mean \"confidence.built\"?)",
                file + ":21:27: warning: rule \"Confidence favours integration unless lost\": no rule inserts judgment "
                        + "\"confidence.bulit\", so 'not Judgment( id == \"confidence.bulit\" )' is always true "
                        + "(did you mean \"confidence.built\"?)",
                file + ":29:28: error: rule \"Doubled confidence favours integration\" matches judgment \"confidence.doubled\", "
                        + "which no rule inserts, so it never fires (did you mean \"confidence.built\"?)",
                file + ":38:23: warning: rule \"Confidence either way favours integration\": no rule inserts judgment "
                        + "\"confidence.regained\", so this pattern never matches",
                file + ":39:33: warning: rule \"Confidence either way favours integration\": no rule inserts judgment "
                        + "\"confidence.counted\", so this pattern never matches (did you mean \"confidence.built\"?)");
    }

    @Test
    void aJudgmentInsertedButNeverMatchedIsAWarning() {
        assertThat(findings("judgment-inserted-not-used")).containsExactly(
                "judgment-inserted-not-used/judgment-inserted-not-used.drl:13:32: warning: rule \"Transparency builds "
                        + "confidence\" inserts judgment \"confidence.built\", which no rule matches");
    }

    @Test
    void consoleOutputInAConsequenceIsAnError() {
        Finding f = only("system-out-in-consequence");

        assertThat(f.line()).isEqualTo(13);
        assertThat(f.column()).isEqualTo(5);
        assertThat(f.message()).isEqualTo("rule \"Transparency builds confidence\" reaches outside the rule base: "
                + "System.out (console output or the process)");
        assertThat(f.fix()).startsWith("rules only match facts and insert conclusions");
    }

    @Test
    void aConsequenceThatChangesFactsOrDrivesTheEngineIsAnErrorButInsertLogicalAndCallsOnObjectsAreNot(@TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("changes.drl"), """
                // modify($i) in a comment is fine (¶9)
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                import org.apsa.engine.Judgment;
                rule "Changes" @source("9") @title("Says update( and delete( in a title")
                when
                    $i : Indicator( id == "us.presence.transparency" )
                    $j : Judgment( id == "confidence.built" )
                then
                    insertLogical(new Judgment("confidence.built", 1.0));
                    modify($i) { };
                    update($i);
                    delete($j);
                    insert(new Judgment("confidence.built", 1.0));
                    drools.halt();
                    String s = "retract(x)"; s.toString().isEmpty();
                end
                rule "Builds" @source("9") @title("t")
                when
                    Indicator( id == "us.presence.transparency" )
                then
                    insertLogical(new Judgment("confidence.built", 1.0));
                end
                """);
        List<String> messages = validator.validate(dir).findings().stream().filter(Finding::isError)
                .filter(f -> f.message().startsWith("rule \"Changes\" "))
                .map(f -> f.line() + ":" + f.message().replace("rule \"Changes\" ", "") + " / " + f.fix()).toList();

        assertThat(messages).containsExactly(
                "11:changes or removes a fact: modify / remove it: a rule only matches facts and inserts conclusions with "
                        + "insertLogical(...), which truth maintenance withdraws when their grounds change",
                "12:changes or removes a fact: update / remove it: a rule only matches facts and inserts conclusions with "
                        + "insertLogical(...), which truth maintenance withdraws when their grounds change",
                "13:changes or removes a fact: delete / remove it: a rule only matches facts and inserts conclusions with "
                        + "insertLogical(...), which truth maintenance withdraws when their grounds change",
                "14:inserts a fact that outlives its grounds: insert / insert conclusions with insertLogical(...), so that "
                        + "they go when their grounds go",
                "15:drives the engine itself: drools.halt / remove it: a rule only matches facts and inserts conclusions with "
                        + "insertLogical(...), which truth maintenance withdraws when their grounds change");
    }

    @Test
    void otherWaysOutOfTheRuleBaseAreErrorsButWordsInStringsAndCommentsAreNot(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("reach.drl"), """
                // System.exit in a comment is fine (¶9)
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                rule "Reach" @source("9") @title("Mentions System.out and Thread in a title")
                when
                    $i : Indicator( id == "us.presence.transparency" )
                then
                    new Thread(() -> {}).start();
                    java.nio.file.Files.exists(java.nio.file.Path.of("x"));
                    $i.getClass().getDeclaredMethods();
                    Runtime.getRuntime().exec("ls");
                    try { new java.util.logging.FileHandler("x.log"); } catch (Exception e) { }
                end
                function void later() {
                    java.util.concurrent.ForkJoinPool.commonPool().submit(() -> { });
                    java.lang.invoke.MethodHandles.lookup();
                    ProcessHandle.allProcesses();
                }
                """);
        List<String> messages = validator.validate(dir).findings().stream().filter(Finding::isError)
                .map(f -> f.line() + ":" + f.message().replace("rule \"Reach\" reaches outside the rule base: ", "")).toList();

        assertThat(messages).contains("8:Thread (threads or processes)", "9:java.nio (files or the network)",
                "9:Files (files or the network)", "10:.getClass() (reflection)", "10:getDeclaredMethods (reflection)",
                "11:Runtime.getRuntime (the process)", "12:java.util.logging (files or the network)",
                "12:FileHandler (files or the network)", "15:the file reaches outside the rule base: ForkJoinPool (threads or processes)",
                "16:the file reaches outside the rule base: java.lang.invoke (reflection)",
                "17:the file reaches outside the rule base: ProcessHandle (threads or processes)");
        assertThat(messages).noneMatch(m -> m.startsWith("1:") || m.startsWith("4:"));
    }

    @Test
    void commonsIoAnMvelStringAndAnEvalInAConditionAreErrors(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("reach.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                rule "Reach" @source("9") @title("t")
                when
                    $i : Indicator( id == "us.presence.transparency" )
                    eval( org.apache.commons.io.FileUtils.deleteQuietly(null) || true )
                then
                    org.mvel2.MVEL.eval("new java.io.File('x').delete()");
                    javax.script.ScriptEngineManager m = null;
                end
                """);
        List<String> messages = validator.validate(dir).findings().stream().filter(Finding::isError)
                .map(f -> f.line() + ":" + f.column() + ":" + f.message().replace("rule \"Reach\" reaches outside the rule base: ", ""))
                .toList();

        assertThat(messages).contains("6:11:org.apache.commons.io (files or the network)",
                "6:33:FileUtils (files or the network)", "8:5:org.mvel2 (code run from a string, which no check reads)",
                "9:5:javax.script (code run from a string, which no check reads)");
    }

    @Test
    void javaUnicodeEscapesAreReadAsTheRulesRunThem(@TempDir Path dir) throws Exception {
        java.nio.file.Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        // The ids are spelled with escapes: Java reads them as the ids, and so must the checks.
        java.nio.file.Files.writeString(dir.resolve("escaped.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.*;
                rule "Escaped" @source("9") @title("t")
                when
                    $t : Indicator( id == "us.presence.transpar\\u0065ncy", rank >= 1 )
                then
                    insertLogical(new Support(kcontext, "deep-integr\\u0061tion", 1.0, $t.confidence()));
                end
                rule "Escaped quote" @source("9") @title("t")
                when
                    $t : Indicator( id == "us.presence.transparency", rank >= 2 )
                then
                    String note = "calm\\u0022; System.exit(0); String rest = \\u0022";
                end
                """);

        assertThat(validator.validate(dir).findings()).extracting(Finding::format).containsExactly(dir.resolve("escaped.drl")
                + ":13:32: error: rule \"Escaped quote\" reaches outside the rule base: System.exit (console output or the "
                + "process)\n    fix: rules only match facts and insert conclusions; remove it (to see what a rule does, use "
                + "'rules test' or 'explain')");
    }

    @Test
    void aFieldTheFactTypeLacksIsNamedAtItsPlaceWithTheNearestField(@TempDir Path dir) throws Exception {
        java.nio.file.Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        java.nio.file.Files.writeString(dir.resolve("bad.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Indicator;
                rule "Distrust" @source("5") @title("t")
                when
                    Indicator( idd == "usChina.strategicDistrust" )
                then
                end
                """);

        List<Finding> errors = validator.validate(dir).findings().stream().filter(Finding::isError).toList();

        assertThat(errors).extracting(Finding::format).containsExactly(dir.resolve("bad.drl")
                + ":5:16: error: unknown field \"idd\" of Indicator (did you mean \"id\"?)\n"
                + "    fix: use one of its fields: id, level, rank, confidence, note");
    }

    @Test
    void aMissingFolderIsARuleBaseError(@TempDir Path dir) {
        assertThatThrownBy(() -> validator.validate(dir.resolve("none")))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("no such rules folder");
    }
}
