package org.apsa.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptTest {

    @Test
    void thePromptDropsAnInterruptLeftByACommandThatFinishedAnyway() {
        Thread.currentThread().interrupt();

        assertThat(new Prompt().getPrompt().toString()).isEqualTo("apsa> ");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
