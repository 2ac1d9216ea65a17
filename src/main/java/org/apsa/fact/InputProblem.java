package org.apsa.fact;

import java.util.regex.Pattern;

/**
 * One thing wrong with an input file, at a position a user can jump to.
 * Lines and columns count from 1; 0 means the position is not known.
 */
public record InputProblem(String file, long line, long column, String message) {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /**
     * {@code facts/x.json:3:17: message}, the form editors and compilers use, on one line:
     * control characters (in a file's name, say) are shown as {@code ?}, so that none acts on
     * the terminal. {@code errors.jsonl} keeps the exact name.
     */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return CONTROL.matcher(out.append(": ").append(message)).replaceAll("?");
    }
}
