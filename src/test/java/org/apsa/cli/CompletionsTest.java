package org.apsa.cli;

import org.apsa.fact.IndicatorDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** File completion offers what the position takes: files of its kind, and only the folders that lead to one. */
class CompletionsTest {

    @TempDir
    Path dir;

    @Test
    void factFilesAndTheFoldersThatHoldThemAreOfferedAndNoOtherFolder() throws IOException {
        write("a.json", "notes.md", "facts/b.jsonl", "deep/x/y/c.json", "docs/guide.md", ".hidden/d.json", "scripts/s.apsa");

        assertThat(offered(List.of(".json", ".jsonl"))).containsExactly("a.json", "deep/", "facts/");
    }

    @Test
    void ruleTestNamesComeFromTheRulesFolderOnTheLineOrTheOneInUse() throws IOException {
        write("mine/tests/a-test.json", "mine/tests/deeper/b-test.json", "mine/tests/notes.md");

        assertThat(Completions.testNames(List.of("rules", "test", "--rules", dir.resolve("mine").toString()), Path.of("rules")))
                .containsExactly("a-test", "b-test");
        assertThat(Completions.testNames(List.of("rules", "test"), dir.resolve("mine"))).containsExactly("a-test", "b-test");
        assertThat(Completions.testNames(List.of("rules", "test"), Path.of("rules"))).contains("nobody-in-charge");
        assertThat(Completions.testNames(List.of("rules", "test"), dir.resolve("none"))).isEmpty();
    }

    @Test
    void aKnowledgeBaseWithErrorsOffersNoIdsRatherThanThoseOfTheArticle() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("basin"));
        Files.writeString(rules.resolve("knowledge-base.json"), Files.readString(Path.of("examples/river-basin/knowledge-base.json"))
                .replace("\"outlooks\"", "\"outlooks\": [], \"outlooks\""));
        RuleBases broken = new RuleBases(rules.toString(), null);

        assertThat(Completions.outlooks(broken)).isEmpty();
        assertThat(Completions.vocabulary(broken).indicators()).isEmpty();
        // The example's own, once readable.
        RuleBases example = new RuleBases("examples/river-basin", null);
        assertThat(Completions.outlooks(example)).containsExactly("shared-management", "managed-rivalry", "water-conflict");
        assertThat(Completions.vocabulary(example).indicators()).extracting(IndicatorDef::id).startsWith("basin.dataSharing", "basin.treatyCompliance");
    }

    @Test
    void whatIfOffersEveryIdThenTheLevelsOfTheIdTyped() {
        CompletionProvider assignments = new Completions().indicatorAssignments(new RuleBases("examples/river-basin", null));

        List<CompletionProposal> ids = assignments.apply(new CompletionContext(List.of("what-if", ""), 1, 0, null, null));
        assertThat(ids).extracting(CompletionProposal::value).startsWith("basin.dataSharing=", "basin.treatyCompliance=");
        assertThat(ids).noneMatch(CompletionProposal::complete);
        List<CompletionProposal> levels = assignments.apply(new CompletionContext(List.of("what-if", "basin.drought="), 1, 0, null, null));
        assertThat(levels).extracting(CompletionProposal::value).endsWith("basin.drought=unknown")
                .allMatch(v -> v.startsWith("basin.drought=")).hasSizeGreaterThan(2);
        assertThat(assignments.apply(new CompletionContext(List.of("what-if", "nothing="), 1, 0, null, null))).isEmpty();
    }

    @Test
    void scriptsAndTheFoldersThatHoldThemAreOfferedForScript() throws IOException {
        write("a.json", "facts/b.json", "examples/session.apsa", "docs/guide.md");

        assertThat(offered(List.of(".apsa"))).containsExactly("examples/");
        assertThat(Completions.files(dir + "/examples/", List.of(".apsa")).stream().map(CompletionProposal::value).toList())
                .containsExactly(dir + "/examples/session.apsa");
    }

    @Test
    void aFolderTooLargeToSearchAtOnceIsOfferedRatherThanHidden() throws IOException {
        Path big = Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i < 2_100; i++) {
            Files.createFile(big.resolve("n" + i + ".txt"));
        }
        Files.writeString(big.resolve("zz-last.json"), "{}");

        assertThat(Completions.leadsTo(big, List.of(".json"))).isTrue();
        assertThat(Completions.leadsTo(dir.resolve("big"), List.of(".apsa"))).isTrue();
    }

    private List<String> offered(List<String> extensions) {
        return Completions.files(dir + "/", extensions).stream().map(p -> p.value().substring(dir.toString().length() + 1)).toList();
    }

    private void write(String... files) throws IOException {
        for (String file : files) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
        }
    }
}
