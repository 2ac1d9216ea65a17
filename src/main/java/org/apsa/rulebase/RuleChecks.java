package org.apsa.rulebase;

import org.apsa.fact.KnowledgeBase;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a rule base must pass to be used, beyond compiling: what {@code rules validate}
 * reports. They depend only on the texts, so their verdict is computed when the texts are
 * compiled and kept beside the compiled rules in the cache: a run from the cache does not
 * check again.
 */
@FunctionalInterface
public interface RuleChecks {

    /**
     * What the checks say of the DRL texts of a folder (file to text, in compile order), which
     * {@code model} holds as Drools' parser read them.
     *
     * @param knowledgeBase the folder's knowledge-base.json as the loader read it (without
     *                      errors); empty when the folder has none
     */
    Verdict check(Path folder, Map<Path, String> texts, DrlModel model, Optional<KnowledgeBase.Reading> knowledgeBase);

    /** No checks: the rules are used when they compile (for tests of the engine with hostile rules). */
    RuleChecks NONE = (folder, texts, model, knowledgeBase) -> Verdict.CLEAN;

    /**
     * @param errors   each a finding as {@code rules validate} prints it; any refuses the rule base
     * @param warnings the same, for findings that do not
     */
    record Verdict(List<String> errors, List<String> warnings) {

        public static final Verdict CLEAN = new Verdict(List.of(), List.of());

        public Verdict {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }
}
