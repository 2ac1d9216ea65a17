package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.nio.file.Path;
import java.util.List;

/**
 * The folder named for the rules is missing, not a folder, or holds no rule files: a wrong
 * argument, not a rule base that fails to compile.
 */
public final class RulesFolderException extends RuleBaseException {

    RulesFolderException(Path folder, String why) {
        super(List.of(new InputProblem(folder.toString(), 0, 0, why)));
    }
}
