package org.apsa.cli;

import org.apsa.ShippedRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the shell keeps when it ends with unsaved changes, what its history says, and what it says without a fact set. */
class WorkbenchTest {

    @TempDir
    Path dir;

    /** The folder the build gives every test; put back after each, so that no later test writes to the home folder. */
    private String configured;

    @BeforeEach
    void rememberFolder() {
        configured = System.getProperty("apsa.unsaved.dir");
    }

    @AfterEach
    void restoreFolder() {
        if (configured == null) {
            System.clearProperty("apsa.unsaved.dir");
        } else {
            System.setProperty("apsa.unsaved.dir", configured);
        }
    }

    @Test
    void unsavedChangesAreKeptInARecoveryFileThatLoadsAgain() throws IOException {
        System.setProperty("apsa.unsaved.dir", dir.toString());
        Workbench bench = new Workbench(Workbench.Run.SHELL);
        FactSet loaded = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
        bench.open(loaded, Path.of("facts/baseline-2014-12.json"));
        Map<String, Reading> changed = new LinkedHashMap<>(loaded.indicators());
        changed.put("region.alignment", Reading.of("balanced"));
        bench.change(new FactSet(loaded.id(), loaded.title(), loaded.description(), loaded.asOf(), changed, KnowledgeBase.embedded().vocabulary()));

        bench.keepUnsaved();

        List<Path> kept = files();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getFileName().toString()).matches("baseline-2014-12-\\d{8}-\\d{6}\\.json");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0))))
                .as("the user's alone").isEqualTo("rw-------");
        FactSet recovered = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(kept.get(0));
        assertThat(recovered.indicators().get("region.alignment").level()).isEqualTo("balanced");
        assertThat(recovered.indicators()).hasSameSizeAs(changed);
    }

    @Test
    void whereAStopSignalHasClosedStandardOutputTheNoticeGoesToStandardError() throws IOException {
        System.setProperty("apsa.unsaved.dir", dir.toString());
        Workbench bench = new Workbench(Workbench.Run.SHELL);
        FactSet changed = new FactSet("stopped", null, null, null, Map.of("region.alignment", Reading.of("balanced")), KnowledgeBase.embedded().vocabulary());
        bench.open(changed, Path.of("stopped.json"));
        bench.change(changed);
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("Bad file descriptor");
                }
            }));
            System.setErr(new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8));

            bench.keepUnsaved();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(files()).hasSize(1);
        assertThat(errors.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Unsaved changes to stopped were kept in " + files().get(0));
    }

    @Test
    void twoSessionsEndingInTheSameSecondEachKeepTheirChanges() throws IOException {
        System.setProperty("apsa.unsaved.dir", dir.toString());
        for (int i = 0; i < 3; i++) {
            Workbench bench = new Workbench(Workbench.Run.SHELL);
            FactSet changed = new FactSet("same", null, null, null, Map.of("region.alignment", Reading.of("balanced")), KnowledgeBase.embedded().vocabulary());
            bench.open(changed, Path.of("same.json"));
            bench.change(changed);
            bench.keepUnsaved();
        }

        // Each name is unique whether or not the three fell in one second.
        assertThat(files()).hasSize(3);
    }

    @Test
    void aScriptOrOneShotRunKeepsNothing() throws IOException {
        System.setProperty("apsa.unsaved.dir", dir.toString());
        Workbench script = new Workbench(Workbench.Run.SCRIPT);
        FactSet changed = new FactSet("scripted", null, null, null, Map.of("region.alignment", Reading.of("balanced")), KnowledgeBase.embedded().vocabulary());
        script.open(changed, Path.of("scripted.json"));
        script.change(changed);

        script.keepUnsaved();

        assertThat(files()).isEmpty();
    }

    @Test
    void nothingIsWrittenWhenNothingWouldBeLost() throws IOException {
        System.setProperty("apsa.unsaved.dir", dir.toString());
        Workbench saved = new Workbench(Workbench.Run.SHELL);
        saved.open(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json")), Path.of("facts/baseline-2014-12.json"));
        Workbench empty = new Workbench(Workbench.Run.SHELL);
        FactSet blank = new FactSet("blank", null, null, null, Map.of(), KnowledgeBase.embedded().vocabulary());
        empty.open(blank, null);
        empty.change(blank);

        saved.keepUnsaved();
        empty.keepUnsaved();
        new Workbench(Workbench.Run.SHELL).keepUnsaved();

        assertThat(files()).isEmpty();
    }

    @Test
    void theFirstAssessmentOfAFactSetListsWhatChangedSinceItWasOpened() {
        Workbench bench = new Workbench(Workbench.Run.SHELL);
        Path file = Path.of("facts/baseline-2014-12.json");
        FactSet loaded = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(file);
        bench.open(loaded, file);
        bench.change(loaded.with("region.alignment", Reading.of("balanced")));
        bench.record(ShippedRules.assessor().assess(bench.current()));
        bench.change(bench.current().with("region.alignment", Reading.of("taking-sides")));
        bench.record(ShippedRules.assessor().assess(bench.current()));
        Path other = Path.of("facts/analyst-a-2015-06.json");
        bench.open(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(other), other);
        bench.record(ShippedRules.assessor().assess(bench.current()));
        bench.open(FactSet.empty("blank", KnowledgeBase.embedded().vocabulary()), null);
        bench.change(bench.current().with("hotspot.koreanPeninsula", Reading.of("tense")));
        bench.record(ShippedRules.assessor().assess(bench.current()));

        List<Workbench.Entry> history = bench.history();

        assertThat(history).extracting(Workbench.Entry::opened).containsExactly("loaded from " + file, null,
                "loaded from " + other, "started empty");
        assertThat(history).extracting(e -> e.changes().stream().map(Object::toString).toList()).containsExactly(
                List.of("region.alignment: leaning (0.50) -> balanced"),
                List.of("region.alignment: balanced -> taking-sides"),
                List.of(),
                List.of("hotspot.koreanPeninsula: unknown -> tense"));
    }

    @Test
    void savingDoesNotRestartTheCountOfChanges() {
        Workbench bench = new Workbench(Workbench.Run.SHELL);
        FactSet loaded = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
        bench.open(loaded, Path.of("facts/baseline-2014-12.json"));
        bench.change(loaded.with("region.alignment", Reading.of("balanced")));
        bench.saved(dir.resolve("mine.json"));

        bench.record(ShippedRules.assessor().assess(bench.current()));

        assertThat(bench.history().get(0).changes()).extracting(Object::toString)
                .containsExactly("region.alignment: leaning (0.50) -> balanced");
        assertThat(bench.file()).isEqualTo(dir.resolve("mine.json"));
        assertThat(bench.dirty()).isFalse();
    }

    @Test
    void withoutAFactSetTheShellAndScriptsSayHowToOpenOneAndAOneShotCommandAsksForTheFile() {
        String shellWords = "no fact set yet; 'load FILE' opens one, 'new' starts an empty one";
        assertThatThrownBy(() -> new Workbench(Workbench.Run.SHELL).current()).isInstanceOf(UsageException.class).hasMessage(shellWords);
        assertThatThrownBy(() -> new Workbench(Workbench.Run.SCRIPT).current()).hasMessage(shellWords);
        assertThatThrownBy(() -> new Workbench(Workbench.Run.COMMAND).current())
                .hasMessage("give the fact file, e.g. assess facts/baseline-2014-12.json");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void historyGivesTheTimeOfAnAssessmentWithItsSecondsEvenOnTheMinute() {
        assertThat(WorkbenchCommands.clock(LocalTime.of(1, 22, 0))).isEqualTo("01:22:00");
        assertThat(WorkbenchCommands.clock(LocalTime.of(23, 5, 9))).isEqualTo("23:05:09");
    }
}
