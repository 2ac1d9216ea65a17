package org.apsa.rulebase;

import com.github.javaparser.Position;
import com.github.javaparser.Providers;
import com.github.javaparser.UnicodeEscapeProcessingProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Java's unicode escapes ({@code \u0053} for {@code S}), which the Java compiler reads before
 * anything else, in code, strings and comments alike: rule code checked as written would
 * miss what an escape spells ({@code \u0053ystem.exit(0)} runs {@code System.exit(0)}).
 * JavaParser decodes them as javac does and maps positions back to the text as written.
 */
final class JavaEscapes {

    private JavaEscapes() {
    }

    /**
     * A text with its escapes decoded, and where each character of it was in the text as written.
     *
     * @param lineStarts the offset of each line of {@code text}
     * @param written    the decoded positions' places as written; null when nothing was decoded
     */
    record Decoded(String text, int[] lineStarts, UnicodeEscapeProcessingProvider.PositionMapping written) {

        /** 1-based line, in the text as written, of an offset of {@link #text}. */
        int line(int offset) {
            return position(offset).line;
        }

        /** 1-based column, in the text as written, of an offset of {@link #text}. */
        int column(int offset) {
            return position(offset).column;
        }

        private Position position(int offset) {
            int line = lineOf(lineStarts, offset);
            Position decoded = new Position(line, offset - lineStarts[line - 1] + 1);
            return written == null ? decoded : written.transform(decoded);
        }
    }

    /** Decodes as the Java compiler does (JLS 3.3). */
    static Decoded decode(String text) {
        if (text.indexOf("\\u") < 0) {
            return new Decoded(text, lineStarts(text), null);
        }
        UnicodeEscapeProcessingProvider decoding = new UnicodeEscapeProcessingProvider(Providers.provider(text));
        StringBuilder out = new StringBuilder(text.length());
        char[] buffer = new char[8192];
        try {
            for (int n; (n = decoding.read(buffer, 0, buffer.length)) >= 0; ) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a string is read without I/O
        }
        return new Decoded(out.toString(), lineStarts(out.toString()), decoding.getPositionMapping());
    }

    /** The offset of each line's first character. */
    static int[] lineStarts(String text) {
        return IntStream.concat(IntStream.of(0), IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1))
                .toArray();
    }

    /** The 1-based line of an offset, given the offsets of the lines' starts. */
    static int lineOf(int[] lineStarts, int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : Math.max(1, -found - 1);
    }
}
