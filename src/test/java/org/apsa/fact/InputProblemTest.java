package org.apsa.fact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputProblemTest {

    @Test
    void theFormIsPathLineColumnAndMessage() {
        assertThat(new InputProblem("facts/x.json", 3, 17, "m").format()).isEqualTo("facts/x.json:3:17: m");
        assertThat(new InputProblem("facts/x.json", 3, 0, "m").format()).isEqualTo("facts/x.json:3: m");
        assertThat(new InputProblem("facts/x.json", 0, 0, "m").format()).isEqualTo("facts/x.json: m");
    }

    @Test
    void controlCharactersInAFileNameNeitherActOnTheTerminalNorBreakTheLine() {
        InputProblem p = new InputProblem("in/esc\u001b[31mred\nname.json", 1, 2, "no such file");

        assertThat(p.format()).isEqualTo("in/esc?[31mred?name.json:1:2: no such file");
        assertThat(p.file()).as("kept exact for errors.jsonl").isEqualTo("in/esc\u001b[31mred\nname.json");
    }
}
