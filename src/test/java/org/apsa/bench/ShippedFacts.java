package org.apsa.bench;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;

import java.nio.file.Path;

/** The fact sets shipped in {@code facts/}, read as the tool reads them, for the benchmarks that assess one. */
final class ShippedFacts {

    private ShippedFacts() {
    }

    /** {@code facts/NAME.json}, e.g. {@code baseline-2014-12}. */
    static FactSet read(String name) {
        return new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts", name + ".json"));
    }
}
