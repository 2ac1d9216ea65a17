package org.apsa.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Utf8TextTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkAtTheStartIsDroppedAndAnywhereElseKept() throws Exception {
        assertThat(Utf8Text.decode(utf8("\uFEFFrule \"r\"\n"))).isEqualTo("rule \"r\"\n");
        assertThat(Utf8Text.decode(utf8("a\uFEFFb"))).isEqualTo("a\uFEFFb");
        assertThat(Utf8Text.decode(utf8("\uFEFF"))).isEmpty();
        assertThat(Utf8Text.decode(new byte[0])).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheFirstBadOneCountingCharactersNotTheMark() {
        byte[] latin1 = "\uFEFF// ¶9\n// Caf\u00e9 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] marked = new byte[latin1.length + 2];
        // The mark in UTF-8 (EF BB BF) before Latin-1 text whose first line is "// ¶9".
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(latin1, 1, marked, 3, latin1.length - 1);

        Utf8Text.NotUtf8Exception e = catchThrowableOfType(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(marked));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo("not UTF-8 text (byte 0xB6); save the file as UTF-8");
    }

    @Test
    void aSliceIsDecodedOnItsOwnWithItsOwnMarkAndPositions() throws Exception {
        byte[] joined = utf8("{}\n\uFEFF{\"a\": 1}\n");

        assertThat(Utf8Text.decode(joined, 3, joined.length - 3)).isEqualTo("{\"a\": 1}\n");

        byte[] bad = utf8("ok\nx\u00e9");
        bad[bad.length - 2] = (byte) 0xC3;
        bad[bad.length - 1] = (byte) 0x28;
        Utf8Text.NotUtf8Exception e = catchThrowableOfType(Utf8Text.NotUtf8Exception.class,
                () -> Utf8Text.decode(bad, 3, bad.length - 3));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).contains("byte 0xC3");
    }
}
