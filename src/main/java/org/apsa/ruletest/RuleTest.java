package org.apsa.ruletest;

import org.apache.commons.io.FilenameUtils;
import org.apsa.fact.FactSet;

/**
 * One rule test: a fact set and what its assessment must show.
 *
 * @param file        the file it was read from, as given
 * @param description what the test checks, in one line; may be null
 * @param facts       the fact set to assess, validated exactly as a fact file is
 * @param expect      the expectations; at least one
 */
public record RuleTest(String file, String description, FactSet facts, Expectation expect) {

    /** The name of the test: its file name without the folder and the {@code .json}. */
    public String name() {
        return nameOf(file);
    }

    /** A test's name from its file's path (or from a name): the file name without the folder and the {@code .json}. */
    public static String nameOf(String file) {
        String name = FilenameUtils.getName(file);
        return FilenameUtils.isExtension(name, "json") ? FilenameUtils.removeExtension(name) : name;
    }
}
