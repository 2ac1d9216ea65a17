package org.apsa.cli;

import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;

/** The fact set a command's FILE names: standard input for {@code -}, as command-line tools read it, else the file. */
final class FactInput {

    /** The word for standard input where a file is taken. */
    static final String STANDARD_INPUT = "-";

    private FactInput() {
    }

    /** One fact set: from standard input (one JSON document, named {@code <stdin>} in messages) or a file. */
    static FactSet readOne(FactSetReader reader, String file, Output out) {
        if (file.equals(STANDARD_INPUT)) {
            return reader.readOne(FactSetReader.STANDARD_INPUT, out.standardInput());
        }
        return reader.readOne(UserPaths.of(file));
    }
}
