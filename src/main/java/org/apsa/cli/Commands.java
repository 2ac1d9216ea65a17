package org.apsa.cli;

import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;

/**
 * What the tool's command classes share: the session's rules, the workbench, where results
 * go, and the fact set a command's FILE names.
 */
abstract class Commands {

    /** The word for standard input where a file is taken. */
    static final String STANDARD_INPUT = "-";

    final RuleBases ruleBases;
    final Workbench bench;
    final Output out;

    Commands(RuleBases ruleBases, Workbench bench, Output out) {
        this.ruleBases = ruleBases;
        this.bench = bench;
        this.out = out;
    }

    /**
     * The fact set FILE names, read in the vocabulary of the rules of {@code rules} (null: the
     * session's): the current one when there is none, standard input for {@code -} (one JSON
     * document, named {@code <stdin>} in messages), as command-line tools read it, else the file.
     */
    FactSet facts(String file, String rules) {
        if (file == null) {
            return bench.current();
        }
        FactSetReader reader = ruleBases.reader(rules);
        return file.equals(STANDARD_INPUT) ? reader.readOne(FactSetReader.STANDARD_INPUT, out.standardInput())
                : reader.readOne(UserPaths.of(file));
    }
}
