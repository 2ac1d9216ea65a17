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

    @Test
    void anEightBitControlCharacterIsShownAsAQuestionMarkToo() {
        // U+009B is the one-byte form of ESC [ on terminals that read C1 controls.
        assertThat(new InputProblem("in/csi\u009b2Jname.json", 0, 0, "no such file").format())
                .isEqualTo("in/csi?2Jname.json: no such file");
    }
}
