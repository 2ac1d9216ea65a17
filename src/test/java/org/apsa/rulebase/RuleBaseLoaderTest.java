package org.apsa.rulebase;

import org.apsa.fact.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleBaseLoaderTest {

    private static final Path BROKEN = Path.of("src/test/resources/rules-broken");

    @Test
    void loadsTheShippedRulesWithTheirMetadata() {
        RuleBase rules = RuleBaseLoader.load(Path.of("rules"));

        assertThat(rules.rules()).isNotEmpty();
        RuleInfo scoring = rules.rule("Score the four outlooks").orElseThrow();
        assertThat(scoring.file()).isEqualTo("scoring.drl");
        assertThat(scoring.line()).isPositive();
        assertThat(scoring.source()).isEqualTo("2");
        assertThat(scoring.title()).isNotBlank();
        assertThat(rules.fingerprint()).hasSize(64);
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() {
        RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
                () -> RuleBaseLoader.load(BROKEN.resolve("syntax")));

        assertThat(e.problems()).isNotEmpty();
        InputProblem first = e.problems().get(0);
        assertThat(first.file()).isEqualTo(BROKEN.resolve("syntax/broken.drl").toString());
        assertThat(first.line()).isPositive();
        assertThat(e.getMessage()).startsWith(BROKEN.resolve("syntax/broken.drl") + ":");
    }

    @Test
    void anUnknownFactTypeNamesTheFileTheLineAndTheType() {
        RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
                () -> RuleBaseLoader.load(BROKEN.resolve("java")));

        assertThat(e.problems()).hasSize(1);
        InputProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo(BROKEN.resolve("java/unknown-type.drl").toString());
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("NoSuchFact");
    }

    @Test
    void rulesTheExecutableModelRejectsAreARuleBaseErrorNotAnInternalOne() {
        Path folder = Path.of("src/test/resources/rules-authoring/executable-model-only");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(folder, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(folder.resolve("hotspots.drl").toString());
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(46);
            assertThat(p.message()).startsWith("rule \"Several hotspots deteriorate\": the rules compile as DRL but not to the "
                    + "executable model that runs them: The method size() is undefined");
        });
    }

    /** Loading places and words its errors as 'rules validate' does: at the statement, with the fix. */
    @Test
    void aJavaErrorInAConsequenceIsPlacedAtItsStatementWithTheFix() {
        Path folder = Path.of("src/test/resources/rules-authoring/bad-java-in-consequence");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(folder, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(13);
            assertThat(f.column()).isEqualTo(55);
            assertThat(f.message()).isEqualTo("in the consequence of rule \"Transparency builds confidence\": "
                    + "The method confidance() is undefined for the type Indicator");
        });
        assertThat(e.getMessage()).isEqualTo(e.findings().get(0).format()).contains("\n    fix: call a method the type has");
    }

    /** A parse error hides the other errors of its file from Drools; loading compiles again without its rule to show them. */
    @Test
    void aFailedLoadReportsTheErrorsASyntaxErrorHides() {
        Path folder = Path.of("src/test/resources/rules-authoring/syntax-error");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(folder, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.problems()).extracting(InputProblem::line, InputProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11L, "syntax error: this parenthesis is not closed (the parser then found 'then' at line 12)"),
                org.assertj.core.groups.Tuple.tuple(19L, "rule \"Confidence favours integration\": unknown fact type \"Judgmnt\" "
                        + "(did you mean \"Judgment\"?)"));
    }

    @Test
    void theChecksRunWhenTheRulesCompileAndTheirVerdictIsServedFromTheCacheAfter(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("rules/scoring.drl"), rules.resolve("scoring.drl"));
        RuleCache cache = RuleCache.at(dir.resolve("cache"));
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        RuleChecks checks = (folder, texts, model, knowledgeBase) -> {
            checked.incrementAndGet();
            return new RuleChecks.Verdict(List.of(), List.of(folder.resolve("scoring.drl") + ":1: warning: a warning\n    fix: f"));
        };

        RuleBase compiled = RuleBaseLoader.load(rules, cache, checks);
        RuleBase cached = RuleBaseLoader.load(rules, cache, checks);

        assertThat(cached.fromCache()).isTrue();
        assertThat(checked).hasValue(1);
        assertThat(cached.warnings()).isEqualTo(compiled.warnings())
                .containsExactly(rules.resolve("scoring.drl") + ":1: warning: a warning\n    fix: f");
    }

    @Test
    void anErrorOfTheChecksRefusesTheRulesFromTheCacheToo(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("rules/scoring.drl"), rules.resolve("scoring.drl"));
        RuleCache cache = RuleCache.at(dir.resolve("cache"));
        RuleChecks checks = (folder, texts, model, knowledgeBase) -> new RuleChecks.Verdict(List.of("scoring.drl:3:1: error: wrong"), List.of());

        for (int run = 0; run < 2; run++) {
            assertThatThrownBy(() -> RuleBaseLoader.load(rules, cache, checks))
                    .isInstanceOf(RefusedRulesException.class)
                    .hasMessage("scoring.drl:3:1: error: wrong\nThe rules have 1 error, so they are not used; fix it "
                            + "('rules validate' shows warnings too).");
        }
    }

    @Test
    void onlyTheCallOnTheAccumulateResultIsBlamedNotTheSameMethodElsewhere(@TempDir Path dir) throws Exception {
        Path fixture = Path.of("src/test/resources/rules-authoring/executable-model-only/hotspots.drl");
        Files.copy(fixture, dir.resolve("hotspots.drl"));
        Files.writeString(dir.resolve("listed.drl"), """
                package org.apsa.rules;
                import org.apsa.engine.Recommendation;
                import org.apsa.engine.Judgment;
                // $cs.size() in a comment is no call
                rule "Listed recommendations are noted"
                    @source("11") @title("Recommendations with levels are noted")
                when
                    $r : Recommendation( meetingLevels.size() > 0 )
                then
                    insertLogical(new Judgment("recommendations.listed", "$cs.size()".length() > 0 ? 1.0 : 0.0));
                end
                """);

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("hotspots.drl").toString());
            assertThat(p.line()).isEqualTo(12);
        });
    }

    @Test
    void aFunctionThatDoesNotCompileIsOneErrorInItsFileNotACrashNorOneInEveryFile(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl", "us-posture.drl");
        Files.writeString(dir.resolve("zz.drl"), "package org.apsa.rules;\n\nfunction double half(double a) {\n    return a / 2 +;\n}\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).isEqualTo(dir.resolve("zz.drl").toString());
        assertThat(e.problems().get(0).message()).startsWith("in function half: Syntax error on token \"+\"")
                .contains("fix the Java in the function's body").containsPattern("\\(\\d+ errors in the consequences");
    }

    @Test
    void aFailedImportIsOneErrorAtItsLineNotOneInEveryConsequence(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl", "us-posture.drl");
        Files.writeString(dir.resolve("zz.drl"), "package org.apsa.rules;\n\nimport org.apsa.engine.Nope;\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).extracting(p -> p.format().replaceAll(" \\(\\d+ errors.*", "")).containsExactly(dir.resolve("zz.drl")
                + ":3:8: cannot import org.apsa.engine.Nope: no such class; check its name (the fact types are in org.apsa.engine, "
                + "e.g. import org.apsa.engine.Indicator)");
    }

    @Test
    void aRuleFileThatIsNotUtf8IsRefusedAtItsFirstBadByte(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl");
        String drl = "package org.apsa.rules;\n// Caf\u00e9 rule\n";
        Files.write(dir.resolve("latin.drl"), drl.getBytes(StandardCharsets.ISO_8859_1));

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).extracting(p -> p.format())
                .containsExactly(dir.resolve("latin.drl") + ":2:7: not UTF-8 text (byte 0xE9); save the file as UTF-8");
        Files.write(dir.resolve("x.drl"), "ok \u00e9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(RuleBaseLoader.readText(dir.resolve("x.drl"))).isEqualTo("ok \u00e9\n");
    }

    @Test
    void aRuleFileStartingWithAByteOrderMarkLoads(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl");
        Files.write(dir.resolve("blocs.drl"), ("\uFEFF" + Files.readString(Path.of("rules/blocs.drl"))).getBytes(StandardCharsets.UTF_8));

        RuleBase rules = RuleBaseLoader.load(dir, RuleCache.off(), RuleChecks.NONE);

        assertThat(rules.rule("Forming blocs mean polarization")).hasValueSatisfying(r -> assertThat(r.file()).isEqualTo("blocs.drl"));
        assertThat(RuleBaseLoader.readText(dir.resolve("blocs.drl"))).startsWith("// Bloc formation");
    }

    @Test
    void aDuplicateRuleNameIsReportedAtTheLaterDefinitionNamingTheFirst(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl");
        Files.writeString(dir.resolve("zz.drl"), "package org.apsa.rules;\nimport org.apsa.engine.Indicator;\n\n"
                + "rule \"Name the leading outlook\"\nwhen\n    Indicator( id == \"region.alignment\" )\nthen\nend\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).extracting(InputProblem::format).containsExactly(dir.resolve("zz.drl") + ":4:6: rule \"Name the "
                + "leading outlook\" is also defined at " + dir.resolve("scoring.drl") + ":43; a rule's name must be unique across the "
                + "rules folder (traces, tests and the catalogue name rules by it), so rename one");
    }

    /**
     * Drools refuses a name twice only within one package; every command names rules by name
     * alone. The later definition in the folder's order is reported; a name on the line after
     * the keyword counts, one in a comment does not.
     */
    @Test
    void aRuleNamedAsOneInAnotherPackageIsTheSameError(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl", "mutual-trust.drl");
        Files.writeString(dir.resolve("other.drl"), """
                package org.apsa.other;

                import org.apsa.engine.Indicator;
                import org.apsa.engine.Support;

                /* rule "Score the four outlooks" is not a rule: it is commented out */
                rule "Mutual trust erodes under high distrust" @source("6") @title("t") when
                    $i : Indicator( id == "hotspot.afghanistan", level == "crisis" )
                then insertLogical(new Support(kcontext, "chaos", 0.5, $i.confidence())); end
                rule
                    "Score the four outlooks" @source("2") @title("t") when then end
                """);

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.problems()).extracting(p -> p.format().replaceFirst("; a rule's name must be unique.*", "")).containsExactly(
                dir.resolve("other.drl") + ":7:6: rule \"Mutual trust erodes under high distrust\" is also defined at "
                        + dir.resolve("mutual-trust.drl") + ":13",
                dir.resolve("scoring.drl") + ":17:6: rule \"Score the four outlooks\" is also defined at "
                        + dir.resolve("other.drl") + ":11");
    }

    /** Drools' parser finds every rule, wherever its header is written. */
    @Test
    void twoCompiledRulesOfOneNameAreARuleBaseErrorWhereverTheyAreWritten(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl");
        Files.writeString(dir.resolve("other.drl"), "package org.apsa.other;\n"
                + "rule \"First\" when then end rule \"Score the four outlooks\" when then end\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir, RuleCache.off(), RuleChecks.NONE));

        assertThat(e.problems()).extracting(InputProblem::format).containsExactly(dir.resolve("scoring.drl") + ":17:6: rule \"Score "
                + "the four outlooks\" is also defined at " + dir.resolve("other.drl") + ":2; a rule's name must be unique across "
                + "the rules folder (traces, tests and the catalogue name rules by it), so rename one");
    }

    @Test
    void aFailedImportDoesNotHideAnotherErrorInAConsequenceItReaches(@TempDir Path dir) throws Exception {
        copyShipped(dir, "scoring.drl");
        Files.writeString(dir.resolve("us-posture.drl"),
                Files.readString(Path.of("rules/us-posture.drl")).replace("$j.confidence()", "$j.confidenc()"));
        Files.writeString(dir.resolve("zz.drl"), "package org.apsa.rules;\n\nimport org.apsa.engine.Nope;\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p.format()).startsWith(dir.resolve("zz.drl") + ":3:8: cannot import")
                .containsPattern("\\(\\d+ errors in the consequences that use it follow from this one\\)"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.format()).startsWith(dir.resolve("us-posture.drl").toString())
                .contains("The method confidenc() is undefined").doesNotContain("Nope"));
    }

    @Test
    void thePackageIsFoundAfterAnyNumberOfCommentLinesButNotInAComment() {
        assertThat(DrlModels.parse("a.drl", "// note\n".repeat(5_000) + "/* package x.y; */\n  package org.apsa.rules;\n")
                .files().get(0).packageName()).isEqualTo("org.apsa.rules");
        assertThat(DrlModels.parse("b.drl", "// package org.apsa.rules;\nrule \"r\" when then end\n").files().get(0).packageName())
                .isEmpty();
    }

    private static void copyShipped(Path dir, String... names) throws IOException {
        for (String name : names) {
            Files.copy(Path.of("rules").resolve(name), dir.resolve(name));
        }
    }

    @Test
    void aFolderWithoutRulesIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> RuleBaseLoader.load(empty))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage(empty + ": holds no .drl files; give the folder holding the rules with --rules DIR");
    }

    @Test
    void aMissingFolderIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> RuleBaseLoader.load(missing))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage(missing + ": no such rules folder; give the folder holding the .drl files with --rules DIR");
    }

    @Test
    void eachLoadIsAnIndependentSnapshot(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        RuleBase first = RuleBaseLoader.load(dir);
        Files.writeString(dir.resolve("scoring.drl"), Files.readString(dir.resolve("scoring.drl"))
                .replace("rule \"Name the leading outlook\"", "rule \"Name the leader\""));

        RuleBase second = RuleBaseLoader.load(dir);

        assertThat(first.rule("Name the leading outlook")).isPresent();
        assertThat(second.rule("Name the leading outlook")).isEmpty();
        assertThat(second.rule("Name the leader")).isPresent();
        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
    }

    @Test
    void eachFileIsCompiledInTheFolderOfItsPackageUnderANameOfItsOwn() {
        String declared = "org.apsa.rules";
        String none = "";
        assertThat(RuleBaseLoader.resource("scoring.drl", declared)).isEqualTo("org/apsa/rules/scoring.drl");
        // Subfolders stay in the name, written so that no two paths give one name.
        assertThat(RuleBaseLoader.resource("regional/hotspots.drl", declared)).isEqualTo("org/apsa/rules/regional~2Fhotspots.drl");
        assertThat(RuleBaseLoader.resource("regional~2Fhotspots.drl", declared)).isEqualTo("org/apsa/rules/regional~7E2Fhotspots.drl");
        assertThat(RuleBaseLoader.resource("org/apsa/rules/scoring.drl", none)).isEqualTo("org~2Fapsa~2Frules~2Fscoring.drl");
        assertThat(RuleBaseLoader.resource("x.drl", "org.apsa.r\u00e8gles")).isEqualTo("org/apsa/r\u00e8gles/x.drl");
    }

    @Test
    void filesWhosePathsLookAlikeAreBothCompiled(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Path broken = dir.resolve("a/b.drl");
        Files.writeString(broken, "package p;\n\nrule \"Broken\"\nwhen\n    String( length == )\nthen\nend\n");
        Files.writeString(dir.resolve("a~b.drl"), "package p;\n\nrule \"Fine\"\nwhen\n    String()\nthen\nend\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir, RuleCache.off(), RuleChecks.NONE));

        assertThat(e).isNotNull();
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(broken.toString()));
    }

    @Test
    void anErrorInASubfolderNamesTheAuthorsFile(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/scoring.drl"), dir.resolve("scoring.drl"));
        Files.createDirectories(dir.resolve("regional"));
        Path bad = dir.resolve("regional/scoring.drl");
        Files.writeString(bad, "package org.apsa.rules;\n\nrule \"Broken\"\nwhen\n    Support( scenario == )\nthen\nend\n");

        RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> RuleBaseLoader.load(dir));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(bad.toString()));
        assertThat(e.problems().get(0).line()).isEqualTo(5);
    }
}
