package org.apsa.rulebase;

import org.apsa.fact.InputProblem;
import org.apsa.fact.Suggestions;
import org.kie.api.builder.Message;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.apsa.fact.PlainText.count;

/**
 * Drools' error messages in the author's terms, the one place that rewords them: for every
 * load and for {@code rules validate} alike. Each is placed at the file the author edits and,
 * where it can be found, at the statement it is about (Drools puts a consequence's Java errors
 * at the rule's first line, all in one message), with the fix.
 *
 * <p>One failed import, or one DRL function that does not compile, makes Drools report an error
 * in every consequence of the package: one real error buried under a hundred in files that
 * are fine. This keeps the errors that are causes and counts the ones that follow from them.
 * A function that does not compile is imported under its generated class name (function
 * {@code half} as {@code org.apsa.rules.Half.half}); its own failed import is a consequence
 * of the function's error, not a second one. A rule name used twice anywhere in the folder
 * is reported at the later definition, naming the first; Drools sees it only within a package.
 * A parse error hides the other errors of its file: {@link #withoutRulesThatDoNotParse} gives
 * the texts to compile again so that they show.
 */
final class DroolsErrors {

    /** How an error only the executable model reports begins. */
    static final String EXECUTABLE_MODEL_ERROR = "the rules compile as DRL but not to the executable model that runs them: ";
    /** How Drools begins the message of a consequence whose Java does not compile. */
    static final String RULE_COMPILATION_ERROR = "Rule Compilation error";

    private static final Pattern FAILED_IMPORT = Pattern.compile("Error importing : '([\\w.$]+)'");

    private DroolsErrors() {
    }

    /**
     * @param errors  as Drools reported them
     * @param sources the DRL files, to place a failed import on its line
     */
    static List<InputProblem> refined(List<InputProblem> errors, Map<Path, String> sources, Path folder, DrlModel model) {
        // Drools sees a name used twice only within one package; the folder-wide check sees
        // every one, at the later definition naming the first, and stands in for Drools' report of the same name.
        Map<String, DrlModel.Rule> first = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        List<InputProblem> repeats = new ArrayList<>();
        for (DrlModel.Rule rule : model.rules()) {
            DrlModel.Rule earlier = first.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                repeated.add(rule.name());
                repeats.add(new InputProblem(folder.resolve(rule.file()).toString(), rule.line(), rule.column(),
                        duplicate(rule.name(), List.of(place(folder, earlier)))));
            }
        }
        List<InputProblem> refined = new ArrayList<>(withoutCascade(errors.stream()
                .filter(e -> !repeated.contains(duplicateName(e)))
                .map(e -> duplicateNamed(e, folder, model)).toList(), sources));
        refined.addAll(repeats);
        return refined;
    }

    private static String place(Path folder, DrlModel.Rule rule) {
        return folder.resolve(rule.file()) + ":" + rule.line();
    }

    /** What to say of a rule's name that is also defined at other places. */
    private static String duplicate(String name, List<String> elsewhere) {
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

    private static List<InputProblem> withoutCascade(List<InputProblem> errors, Map<Path, String> sources) {
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
                    if (!left.isEmpty() && !left.equals(RULE_COMPILATION_ERROR)) {
                        kept.add(new InputProblem(e.file(), e.line(), e.column(), left));
                    }
                }
            }
        }
        if (following > 0 && !kept.isEmpty()) {
            // The count goes with the cause: the failed import, else the function that did not compile.
            int cause = IntStream.range(0, kept.size()).filter(i -> kept.get(i).message().startsWith("cannot import ")
                    || kept.get(i).message().startsWith("in function ")).findFirst().orElse(0);
            InputProblem root = kept.get(cause);
            kept.set(cause, new InputProblem(root.file(), root.line(), root.column(), root.message() + " (" + count(following, "error")
                    + " in the consequences that use it follow from this one)"));
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
    private static InputProblem placed(InputProblem e, String name, Map<Path, String> sources) {
        long line = e.line();
        long column = e.column();
        String text = sources.entrySet().stream().filter(s -> s.getKey().toString().equals(e.file())).map(Map.Entry::getValue)
                .findFirst().orElse("");
        Matcher m = Pattern.compile("(?m)^[ \\t]*import\\s+(" + Pattern.quote(name) + ")\\b").matcher(text);
        if (m.find()) {
            DrlFile file = DrlFile.asWritten(text);
            line = file.line(m.start(1));
            column = file.column(m.start(1));
        }
        return new InputProblem(e.file(), line, column, "cannot import " + name + ": no such class; check its name "
                + "(the fact types are in org.apsa.engine, e.g. import org.apsa.engine.Indicator)");
    }

    private static final Pattern FUNCTION_ERROR = Pattern.compile("\\[ function (\\w+) \\(line:\\d+\\): (.*?) ]");
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");

    /**
     * Drools gives every Java error of one consequence in one message, a line each after
     * "Rule Compilation error": each becomes a problem of its own, so that each is placed and
     * fixed on its own.
     */
    static List<InputProblem> problems(Message message, Map<String, Path> byResource, String resources) {
        String text = message.getText() == null ? "" : message.getText().strip();
        List<String> each = !text.startsWith(RULE_COMPILATION_ERROR) ? List.of()
                : text.substring(RULE_COMPILATION_ERROR.length()).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (each.size() < 2) {
            return List.of(problem(message, text, byResource, resources));
        }
        return each.stream().map(line -> problem(message, RULE_COMPILATION_ERROR + " " + line, byResource, resources)).toList();
    }

    private static InputProblem problem(Message message, String raw, Map<String, Path> byResource, String resources) {
        String path = message.getPath();
        Path file = path == null ? null : byResource.get(path);
        String where = file != null ? file.toString() : path == null ? "rules" : path.replaceFirst("^" + resources, "");
        String text = raw.isEmpty() ? "error" : raw.replaceAll("\\s*\\n\\s*", " ");
        Matcher function = FUNCTION_ERROR.matcher(text);
        if (function.matches()) {
            // Drools writes "[ function halfhalf (line:3): ... ]" for function half.
            String name = function.group(1);
            boolean doubled = name.length() % 2 == 0 && name.substring(0, name.length() / 2).equals(name.substring(name.length() / 2));
            text = "in function " + (doubled ? name.substring(0, name.length() / 2) : name) + ": " + function.group(2)
                    + "; fix the Java in the function's body";
        }
        int column = Math.max(0, message.getColumn());
        Matcher at = PARSER_POSITION.matcher(text);
        if (column == 0 && at.find() && Integer.parseInt(at.group(1)) == message.getLine()) {
            // The parser puts the (0-based) column in the text only.
            column = Integer.parseInt(at.group(2)) + 1;
        }
        return new InputProblem(where, Math.max(0, message.getLine()), column, text);
    }

    /** A class the executable model generates (lambdas named by a hash). */
    private static final Pattern GENERATED = Pattern.compile("Lambda(?:Predicate|Consequence|Extractor)[0-9A-F]{32}");
    private static final Pattern UNCALLABLE_METHOD = Pattern.compile("The method (\\w+)\\(");

    /**
     * The executable model's errors in the author's terms. They come against generated Java
     * files. A method it cannot call on an accumulate function's result ({@code $cs.size()}
     * with {@code $cs : collectList(...)}) is looked up in the DRL code (comments and strings
     * left out) and reported at each such call; otherwise the folder is named. Errors that
     * only name generated classes follow from another one and are left out.
     */
    static List<InputProblem> executableModelErrors(Path folder, DrlModel model, List<InputProblem> errors) {
        Set<InputProblem> problems = new LinkedHashSet<>();
        for (InputProblem e : errors) {
            if (e.message().startsWith("Java source of ") || GENERATED.matcher(e.message()).find()) {
                continue;
            }
            if (e.file().endsWith(".drl")) {
                problems.add(e);
                continue;
            }
            String message = EXECUTABLE_MODEL_ERROR + e.message()
                    + " (see docs/rule-authoring.md, \"Executable model\")";
            Matcher method = UNCALLABLE_METHOD.matcher(e.message());
            List<InputProblem> calls = method.find() ? callsOnAccumulateResults(folder, model, method.group(1), message) : List.of();
            problems.addAll(calls.isEmpty() ? List.of(new InputProblem(folder.toString(), 0, 0, message)) : calls);
        }
        return problems.isEmpty() ? errors : List.copyOf(problems);
    }

    /** Each call of {@code method} in a constraint on a variable bound to an accumulate function's result, as a problem. */
    private static List<InputProblem> callsOnAccumulateResults(Path folder, DrlModel model, String method, String message) {
        List<InputProblem> calls = new ArrayList<>();
        for (DrlModel.Rule rule : model.rules()) {
            for (String result : rule.accumulated()) {
                Pattern call = Pattern.compile(Pattern.quote(result) + "\\s*\\.\\s*(" + Pattern.quote(method) + ")\\s*\\(");
                for (DrlModel.Condition e : rule.expressions()) {
                    Matcher m = call.matcher(e.text());
                    while (m.find()) {
                        int[] at = e.at(m.start(1));
                        calls.add(new InputProblem(folder.resolve(rule.file()).toString(), at[0], at[1], message));
                    }
                }
            }
        }
        return calls;
    }

    // ---- in the author's terms: at the statement, with the fix -------------------------

    private static final Pattern PARSE_ERROR = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ (.*)$");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");
    private static final Pattern NO_SUCH_FIELD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern TYPE_MISMATCH = Pattern.compile("^Type mismatch: cannot convert from \\S+ to ([\\w.]+)$");

    static boolean isParseError(InputProblem p) {
        return PARSE_ERROR.matcher(p.message()).matches() || p.message().startsWith(NULL_PACKAGE);
    }

    /**
     * A parse error hides the other errors of its file: the texts to compile again to see them,
     * without the rules that do not parse, every other line kept where it was (a file whose
     * errors are not all in rules left out); null when nothing was hidden.
     */
    static Map<Path, String> withoutRulesThatDoNotParse(Map<Path, String> texts, List<InputProblem> errors) {
        Map<Path, String> again = new LinkedHashMap<>(texts);
        boolean hidden = false;
        for (Map.Entry<Path, String> text : texts.entrySet()) {
            List<InputProblem> parse = errors.stream()
                    .filter(p -> p.file().equals(text.getKey().toString()) && isParseError(p)).toList();
            if (parse.isEmpty()) {
                continue;
            }
            hidden = true;
            DrlFile file = DrlFile.asWritten(text.getValue());
            List<DrlFile.Block> broken = parse.stream().filter(p -> !p.message().startsWith(NULL_PACKAGE)).map(p -> blockOf(file, p))
                    .toList();
            if (!broken.isEmpty() && !broken.contains(null)) {
                again.put(text.getKey(), file.without(broken));
            } else {
                again.remove(text.getKey());
            }
        }
        return hidden ? again : null;
    }

    /**
     * Drools' errors as {@code rules validate} and every load give them: each at the statement
     * it is about where that can be found, in the author's words, with the fix; in file and
     * position order, each once.
     *
     * @param texts the DRL texts compiled, by file
     */
    static List<Finding> findings(List<InputProblem> problems, Map<Path, String> texts, DrlModel model) {
        Map<String, DrlFile> files = new HashMap<>();
        texts.forEach((path, text) -> files.put(path.toString(), DrlFile.asWritten(text)));
        Set<String> types = new TreeSet<>();
        Set<String> imported = new HashSet<>();
        model.files().forEach(f -> f.imports().forEach(i -> {
            types.add(i.substring(i.lastIndexOf('.') + 1));
            imported.add(i);
        }));
        model.rules().forEach(r -> r.patterns().forEach(p -> types.add(p.type())));
        types.remove("*");
        List<Finding> findings = new ArrayList<>();
        // Javac says "$q cannot be resolved" once for each use: the second is at the second use.
        Map<String, Integer> repeats = new HashMap<>();
        for (InputProblem p : problems) {
            if (p.message().startsWith(NULL_PACKAGE) && problems.stream()
                    .anyMatch(o -> o != p && o.file().equals(p.file()) && !o.message().startsWith(NULL_PACKAGE))) {
                continue;
            }
            int repeat = repeats.merge(p.file() + "|" + p.line() + "|" + p.message(), 1, Integer::sum) - 1;
            findings.add(refine(p, files.get(p.file()), repeat, types, imported));
        }
        // A pattern on an unknown type leaves its binding undeclared; the consequence's
        // "cannot be resolved" that follows is the same mistake, not a second one.
        Set<String> unresolved = new HashSet<>();
        findings.stream().filter(f -> f.message().contains("unknown fact type"))
                .forEach(f -> unresolved.add(f.file() + "|" + f.message().replaceFirst(": unknown fact type.*", "")));
        findings.removeIf(f -> f.message().startsWith("in the consequence of rule") && f.message().contains(" cannot be resolved")
                && !f.message().contains("to a type")
                && unresolved.contains(f.file() + "|" + f.message().replaceFirst("^in the consequence of (rule \"[^\"]*\").*", "$1")));
        return Finding.sorted(findings);
    }

    private static DrlFile.Block blockOf(DrlFile file, InputProblem p) {
        Matcher named = IN_RULE.matcher(p.message());
        if (named.find()) {
            for (DrlFile.Block b : file.blocks()) {
                if (b.name().equals(named.group(1))) {
                    return b;
                }
            }
        }
        return p.line() > 0 ? file.blockAtLine((int) p.line()) : null;
    }

    /** A Drools message as a finding, at the statement it is about where that can be found. */
    private static Finding refine(InputProblem p, DrlFile file, int repeat, Set<String> types, Set<String> imported) {
        String text = p.message();
        int line = (int) p.line();
        int column = (int) p.column();
        Matcher parse = PARSE_ERROR.matcher(text);
        if (parse.matches()) {
            String what = parse.group(1);
            String fix = what.contains("'<eof>'")
                    ? "the file ends inside a rule: close the rule with 'end'"
                    : "check the brackets, commas and quotes here; a rule reads: rule \"name\" @title(...) when ... then ... end";
            int open = file == null || line < 1 ? -1 : unclosed(file, line);
            if (open >= 0) {
                // The parser stumbles where the next keyword begins; the mistake is the bracket left open.
                return Finding.error(p.file(), file.line(open), file.column(open),
                        "syntax error: this parenthesis is not closed (the parser then found " + what.replaceFirst(
                                "^mismatched input ('[^']*').*$", "$1") + " at line " + line + ")",
                        "close it with ')' at the end of the pattern");
            }
            return Finding.error(p.file(), line, column, "syntax error: " + what, fix);
        }
        if (text.startsWith(NULL_PACKAGE)) {
            return Finding.error(p.file(), line, column, "the file does not parse", "check the package and import lines at the top of the file");
        }
        Matcher field = NO_SUCH_FIELD.matcher(text);
        Class<?> factType = field.find() && importedType(field.group(1), imported) ? recordNamed(field.group(1)) : null;
        if (factType != null) {
            // Drools' "unable to resolve method using strict-mode: org.apsa.engine.Indicator.idd()".
            String name = field.group(2);
            List<String> fields = Arrays.stream(factType.getRecordComponents()).map(RecordComponent::getName).toList();
            if (file != null && line > 0) {
                Matcher at = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(file.code());
                if (at.find(file.offsetOfLine(line)) && file.line(at.start()) == line) {
                    column = file.column(at.start());
                }
            }
            return Finding.error(p.file(), line, column, "unknown field \"" + name + "\" of " + factType.getSimpleName()
                    + Suggestions.didYouMean(name, fields), "use one of its fields: " + String.join(", ", fields));
        }
        if (file == null) {
            return Finding.error(p.file(), line, column, text, null);
        }
        DrlFile.Block block = line > 0 ? file.blockOn(line) : null;
        String rule = block == null ? "" : "rule \"" + block.name() + "\": ";
        if (text.startsWith(EXECUTABLE_MODEL_ERROR)) {
            return Finding.error(p.file(), line, column, rule + text, text.contains("The method ")
                    ? "in a condition, count or sum with a second accumulate function instead of calling a method on "
                            + "an accumulate result, e.g. $cs : collectList( $i ), $n : count( $i ); $n >= 2"
                    : "write the construct another way; docs/rule-authoring.md lists the ones met so far");
        }
        if (text.startsWith(RULE_COMPILATION_ERROR) && block != null) {
            String what = text.substring(RULE_COMPILATION_ERROR.length()).strip();
            int at = locate(file, what, block.rhsFrom(), block.end(), repeat);
            if (at < 0) {
                at = block.thenAt() >= 0 ? block.thenAt() : block.start();
            }
            return Finding.error(p.file(), file.line(at), file.column(at),
                    "in the consequence of rule \"" + block.name() + "\": " + what, javaFix(what));
        }
        if (line > 0 && column == 0) {
            int from = file.offsetOfLine(line);
            int end = file.code().length();
            int to = line < file.line(end) ? file.offsetOfLine(line + 1) : end;
            int at = locate(file, text, from, to, 0);
            if (at >= 0) {
                column = file.column(at);
            }
        }
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.find()) {
            Set<String> known = new TreeSet<>(types);
            known.remove(type.group(1));
            return Finding.error(p.file(), line, column, rule + "unknown fact type \"" + type.group(1) + "\""
                            + Suggestions.didYouMean(type.group(1), known),
                    "import the fact type (they live in org.apsa.engine, e.g. import org.apsa.engine.Judgment;) or correct its name");
        }
        return Finding.error(p.file(), line, column, text, null);
    }

    /** Whether the rules import this class, by name or with its package's {@code .*}. */
    private static boolean importedType(String name, Set<String> imported) {
        return imported.contains(name) || imported.contains(name.substring(0, name.lastIndexOf('.') + 1) + "*");
    }

    /**
     * The record class a message names, as the rules see it; null for any other name. Only a
     * class the rules import is looked up: one Drools has loaded already to compile them.
     */
    private static Class<?> recordNamed(String name) {
        try {
            Class<?> type = Class.forName(name, false, DroolsErrors.class.getClassLoader());
            return type.isRecord() ? type : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The offset of the last parenthesis left open before a 1-based line, within its rule; -1 if none. */
    private static int unclosed(DrlFile file, int line) {
        DrlFile.Block block = file.blockAtLine(line);
        if (block == null) {
            return -1;
        }
        int to = file.offsetOfLine(line);
        String code = file.code();
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = block.start(); i < to; i++) {
            if (code.charAt(i) == '(') {
                open.push(i);
            } else if (code.charAt(i) == ')' && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    private static final List<Pattern> NAMED = List.of(Pattern.compile("^([\\w$]+) cannot be resolved"),
            Pattern.compile("The method (\\w+)\\("), Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("The field (?:\\w+\\.)?(\\w+)"), Pattern.compile("Syntax error on tokens?,? \"?([^\",]+)\"?"));

    /** Where in [from, to) the identifier or text a Java error names first appears, or -1. */
    private static int locate(DrlFile file, String message, int from, int to, int repeat) {
        List<String> candidates = new ArrayList<>();
        for (int k = 0; k < NAMED.size(); k++) {
            Matcher m = NAMED.get(k).matcher(message);
            if (m.find()) {
                String name = m.group(1).strip();
                // A method is best found at its call, a constructor at its "new".
                candidates.addAll(k == 1 ? List.of(name + "(", name) : k == 2 ? List.of("new " + name, name) : List.of(name));
            }
        }
        Matcher m = QUOTED.matcher(message);
        while (m.find()) {
            candidates.add(m.group(1));
        }
        String code = file.code().substring(from, to);
        for (String c : candidates) {
            Matcher word = Pattern.compile((isWordChar(c.charAt(0)) ? "\\b" : "")
                    + Pattern.quote(c) + (isWordChar(c.charAt(c.length() - 1)) ? "\\b" : "")).matcher(code);
            int at = nth(word, repeat);
            if (at >= 0) {
                return from + at;
            }
        }
        if ((m = TYPE_MISMATCH.matcher(message)).find()) {
            // Javac does not say where; a declaration of the type it could not convert to is the likely place.
            int at = nth(Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\s+[\\w$]+\\s*=").matcher(code), repeat);
            if (at >= 0) {
                return from + at;
            }
        }
        return -1;
    }

    /** Where the match after {@code skip} others starts, or the last one's when there are fewer; -1 for none. */
    private static int nth(Matcher matcher, int skip) {
        int at = -1;
        for (int i = 0; i <= skip && matcher.find(); i++) {
            at = matcher.start();
        }
        return at;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The fix of a consequence's Java error, by what javac says: the first that matches. */
    private static final List<Map.Entry<Pattern, String>> JAVA_FIXES = List.of(
            Map.entry(Pattern.compile("cannot be resolved to a variable|^\\$\\w+ cannot be resolved\\z"),
                    "bind it in the 'when' part ($x : Indicator( ... )) or correct its name"),
            Map.entry(Pattern.compile("cannot be resolved to a type"),
                    "import the class (fact types live in org.apsa.engine) or correct its name"),
            Map.entry(Pattern.compile("is undefined for the type"),
                    "call a method the type has: facts are records, e.g. $i.confidence(), $i.level(), $j.id()"),
            Map.entry(Pattern.compile("^Type mismatch:"),
                    "make the value's type match the variable's: ids and levels are String, confidence and rank are "
                            + "numbers (double, int)"));

    private static String javaFix(String what) {
        return JAVA_FIXES.stream().filter(fix -> fix.getKey().matcher(what).find()).map(Map.Entry::getValue).findFirst()
                .orElse("correct the Java of the consequence (the 'then' part)");
    }
}
