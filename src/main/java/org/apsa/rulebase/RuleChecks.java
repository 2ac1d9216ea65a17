package org.apsa.rulebase;

import org.apsa.fact.KnowledgeBase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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

        /** As kept in the cache: each finding on its line(s), after a line {@code E} or {@code W} and its length. */
        byte[] bytes() {
            StringBuilder out = new StringBuilder();
            errors.forEach(e -> out.append("E ").append(e.length()).append('\n').append(e).append('\n'));
            warnings.forEach(w -> out.append("W ").append(w.length()).append('\n').append(w).append('\n'));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The verdict {@link #bytes()} wrote; throws IllegalArgumentException for anything else. */
        static Verdict of(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int eol = text.indexOf('\n', at);
                String head = eol < 0 ? "" : text.substring(at, eol);
                if (head.length() < 3 || (head.charAt(0) != 'E' && head.charAt(0) != 'W') || head.charAt(1) != ' ') {
                    throw new IllegalArgumentException("not a verdict of the rule checks");
                }
                int length = Integer.parseInt(head.substring(2));
                int from = eol + 1;
                if (length < 0 || from + length >= text.length() + 1 || from + length > text.length() - 1
                        || text.charAt(from + length) != '\n') {
                    throw new IllegalArgumentException("not a verdict of the rule checks");
                }
                (head.charAt(0) == 'E' ? errors : warnings).add(text.substring(from, from + length));
                at = from + length + 1;
            }
            return new Verdict(errors, warnings);
        }
    }
}
