package org.apsa.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NO_COLOR as its convention has it: colour off when it is set to any value but the empty string. */
class NoColourTest {

    @Test
    void anyNonEmptyValueTurnsColourOff() {
        assertThat(Output.noColour("1")).isTrue();
        assertThat(Output.noColour("0")).isTrue();
        assertThat(Output.noColour(" ")).isTrue();
    }

    @Test
    void anEmptyValueOrNoneLeavesColourOn() {
        assertThat(Output.noColour("")).isFalse();
        assertThat(Output.noColour(null)).isFalse();
    }
}
