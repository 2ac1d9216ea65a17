package org.apsa.rulebase;

import java.util.List;

/** The rules compile, but the checks of the rule base ({@link RuleChecks}) found errors, so they are not used. */
public final class RefusedRulesException extends RuleBaseException {

    private final transient List<String> errors;

    RefusedRulesException(List<String> errors, String message) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** Each error as {@code rules validate} prints it. */
    public List<String> errors() {
        return errors;
    }
}
