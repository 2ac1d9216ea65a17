package org.apsa.rulebase;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One thing a rule author should change, at a position an editor can jump to.
 *
 * @param line   1-based; 0 when not known
 * @param column 1-based; 0 when not known
 * @param fix    what to do about it, in one line; may be null
 */
public record Finding(Severity severity, String file, int line, int column, String message, String fix) {

    /** Errors make the rule base unusable or wrong; warnings weaken its explanations. */
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::message);

    public static Finding error(String file, int line, int column, String message, String fix) {
        return new Finding(Severity.ERROR, file, line, column, message, fix);
    }

    /** In file and position order, each finding once. */
    public static List<Finding> sorted(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        return findings.stream().sorted(ORDER).filter(f -> seen.add(f.format())).toList();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code rules/x.drl:12:25: error: message}, the form compilers print and editors read. */
    public String position() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    /** The finding in one line, then its fix indented on the next. */
    public String format() {
        return position() + ": " + severity.label() + ": " + message + (fix == null ? "" : "\n    fix: " + fix);
    }
}
