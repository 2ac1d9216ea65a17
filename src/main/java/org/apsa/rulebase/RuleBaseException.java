package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.util.List;
import java.util.stream.Collectors;

/** The rule base cannot be used: it does not compile, or a rule misbehaves while firing. */
public class RuleBaseException extends RuntimeException {

    private final transient List<Finding> findings;

    public RuleBaseException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::format).collect(Collectors.joining("\n")));
        this.findings = problems.stream().map(p -> Finding.error(p.file(), (int) p.line(), (int) p.column(), p.message(), null))
                .toList();
    }

    public RuleBaseException(String message) {
        super(message);
        this.findings = List.of();
    }

    /** The rules do not compile: the errors as {@code rules validate} gives them, each with its fix. */
    private RuleBaseException(List<Finding> findings, String message) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    static RuleBaseException compileErrors(List<Finding> findings) {
        return new RuleBaseException(findings, findings.stream().map(Finding::format).collect(Collectors.joining("\n")));
    }

    public List<InputProblem> problems() {
        return findings.stream().map(f -> new InputProblem(f.file(), f.line(), f.column(), f.message())).toList();
    }

    /** The problems as {@code rules validate} prints them: where the rules do not compile, placed at the statement and with their fixes. */
    public List<Finding> findings() {
        return findings;
    }
}
