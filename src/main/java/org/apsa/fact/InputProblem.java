package org.apsa.fact;

/**
 * One thing wrong with an input file, at a position a user can jump to.
 * Lines and columns count from 1; 0 means the position is not known.
 */
public record InputProblem(String file, long line, long column, String message) {

    /** {@code facts/x.json:3:17: message}, the form editors and compilers use. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(message).toString();
    }
}
