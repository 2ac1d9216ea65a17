package org.apsa.ruletest;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;

import java.nio.file.Path;

/** The shipped rule base, compiled once for the test classes of this package (compiling takes about a second). */
final class RuleFixtures {

    static final Path RULES = Path.of("rules");
    static final Path TESTS = RULES.resolve("tests");
    static final Path FACTS = Path.of("facts");

    static final RuleBase RULE_BASE = RuleBaseLoader.load(RULES);
    static final Assessor ASSESSOR = new Assessor(RULE_BASE);

    private RuleFixtures() {
    }

    static FactSet facts(String name) {
        return new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(FACTS.resolve(name + ".json"));
    }
}
