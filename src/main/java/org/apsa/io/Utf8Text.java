package org.apsa.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            // A new decoder reports bytes that are not UTF-8 rather than replacing them.
            return withoutMark(StandardCharsets.UTF_8.newDecoder().decode(in).toString());
        } catch (CharacterCodingException e) {
            // The decoder stops at the first bad byte.
            String before = withoutMark(new String(bytes, offset, in.position() - offset, StandardCharsets.UTF_8));
            long line = before.chars().filter(c -> c == '\n').count() + 1;
            throw new NotUtf8Exception(line, before.length() - before.lastIndexOf('\n'), bytes[in.position()] & 0xFF);
        }
    }

    private static String withoutMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
