package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.util.List;
import java.util.stream.Collectors;

/** The rule base cannot be used: it does not compile, or a rule misbehaves while firing. */
public class RuleBaseException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public RuleBaseException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RuleBaseException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
