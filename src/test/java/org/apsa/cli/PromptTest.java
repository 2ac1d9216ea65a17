package org.apsa.cli;

import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PromptTest {

    private final Workbench bench = new Workbench(Workbench.Run.SHELL);
    private final Prompt prompt = new Prompt(bench);

    @Test
    void thePromptDropsAnInterruptLeftByACommandThatFinishedAnyway() {
        Thread.currentThread().interrupt();

        assertThat(prompt.getPrompt().toString()).isEqualTo("apsa> ");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void thePromptNamesTheFactSetAndMarksUnsavedChanges() {
        FactSet baseline = FactSet.empty("baseline-2014-12", KnowledgeBase.embedded().vocabulary());
        bench.open(baseline, Path.of("facts/baseline-2014-12.json"));
        assertThat(prompt.text()).isEqualTo("apsa[baseline-2014-12]> ");

        bench.change(baseline);
        assertThat(prompt.text()).isEqualTo("apsa[baseline-2014-12*]> ");

        bench.saved(Path.of("facts/baseline-2014-12.json"));
        assertThat(prompt.text()).isEqualTo("apsa[baseline-2014-12]> ");
    }

    @Test
    void aLongIdIsCutAtTheFrontSoThePromptStaysShort() {
        bench.open(FactSet.empty("a-very-long-fact-set-id-from-an-analyst-2015-06", KnowledgeBase.embedded().vocabulary()), null);

        assertThat(prompt.text()).isEqualTo("apsa[\u2026from-an-analyst-2015-06]> ");
        assertThat(prompt.text().length()).isLessThanOrEqualTo(Prompt.ID_WIDTH + 8);
    }
}
