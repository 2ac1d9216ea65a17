package org.apsa.fact;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A fact file that cannot be used, with every problem found in it; also a rule test file (a fact
 * set and what its assessment must show), which is invalid input in the same way.
 */
public final class InvalidFactSetException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InvalidFactSetException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidFactSetException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
