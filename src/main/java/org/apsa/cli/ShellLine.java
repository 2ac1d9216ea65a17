package org.apsa.cli;

import org.jline.reader.ParsedLine;
import org.springframework.shell.Input;
import org.springframework.shell.Utils;

import java.util.List;

/** A line of commands as the shell is given it: the text, and its words. */
record ShellLine(String rawText, List<String> words) implements Input {

    /** A line read by the shell's line parser, its words as the framework's own input gives them. */
    static ShellLine of(ParsedLine parsed) {
        return new ShellLine(parsed.line(), Utils.sanitizeInput(parsed.words()));
    }
}
