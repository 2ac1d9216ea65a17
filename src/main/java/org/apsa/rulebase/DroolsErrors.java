package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failed import, or one DRL function that does not compile, makes Drools report an error
 * in every consequence of the package: one real error buried under a hundred in files that
 * are fine. This keeps the errors that are causes and counts the ones that follow from them.
 * A function that does not compile is imported under its generated class name (function
 * {@code half} as {@code org.apsa.rules.Half.half}); its own failed import is a consequence
 * of the function's error, not a second one. A rule name used twice anywhere in the folder
 * is reported at the later definition, naming the first; Drools sees it only within a package.
 */
final class DroolsErrors {

    private static final Pattern FAILED_IMPORT = Pattern.compile("Error importing : '([\\w.$]+)'");

    private DroolsErrors() {
    }

    /**
     * @param errors  as Drools reported them
     * @param sources the DRL files, to place a failed import on its line
     */
    static List<InputProblem> refined(List<InputProblem> errors, Map<Path, byte[]> sources, Path folder, DrlModel model) {
        // Drools sees a name used twice only within one package; the folder-wide check sees
        // every one and stands in for Drools' report of the same name.
        List<Repeat> repeats = repeats(folder, model);
        Set<String> repeated = new HashSet<>();
        repeats.forEach(r -> repeated.add(r.later().name()));
        List<InputProblem> refined = new ArrayList<>(withoutCascade(errors.stream()
                .filter(e -> !repeated.contains(duplicateName(e)))
                .map(e -> duplicateNamed(e, folder, model)).toList(), sources));
        repeats.forEach(r -> refined.add(r.problem(folder)));
        return refined;
    }

    /** A rule named as an earlier one of the folder, in any file or package. */
    private record Repeat(DrlModel.Rule later, DrlModel.Rule first) {

        /** At the later one's name, naming the first. */
        InputProblem problem(Path folder) {
            return new InputProblem(folder.resolve(later.file()).toString(), later.line(), later.column(),
                    duplicate(later.name(), List.of(place(folder, first))));
        }
    }

    private static String place(Path folder, DrlModel.Rule rule) {
        return folder.resolve(rule.file()) + ":" + rule.line();
    }

    /** Each rule whose name an earlier one has, in file and line order. */
    private static List<Repeat> repeats(Path folder, DrlModel model) {
        Map<String, DrlModel.Rule> first = new HashMap<>();
        List<Repeat> repeats = new ArrayList<>();
        for (DrlModel.Rule rule : model.rules()) {
            DrlModel.Rule earlier = first.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                repeats.add(new Repeat(rule, earlier));
            }
        }
        return repeats;
    }

    /** What to say of a rule's name that is also defined at other places. */
    static String duplicate(String name, List<String> elsewhere) {
        return "rule \"" + name + "\" is " + (elsewhere.isEmpty() ? "defined twice" : "also defined at " + String.join(", ", elsewhere))
                + "; a rule's name must be unique across the rules folder (traces, tests and the catalogue name rules by it), "
                + "so rename one";
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate rule name: (.+)");

    /** The name in Drools' "Duplicate rule name"; null for any other message. */
    private static String duplicateName(InputProblem e) {
        Matcher duplicate = DUPLICATE.matcher(e.message());
        return duplicate.matches() ? duplicate.group(1).strip() : null;
    }

    /** Drools' "Duplicate rule name" with the other definition named, so the author can pick which to rename. */
    private static InputProblem duplicateNamed(InputProblem e, Path folder, DrlModel model) {
        String name = duplicateName(e);
        if (name == null) {
            return e;
        }
        List<String> places = new ArrayList<>();
        for (DrlModel.Rule rule : model.rules()) {
            if (rule.name().equals(name) && !(folder.resolve(rule.file()).toString().equals(e.file()) && rule.line() == e.line())) {
                places.add(place(folder, rule));
            }
        }
        return new InputProblem(e.file(), e.line(), e.column(), duplicate(name, places));
    }

    private static List<InputProblem> withoutCascade(List<InputProblem> errors, Map<Path, byte[]> sources) {
        Set<String> failed = new LinkedHashSet<>();
        for (InputProblem e : errors) {
            Matcher m = FAILED_IMPORT.matcher(e.message());
            if (m.find()) {
                failed.add(m.group(1));
                String enclosing = enclosingClass(m.group(1));
                if (enclosing != null) {
                    failed.add(enclosing);
                }
            }
        }
        if (failed.isEmpty()) {
            return errors;
        }
        List<InputProblem> kept = new ArrayList<>();
        int following = 0;
        for (InputProblem e : errors) {
            Matcher m = FAILED_IMPORT.matcher(e.message());
            if (m.find()) {
                if (enclosingClass(m.group(1)) != null && functionErrorIn(errors, e.file())) {
                    following++;
                } else {
                    kept.add(placed(e, m.group(1), sources));
                }
            } else {
                // One message holds every Java error of a rule's consequence: only the
                // sentences about the failed import go; any other error in it stays.
                String rest = e.message();
                for (String name : failed) {
                    rest = cascadeSentences(name).matcher(rest).replaceAll("");
                }
                if (rest.equals(e.message())) {
                    kept.add(e);
                } else {
                    following++;
                    String left = rest.replaceAll("\\s+", " ").strip();
                    if (!left.isEmpty() && !left.equals(RuleBaseLoader.RULE_COMPILATION_ERROR)) {
                        kept.add(new InputProblem(e.file(), e.line(), e.column(), left));
                    }
                }
            }
        }
        if (following > 0 && !kept.isEmpty()) {
            // The count goes with the cause: the failed import, else the function that did not compile.
            int cause = 0;
            for (int i = kept.size() - 1; i >= 0; i--) {
                String message = kept.get(i).message();
                if (message.startsWith("cannot import ") || message.startsWith("in function ")) {
                    cause = i;
                }
            }
            InputProblem root = kept.get(cause);
            kept.set(cause, new InputProblem(root.file(), root.line(), root.column(), root.message() + " (" + following
                    + " error" + (following == 1 ? "" : "s") + " in the consequences that use it follow from this one)"));
        }
        return kept.isEmpty() ? errors : kept;
    }

    /** What javac says in every consequence when {@code name} cannot be imported; the name exactly, not a prefix. */
    private static Pattern cascadeSentences(String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("Only a type can be imported\\. " + n + " resolves to a package(?![\\w.$])"
                + "|The import " + n + " cannot be resolved(?![\\w.$])"
                + "|" + n + " cannot be resolved(?: to a type)?(?![\\w.$])");
    }

    /** {@code org.apsa.rules.Half} for a function's import {@code org.apsa.rules.Half.half}; null for a class. */
    private static String enclosingClass(String imported) {
        int dot = imported.lastIndexOf('.');
        return dot > 0 && Character.isLowerCase(imported.charAt(dot + 1)) && Character.isUpperCase(
                imported.charAt(imported.lastIndexOf('.', dot - 1) + 1)) ? imported.substring(0, dot) : null;
    }

    private static boolean functionErrorIn(List<InputProblem> errors, String file) {
        return errors.stream().anyMatch(e -> e.file().equals(file) && e.message().startsWith("in function "));
    }

    /** A failed class import at its {@code import} line, with what to do. */
    private static InputProblem placed(InputProblem e, String name, Map<Path, byte[]> sources) {
        long line = e.line();
        long column = e.column();
        for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
            if (!source.getKey().toString().equals(e.file())) {
                continue;
            }
            List<String> lines = new String(source.getValue(), StandardCharsets.UTF_8).lines().toList();
            Pattern statement = Pattern.compile("^\\s*import\\s+(" + Pattern.quote(name) + ")\\b");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = statement.matcher(lines.get(i));
                if (m.find()) {
                    line = i + 1;
                    column = m.start(1) + 1;
                    break;
                }
            }
        }
        return new InputProblem(e.file(), line, column, "cannot import " + name + ": no such class; check its name "
                + "(the fact types are in org.apsa.engine, e.g. import org.apsa.engine.Indicator)");
    }
}
