package org.apsa.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a file a user writes (rules, rule tests, fact sets), read the one way all of
 * them are: as UTF-8, strictly. A byte-order mark at the start is dropped: Notepad and other
 * Windows editors write one, it means nothing in UTF-8, and left in, a parser meets an
 * invisible character before the first word. Bytes that are not UTF-8 are refused at the
 * first bad one, rather than read with letters replaced (a rule named "Caf\uFFFD").
 */
public final class Utf8Text {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /** @throws NotUtf8Exception at the first byte that is not UTF-8 */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * The text of {@code length} bytes from {@code offset}, without a leading byte-order mark.
     *
     * @throws NotUtf8Exception at the first byte that is not UTF-8, with its line and column in
     *                          the text before it (the mark not counted)
     */
    public static String decode(byte[] bytes, int offset, int length) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        // UTF-8 never makes more characters than it has bytes.
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        int start = out.length() > 0 && out.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        if (result.isError()) {
            long line = 1;
            int lineStart = start;
            for (int i = start; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new NotUtf8Exception(line, out.length() - lineStart + 1, bytes[in.position()] & 0xFF);
        }
        return out.subSequence(start, out.length()).toString();
    }

    /** Bytes that are not UTF-8 text, at the first one that is not. */
    public static final class NotUtf8Exception extends Exception {

        private static final long serialVersionUID = 1L;

        private final long line;
        private final long column;

        NotUtf8Exception(long line, long column, int value) {
            super(String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X); save the file as UTF-8", value));
            this.line = line;
            this.column = column;
        }

        /** 1-based. */
        public long line() {
            return line;
        }

        /** 1-based, in characters. */
        public long column() {
            return column;
        }
    }
}
