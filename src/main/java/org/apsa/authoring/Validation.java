package org.apsa.authoring;

import org.apsa.rulebase.Finding;

import java.util.List;
import java.util.stream.Collectors;

import static org.apsa.fact.PlainText.count;

/**
 * What {@link Validator} found in a rules folder: compile errors first, then lint findings,
 * each in file and position order.
 *
 * @param files the DRL files checked
 * @param rules the rules found in them
 */
public record Validation(String folder, int files, int rules, List<Finding> findings) {

    public Validation {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /** Clean enough to use: no errors, and with {@code strict} no warnings either. */
    public boolean passes(boolean strict) {
        return errors() == 0 && (!strict || warnings() == 0);
    }

    /** Every finding, then a summary line. */
    public String report() {
        return findings.stream().map(f -> f.format() + "\n").collect(Collectors.joining()) + summary() + "\n";
    }

    /** {@code rules: 19 files, 80 rules, 1 error, 2 warnings}. */
    public String summary() {
        return folder + ": " + count(files, "file") + ", " + count(rules, "rule") + ", " + count(errors(), "error") + ", "
                + count(warnings(), "warning");
    }
}
