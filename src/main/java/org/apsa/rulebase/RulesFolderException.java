package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.nio.file.Path;
import java.util.List;

/**
 * The folder named for the rules is missing, not a folder, holds no rule files, or is not
 * named at all (an empty {@code --rules}): a wrong argument, not a rule base that fails to
 * compile.
 */
public final class RulesFolderException extends RuleBaseException {

    RulesFolderException(Path folder, String why) {
        super(List.of(new InputProblem(folder.toString(), 0, 0, why)));
    }

    /** A folder argument that names none at all. */
    RulesFolderException(String message) {
        super(message);
    }
}
