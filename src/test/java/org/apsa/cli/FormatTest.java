package org.apsa.cli;

import org.apsa.cli.Commands.Format;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatTest {

    @Test
    void aFormatIsOneOfThoseOfferedWithADidYouMean() {
        assertThat(Format.parse("JSON", "assess", Format.TEXT, Format.JSON)).isEqualTo(Format.JSON);
        assertThat(Format.parse("md", "assess", Format.TEXT, Format.MARKDOWN)).isEqualTo(Format.MARKDOWN);
        assertThatThrownBy(() -> Format.parse("jsn", "assess", Format.TEXT, Format.JSON))
                .hasMessage("unknown format \"jsn\" for assess (did you mean \"json\"?); use text, json");
    }

    @Test
    void aSecondFactFileWhereAFormatMayStandIsSaidToBeOne() {
        assertThatThrownBy(() -> Format.parse("facts/b.json", "assess", Format.TEXT, Format.JSON))
                .hasMessage("assess takes one fact file, and \"facts/b.json\" is a second one; 'batch' assesses many "
                        + "(batch a.json b.json --out results)");
    }
}
