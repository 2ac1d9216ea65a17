package org.apsa.rulebase;

import java.nio.file.Path;
import java.util.Map;

/** Rule models read from one DRL text, for tests. */
final class DrlModels {

    private DrlModels() {
    }

    /** The rules of one file, positions in that file (a file of its own, not a folder's). */
    static DrlModel parse(String file, String text) {
        return DrlModel.parse(Path.of(""), Map.of(Path.of(file), text));
    }
}
