package org.apsa.rulebase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unicode escapes decoded as javac reads them, each decoded character placed where it was written. */
class JavaEscapesTest {

    @Test
    void anEscapeIsDecodedAndWhatFollowsIsPlacedAsWritten() {
        JavaEscapes.Decoded d = JavaEscapes.decode("rule\n    \\u0053ystem.exit(0); \"calm\\u0022; x\n");

        assertThat(d.text()).isEqualTo("rule\n    System.exit(0); \"calm\"; x\n");
        int s = d.text().indexOf('S');
        assertThat(d.line(s) + ":" + d.column(s)).isEqualTo("2:5");
        int x = d.text().lastIndexOf('x');
        assertThat(d.line(x) + ":" + d.column(x)).isEqualTo("2:39");
    }

    @Test
    void anEscapedBackslashStartsNoEscapeAndATextWithoutEscapesIsItsOwnPlace() {
        assertThat(JavaEscapes.decode("a\\\\u0062").text()).isEqualTo("a\\\\u0062");
        JavaEscapes.Decoded plain = JavaEscapes.decode("a\nbc");
        assertThat(plain.written()).as("nothing decoded").isNull();
        assertThat(plain.line(3) + ":" + plain.column(3)).isEqualTo("2:2");
    }
}
