package org.apsa;

import org.apsa.engine.Assessor;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleBaseLoader;

import java.nio.file.Path;

/** The shipped rules of rules/, compiled once for the test classes that share a JVM (a compile takes seconds). */
public final class ShippedRules {

    public static final Path FOLDER = Path.of("rules");

    private ShippedRules() {
    }

    public static RuleBase ruleBase() {
        return Holder.RULE_BASE;
    }

    public static Assessor assessor() {
        return Holder.ASSESSOR;
    }

    /** Compiled on first use, not when a test class that might not need it loads. */
    private static final class Holder {
        static final RuleBase RULE_BASE = RuleBaseLoader.load(FOLDER);
        static final Assessor ASSESSOR = new Assessor(RULE_BASE);
    }
}
