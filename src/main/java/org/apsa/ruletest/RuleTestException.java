package org.apsa.ruletest;

import org.apsa.fact.InputProblem;

import java.util.List;
import java.util.stream.Collectors;

/** A rule test file that cannot be used, with every problem found in it. */
public final class RuleTestException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public RuleTestException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
