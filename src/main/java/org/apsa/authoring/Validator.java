package org.apsa.authoring;

import org.apsa.authoring.DrlFile.Block;
import org.apsa.authoring.Finding.Severity;
import org.apsa.engine.Assessor;
import org.apsa.engine.Recommendation;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.InputProblem;
import org.apsa.fact.Scale;
import org.apsa.fact.Suggestions;
import org.apsa.fact.KnowledgeBase;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.rulebase.DrlModel;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleChecks;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a rules folder the way a rule author needs: compile errors at the statement that
 * causes them, every parse error's rule without hiding the rest, then lint against the
 * vocabulary, the article and the knowledge model.
 *
 * <p>Errors: the rules do not compile, or do something other than they appear to (an
 * indicator id or level the vocabulary lacks never matches; a judgment nobody inserts never
 * holds; a consequence that reaches outside the rule base). Warnings: the rules run as
 * written but explain themselves badly (missing or wrong metadata, a judgment nobody reads).
 */
public final class Validator {

    private static final Logger LOG = LogManager.getLogger(Validator.class);

    /** The article's body has twelve paragraphs; {@code @source} cites them by number. */
    public static final int PARAGRAPHS = 12;

    private static final Pattern PARSE_ERROR = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ (.*)$");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+[\\w.]+\\.(\\w+)\\s*;");
    private static final Set<String> FACT_TYPES = Assessor.FACT_TYPES.stream().map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern SOURCE = Pattern.compile("\\d+(\\s*,\\s*\\d+)*");

    private record Reach(Pattern pattern, String what) {
    }

    private static final Pattern NO_SUCH_FIELD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    /** The knowledge model's fact types by name, for Drools' messages that name one. */
    private static final Map<String, Class<?>> FACT_CLASSES = Assessor.FACT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, c -> c));

    private static final List<Reach> OUTSIDE = List.of(
            new Reach(Pattern.compile("\\bSystem\\s*\\.\\s*\\w+"), "console output or the process"),
            new Reach(Pattern.compile("\\bRuntime\\b(\\s*\\.\\s*\\w+)?"), "the process"),
            new Reach(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net)\\b"), "files or the network"),
            new Reach(Pattern.compile("\\b(File|Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|PrintStream"
                    + "|RandomAccessFile|FileChannel|FileHandler|Socket|ServerSocket|URL|URI|HttpClient)\\b"
                    + "|\\bjava\\s*\\.\\s*util\\s*\\.\\s*(logging|zip|jar)\\b"), "files or the network"),
            new Reach(Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bClass\\s*\\.\\s*forName\\b"
                    + "|\\.\\s*getClass\\s*\\(\\s*\\)|\\bgetDeclared\\w*\\b|\\bsetAccessible\\b|\\bMethodHandles?\\b"
                    + "|\\bClassLoader\\b"), "reflection"),
            new Reach(Pattern.compile("\\b(Thread|ProcessBuilder|Process|ProcessHandle|Executors|ExecutorService|CompletableFuture"
                    + "|ForkJoinPool|Timer|ScheduledExecutorService)\\b"), "threads or processes"),
            new Reach(Pattern.compile("\\borg\\s*\\.\\s*apache\\s*\\.\\s*commons\\s*\\.\\s*io\\b"
                    + "|\\b(FileUtils|IOUtils|FilenameUtils|PathUtils|FileSystemUtils)\\b"
                    + "|\\bjava\\s*\\.\\s*sql\\b|\\bDriverManager\\b|\\bjavax\\s*\\.\\s*naming\\b|\\bInitialContext\\b"),
                    "files or the network"),
            new Reach(Pattern.compile("\\borg\\s*\\.\\s*mvel2\\b|\\bMVEL\\b|\\bjavax\\s*\\.\\s*script\\b|\\bScriptEngine\\w*\\b"),
                    "code run from a string, which no check reads"),
            new Reach(Pattern.compile("\\bsun\\s*\\.\\s*misc\\b|\\bjdk\\s*\\.\\s*internal\\b|\\bUnsafe\\b"), "reflection"));

    /**
     * The errors of a folder whose rules did not load, placed as {@link #validate} places
     * them; when validating fails too, the load's own problems as they were.
     */
    public List<Finding> errorsAfterFailedLoad(Path folder, RuleBaseException failure) {
        try {
            List<Finding> errors = validate(folder).findings().stream().filter(Finding::isError).toList();
            if (!errors.isEmpty()) {
                return errors;
            }
        } catch (RuntimeException again) {
            LOG.debug("validating {} after a failed load: {}", folder, again.toString());
        }
        return failure.problems().stream()
                .map(p -> new Finding(Severity.ERROR, p.file(), (int) p.line(), (int) p.column(), p.message(), null))
                .toList();
    }

    /**
     * @throws RuleBaseException when the folder is missing or holds no rules
     */
    public Validation validate(Path folder) {
        List<Path> paths = RuleBaseLoader.drlFiles(folder);
        Map<Path, String> sources = new LinkedHashMap<>();
        Map<String, DrlFile> files = new LinkedHashMap<>();
        for (Path path : paths) {
            String text = read(path);
            sources.put(path, text);
            files.put(path.toString(), new DrlFile(path.toString(), text));
        }
        DrlModel model = DrlModel.parse(folder, sources);
        List<Finding> findings = new ArrayList<>(compile(folder, sources, model, files));
        findings.addAll(lint(folder, sources, model));
        findings.sort(Finding.ORDER);
        return new Validation(folder.toString(), files.size(), rules(files), dedupe(findings));
    }

    /**
     * The checks of {@link #validate} beyond compiling, as loading the rules runs them: a rule
     * base with an error is not used, its warnings are printed when it is loaded.
     */
    public static RuleChecks checks() {
        return (folder, texts, model) -> {
            List<Finding> findings = new ArrayList<>(new Validator().lint(folder, texts, model));
            findings.sort(Finding.ORDER);
            List<Finding> each = dedupe(findings);
            return new RuleChecks.Verdict(each.stream().filter(Finding::isError).map(Finding::format).toList(),
                    each.stream().filter(f -> !f.isError()).map(Finding::format).toList());
        };
    }

    private static int rules(Map<String, DrlFile> files) {
        return files.values().stream().mapToInt(f -> f.blocks().size()).sum();
    }

    /**
     * Lint against the vocabulary, the article and the knowledge model: everything but
     * compiling. The texts are read as Java compiles them, unicode escapes decoded: what they
     * spell is what runs.
     */
    private List<Finding> lint(Path folder, Map<Path, String> sources, DrlModel model) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            DrlFile file = DrlFile.asCompiled(source.getKey().toString(), source.getValue());
            outside(file, findings);
            changesFacts(file, findings);
        }
        Optional<KnowledgeBase.Reading> own = KnowledgeBase.read(folder);
        own.ifPresent(r -> r.problems().forEach(p -> findings.add(new Finding(p.error() ? Severity.ERROR : Severity.WARNING,
                p.where().file(), (int) p.where().line(), (int) p.where().column(), p.where().message(),
                "docs/rule-authoring.md (\"Write a new knowledge base\") gives the file's keys"))));
        KnowledgeBase kb = own.flatMap(KnowledgeBase.Reading::knowledgeBase).orElse(KnowledgeBase.embedded());
        own.flatMap(KnowledgeBase.Reading::knowledgeBase).ifPresent(k -> used(folder, model, k, findings));
        Set<String> claims = claims(folder, own.isPresent() ? kb.claims().orElse(null) : "claims.csv");
        for (DrlModel.Rule rule : model.rules()) {
            Lint lint = new Lint(folder.resolve(rule.file()).toString(), rule, kb, findings);
            lint.metadata(claims);
            lint.indicators();
        }
        judgments(folder, model, findings);
        return findings;
    }

    // ---- compiling ----------------------------------------------------------------------

    private List<Finding> compile(Path folder, Map<Path, String> sources, DrlModel model, Map<String, DrlFile> files) {
        List<InputProblem> first = RuleBaseLoader.check(folder, sources, model);
        List<InputProblem> problems = new ArrayList<>();
        Map<Path, String> second = new LinkedHashMap<>(sources);
        boolean hidden = false;
        for (Path path : sources.keySet()) {
            DrlFile file = files.get(path.toString());
            List<InputProblem> parse = first.stream()
                    .filter(p -> p.file().equals(path.toString()) && isParseError(p)).toList();
            if (parse.isEmpty()) {
                continue;
            }
            hidden = true;
            problems.addAll(parse);
            // A parse error hides the other errors of its file: compile again without the
            // rules that do not parse, keeping every other line where it was.
            Set<Block> broken = new LinkedHashSet<>();
            boolean isolated = true;
            for (InputProblem p : parse) {
                if (p.message().startsWith(NULL_PACKAGE)) {
                    continue;
                }
                Block b = blockOf(file, p);
                if (b == null) {
                    isolated = false;
                } else {
                    broken.add(b);
                }
            }
            if (isolated && !broken.isEmpty()) {
                second.put(path, file.without(broken));
            } else {
                second.remove(path);
            }
        }
        if (!hidden) {
            problems.addAll(first);
        } else if (!second.isEmpty()) {
            problems.addAll(RuleBaseLoader.checkDrl(folder, second));
        }
        List<Finding> findings = new ArrayList<>();
        // Javac says "$q cannot be resolved" once for each use: the second is at the second use.
        Map<String, Integer> repeats = new HashMap<>();
        for (InputProblem p : problems) {
            if (p.message().startsWith(NULL_PACKAGE) && problems.stream()
                    .anyMatch(o -> o != p && o.file().equals(p.file()) && !o.message().startsWith(NULL_PACKAGE))) {
                continue;
            }
            int repeat = repeats.merge(p.file() + "|" + p.line() + "|" + p.message(), 1, Integer::sum) - 1;
            findings.add(refine(p, files.get(p.file()), repeat));
        }
        // A pattern on an unknown type leaves its binding undeclared; the consequence's
        // "cannot be resolved" that follows is the same mistake, not a second one.
        Set<String> unresolved = new HashSet<>();
        findings.stream().filter(f -> f.message().contains("unknown fact type"))
                .forEach(f -> unresolved.add(f.file() + "|" + f.message().replaceFirst(": unknown fact type.*", "")));
        findings.removeIf(f -> f.message().startsWith("in the consequence of rule") && f.message().contains(" cannot be resolved")
                && !f.message().contains("to a type")
                && unresolved.contains(f.file() + "|" + f.message().replaceFirst("^in the consequence of (rule \"[^\"]*\").*", "$1")));
        return findings;
    }

    private static boolean isParseError(InputProblem p) {
        return PARSE_ERROR.matcher(p.message()).matches() || p.message().startsWith(NULL_PACKAGE);
    }

    private static Block blockOf(DrlFile file, InputProblem p) {
        Matcher named = IN_RULE.matcher(p.message());
        if (named.find()) {
            for (Block b : file.blocks()) {
                if (b.name().equals(named.group(1))) {
                    return b;
                }
            }
        }
        return p.line() > 0 ? file.blockAtLine((int) p.line()) : null;
    }

    /** A Drools message as a finding, at the statement it is about where that can be found. */
    private static Finding refine(InputProblem p, DrlFile file, int repeat) {
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
                return new Finding(Severity.ERROR, p.file(), file.line(open), file.column(open),
                        "syntax error: this parenthesis is not closed (the parser then found " + what.replaceFirst(
                                "^mismatched input ('[^']*').*$", "$1") + " at line " + line + ")",
                        "close it with ')' at the end of the pattern");
            }
            return new Finding(Severity.ERROR, p.file(), line, column, "syntax error: " + what, fix);
        }
        if (text.startsWith(NULL_PACKAGE)) {
            return new Finding(Severity.ERROR, p.file(), line, column, "the file does not parse",
                    "check the package and import lines at the top of the file");
        }
        Matcher field = NO_SUCH_FIELD.matcher(text);
        Class<?> factType = field.find() ? FACT_CLASSES.get(field.group(1)) : null;
        if (factType != null && factType.isRecord()) {
            // Drools' "unable to resolve method using strict-mode: org.apsa.engine.Indicator.idd()".
            String name = field.group(2);
            List<String> fields = Arrays.stream(factType.getRecordComponents()).map(RecordComponent::getName).toList();
            if (file != null && line > 0) {
                int from = file.offsetOfLine(line);
                Matcher at = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(file.code());
                if (at.find(from) && file.line(at.start()) == line) {
                    column = file.column(at.start());
                }
            }
            return new Finding(Severity.ERROR, p.file(), line, column, "unknown field \"" + name + "\" of " + factType.getSimpleName()
                    + Suggestions.closest(name, fields).map(f -> " (did you mean \"" + f + "\"?)").orElse(""),
                    "use one of its fields: " + String.join(", ", fields));
        }
        if (file == null) {
            return new Finding(Severity.ERROR, p.file(), line, column, text, null);
        }
        Block block = line > 0 ? file.blockStartingAt(line) : null;
        if (block == null && line > 0) {
            block = file.blockAtLine(line);
        }
        if (text.startsWith(RuleBaseLoader.EXECUTABLE_MODEL_ERROR)) {
            return new Finding(Severity.ERROR, p.file(), line, column,
                    (block == null ? "" : "rule \"" + block.name() + "\": ") + text,
                    text.contains("The method ")
                            ? "in a condition, count or sum with a second accumulate function instead of calling a method on "
                                    + "an accumulate result, e.g. $cs : collectList( $i ), $n : count( $i ); $n >= 2"
                            : "write the construct another way; docs/rule-authoring.md lists the ones met so far");
        }
        if (text.startsWith(RuleBaseLoader.RULE_COMPILATION_ERROR) && block != null) {
            String what = text.substring(RuleBaseLoader.RULE_COMPILATION_ERROR.length()).strip();
            int at = locate(file, what, block.rhsFrom(), block.end(), repeat);
            if (at < 0) {
                at = block.thenAt() >= 0 ? block.thenAt() : block.start();
            }
            return new Finding(Severity.ERROR, p.file(), file.line(at), file.column(at),
                    "in the consequence of rule \"" + block.name() + "\": " + what, javaFix(what));
        }
        if (line > 0 && column == 0) {
            int from = file.offsetOfLine(line);
            int to = line < file.line(file.text().length()) ? file.offsetOfLine(line + 1) : file.text().length();
            int at = locate(file, text, from, to, 0);
            if (at >= 0) {
                column = file.column(at);
            }
        }
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.find()) {
            String rule = block == null ? "" : "rule \"" + block.name() + "\": ";
            return new Finding(Severity.ERROR, p.file(), line, column, rule + "unknown fact type \"" + type.group(1) + "\""
                    + hint(type.group(1), imported(file)),
                    "import the fact type (they live in org.apsa.engine, e.g. import org.apsa.engine.Judgment;) or correct its name");
        }
        return new Finding(Severity.ERROR, p.file(), line, column, text, null);
    }

    /** The offset of the last parenthesis left open before a 1-based line, within its rule; -1 if none. */
    private static int unclosed(DrlFile file, int line) {
        Block block = file.blockAtLine(line);
        if (block == null) {
            return -1;
        }
        int to = file.offsetOfLine(line);
        String code = file.code();
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = block.start(); i < to; i++) {
            if (code.charAt(i) == '(') {
                open.push(i);
            } else if (code.charAt(i) == ')' && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    /** Where in [from, to) the identifier or text a Java error names first appears, or -1. */
    private static int locate(DrlFile file, String message, int from, int to, int repeat) {
        List<String> candidates = new ArrayList<>();
        Matcher m;
        if ((m = Pattern.compile("^([\\w$]+) cannot be resolved").matcher(message)).find()) {
            candidates.add(m.group(1));
        }
        if ((m = Pattern.compile("The method (\\w+)\\(").matcher(message)).find()) {
            candidates.add(m.group(1) + "(");
            candidates.add(m.group(1));
        }
        if ((m = Pattern.compile("The constructor (\\w+)\\(").matcher(message)).find()) {
            candidates.add("new " + m.group(1));
            candidates.add(m.group(1));
        }
        if ((m = Pattern.compile("The field (?:\\w+\\.)?(\\w+)").matcher(message)).find()) {
            candidates.add(m.group(1));
        }
        if ((m = Pattern.compile("Syntax error on tokens?,? \"?([^\",]+)\"?").matcher(message)).find()) {
            candidates.add(m.group(1).strip());
        }
        m = QUOTED.matcher(message);
        while (m.find()) {
            candidates.add(m.group(1));
        }
        String code = file.code(from, to);
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

    private static final Pattern TYPE_MISMATCH = Pattern.compile("^Type mismatch: cannot convert from \\S+ to ([\\w.]+)$");

    /** The simple names a file imports, and the engine's fact types. */
    private static Set<String> imported(DrlFile file) {
        Set<String> names = new TreeSet<>(FACT_TYPES);
        Matcher m = IMPORT.matcher(file.code());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String javaFix(String what) {
        if (what.contains("cannot be resolved to a variable") || what.matches("\\$\\w+ cannot be resolved")) {
            return "bind it in the 'when' part ($x : Indicator( ... )) or correct its name";
        }
        if (what.contains("cannot be resolved to a type")) {
            return "import the class (fact types live in org.apsa.engine) or correct its name";
        }
        if (what.contains("is undefined for the type")) {
            return "call a method the type has: facts are records, e.g. $i.confidence(), $i.level(), $j.id()";
        }
        if (what.startsWith("Type mismatch:")) {
            return "make the value's type match the variable's: ids and levels are String, confidence and rank are "
                    + "numbers (double, int)";
        }
        return "correct the Java of the consequence (the 'then' part)";
    }

    // ---- lint ---------------------------------------------------------------------------

    /**
     * References that reach outside the rule base, anywhere in the file's code (conditions,
     * consequences, functions), read in {@code read} (the text with Java's unicode escapes
     * decoded) and placed in {@code file}, the text as written.
     */
    private static void outside(DrlFile file, List<Finding> findings) {
        String code = file.code();
        for (Reach reach : OUTSIDE) {
            Matcher m = reach.pattern().matcher(code);
            while (m.find()) {
                Block block = null;
                for (Block b : file.blocks()) {
                    if (m.start() >= b.start() && m.start() < b.end()) {
                        block = b;
                    }
                }
                String used = m.group().replaceAll("\\s+", "");
                String where = block == null ? "the file" : "rule \"" + block.name() + "\"";
                findings.add(new Finding(Severity.ERROR, file.path(), file.writtenLine(m.start()), file.writtenColumn(m.start()),
                        where + " reaches outside the rule base: " + used + " (" + reach.what() + ")",
                        "rules only match facts and insert conclusions; remove it (to see what a rule does, use "
                                + "'rules test' or 'explain')"));
            }
        }
    }

    /**
     * Consequences that change working memory other than by {@code insertLogical}: facts flow
     * one way (rules/README.md), so modifying or deleting a fact, a plain {@code insert} (a
     * conclusion that outlives its grounds) or halting the engine gives wrong or runaway results
     * that no compiler reports. Only the 'then' part of a rule is read; a call on an object
     * ({@code $x.update(...)}) is not the engine's.
     */
    private static void changesFacts(DrlFile file, List<Finding> findings) {
        String code = file.code();
        for (Reach reach : CHANGES) {
            Matcher m = reach.pattern().matcher(code);
            while (m.find()) {
                for (Block b : file.blocks()) {
                    if (b.thenAt() >= 0 && m.start() >= b.thenAt() && m.start() < b.end()) {
                        findings.add(new Finding(Severity.ERROR, file.path(), file.writtenLine(m.start()), file.writtenColumn(m.start()),
                                "rule \"" + b.name() + "\" " + reach.what() + ": " + m.group().replaceAll("[\\s(]+", ""),
                                m.group().contains("insert")
                                        ? "insert conclusions with insertLogical(...), so that they go when their grounds go"
                                        : "remove it: a rule only matches facts and inserts conclusions with insertLogical(...), "
                                                + "which truth maintenance withdraws when their grounds change"));
                    }
                }
            }
        }
    }

    private static final List<Reach> CHANGES = List.of(
            new Reach(Pattern.compile("(?<![\\w.$])(modify|update|delete|retract)\\s*\\("), "changes or removes a fact"),
            new Reach(Pattern.compile("(?<![\\w.$])insert\\s*\\("), "inserts a fact that outlives its grounds"),
            new Reach(Pattern.compile("\\b(drools|kcontext)\\s*\\.\\s*(halt|modify|update|delete|retract|insert|getKieRuntime"
                    + "|getWorkingMemory|getEntryPoint|getChannels|getKnowledgeRuntime)\\b"), "drives the engine itself"));

    /** The checks of one rule, its findings placed in its file. */
    private record Lint(String path, DrlModel.Rule rule, KnowledgeBase kb, List<Finding> findings) {

        private String name() {
            return "rule \"" + rule.name() + "\"";
        }

        private void add(Severity severity, int line, int column, String message, String fix) {
            findings.add(new Finding(severity, path, line, column, message, fix));
        }

        void metadata(Set<String> claims) {
            Optional<DrlModel.Annotation> source = rule.annotation("source");
            Optional<DrlModel.Annotation> title = rule.annotation("title");
            String sourceValue = source.map(DrlModel.Annotation::value).orElse(null);
            if (sourceValue == null || sourceValue.isBlank()) {
                add(Severity.WARNING, source.map(DrlModel.Annotation::line).orElse(rule.startLine()),
                        source.map(DrlModel.Annotation::column).orElse(rule.startColumn()), name() + " has no @source",
                        "add @source(\"N\") naming the article's paragraph(s) it encodes, 1 to " + paragraphCount(kb)
                                + ", e.g. @source(\"9\") or @source(\"5, 9\")");
            } else if (!paragraphs(kb, sourceValue)) {
                add(Severity.WARNING, source.get().line(), source.get().column(),
                        name() + ": @source(\"" + sourceValue + "\") is not a paragraph of the article",
                        "cite paragraphs by number, 1 to " + paragraphCount(kb) + ", comma-separated: @source(\"5, 9\")");
            }
            String titleValue = title.map(DrlModel.Annotation::value).orElse(null);
            if (titleValue == null || titleValue.isBlank()) {
                add(Severity.WARNING, title.map(DrlModel.Annotation::line).orElse(rule.startLine()),
                        title.map(DrlModel.Annotation::column).orElse(rule.startColumn()), name() + " has no @title",
                        "add @title(\"one human line\"): explanations show it beside the rule's conclusions");
            }
            Optional<DrlModel.Annotation> claim = rule.annotation("claim");
            if (claim.isPresent() && claim.get().value() != null && !claims.isEmpty()) {
                for (String id : claim.get().value().split(",")) {
                    String c = id.strip();
                    if (!c.isEmpty() && !claims.contains(c)) {
                        add(Severity.WARNING, claim.get().line(), claim.get().column(),
                                name() + ": @claim " + c + " is not in claims.csv" + hint(c, claims),
                                "cite a claim id of claims.csv, or add the claim there");
                    }
                }
            }
        }

        /** The indicator ids compared in the pattern of a constraint. */
        private List<String> idsOf(DrlModel.Constraint c) {
            return rule.compared("Indicator", "id").stream().filter(id -> id.pattern() == c.pattern())
                    .map(DrlModel.Constraint::value).toList();
        }

        void indicators() {
            String prefix = name() + ": ";
            for (DrlModel.Constraint id : rule.compared("Indicator", "id")) {
                unknownIndicator(prefix, id.value(), id.line(), id.column());
            }
            for (DrlModel.Constraint c : rule.constraints()) {
                if (!c.type().equals("Indicator")) {
                    continue;
                }
                if (c.field().equals("level") && c.string()) {
                    level(prefix, c.value(), c.line(), c.column(), idsOf(c));
                } else if (c.field().equals("rank") && !c.string() && c.value().matches("-?\\d+")) {
                    rank(prefix, c);
                } else if (c.field().equals("level") && !c.string() && (c.operator().equals("==") || c.operator().equals("!="))
                        && c.value().matches("-?\\d+(?:\\.\\d+)?")) {
                    Optional<IndicatorDef> def = idsOf(c).stream().map(kb.vocabulary()::find).flatMap(Optional::stream).findFirst();
                    add(Severity.ERROR, c.line(), c.column(), prefix + "level " + c.operator() + " " + c.value()
                                    + " compares the level with a number, but levels are words"
                                    + def.map(d -> " (" + d.scale().describe() + ")").orElse("") + ", so "
                                    + (c.operator().equals("!=") ? "it always holds" : "the pattern never matches"),
                            "match the level by name, e.g. level == \"" + def.map(d -> d.scale().levels().get(d.scale().levels().size() - 1))
                                    .orElse("high") + "\", or compare its position on the scale with rank");
                }
            }
            for (DrlModel.Creation r : rule.created("Recommendation")) {
                recommendation(prefix, r);
                Optional<DrlModel.Argument> indicator = r.string(4);
                if (indicator.isEmpty() || unknownIndicator(prefix, indicator.get().literal(), indicator.get().line(),
                        indicator.get().column())) {
                    continue;
                }
                for (DrlModel.Argument level : r.arguments().subList(Math.min(5, r.arguments().size()), r.arguments().size())) {
                    if (level.string()) {
                        level(prefix, level.literal(), level.line(), level.column(), List.of(indicator.get().literal()));
                    }
                }
            }
            for (String type : SCENARIO_FACTS) {
                List<int[]> at = new ArrayList<>();
                List<String> outlooks = new ArrayList<>();
                for (DrlModel.Constraint c : rule.compared(type, "scenario")) {
                    outlooks.add(c.value());
                    at.add(new int[]{c.line(), c.column()});
                }
                for (DrlModel.Creation made : rule.created(type)) {
                    made.string(type.equals("Support") && made.withContext() ? 1 : 0).ifPresent(a -> {
                        outlooks.add(a.literal());
                        at.add(new int[]{a.line(), a.column()});
                    });
                }
                for (int i = 0; i < outlooks.size(); i++) {
                    String outlook = outlooks.get(i);
                    if (kb.outlook(outlook).isEmpty()) {
                        add(Severity.ERROR, at.get(i)[0], at.get(i)[1], prefix + "unknown outlook \"" + outlook + "\""
                                        + hint(outlook, kb.outlookIds()),
                                "use an outlook id: " + String.join(", ", kb.outlookIds()));
                    }
                }
            }
        }

        private void rank(String prefix, DrlModel.Constraint use) {
            List<IndicatorDef> defs = idsOf(use).stream().map(kb.vocabulary()::find).flatMap(Optional::stream).toList();
            if (defs.isEmpty()) {
                return;
            }
            int rank = Integer.parseInt(use.value());
            // Every scale starts at rank 0: what no rank of the longest one satisfies, none of the others' does.
            IndicatorDef d = defs.stream().max(Comparator.comparingInt(x -> x.scale().levels().size())).orElseThrow();
            int max = d.scale().levels().size() - 1;
            String ranks = "ranks 0 to " + max + ": " + d.scale().describe();
            if (rank < 0 || rank > max) {
                add(Severity.ERROR, use.line(), use.column(), prefix + "rank " + rank + " is not on the scale of \""
                                + d.id() + "\" (" + ranks + ")",
                        "compare rank with 0 to " + max + ", or match the level by name");
            } else if (!satisfiable(use.operator(), rank, max)) {
                add(Severity.ERROR, use.line(), use.column(), prefix + "no level of \"" + d.id() + "\" has rank "
                                + use.operator() + " " + rank + " (" + ranks + "), so the pattern never matches",
                        "compare rank so that a level of the scale passes, or match the level by name");
            }
        }

        /** A recommendation's actor, one the article addresses, and its source, a paragraph as {@code @source} cites one. */
        private void recommendation(String prefix, DrlModel.Creation r) {
            String which = prefix + r.string(0).map(id -> "recommendation \"" + id.literal() + "\"").orElse("recommendation");
            r.string(1).filter(actor -> !kb.actorIds().contains(actor.literal())).ifPresent(actor ->
                    add(Severity.ERROR, actor.line(), actor.column(), which + ": unknown actor \"" + actor.literal() + "\""
                                    + hint(actor.literal(), kb.actorIds()),
                            "the actor is one of " + String.join(", ", kb.actorIds())));
            r.string(2).filter(source -> !paragraphs(kb, source.literal())).ifPresent(source ->
                    add(Severity.WARNING, source.line(), source.column(), which + ": source \"" + source.literal()
                                    + "\" is not a paragraph of the article",
                            "cite paragraphs by number, 1 to " + paragraphCount(kb) + ", comma-separated: \"9\" or \"9, 12\""));
        }

        /** @return true when the id is unknown (and reported) */
        private boolean unknownIndicator(String prefix, String id, int line, int column) {
            if (kb.vocabulary().find(id).isPresent()) {
                return false;
            }
            add(Severity.ERROR, line, column, prefix + "unknown indicator \"" + id + "\""
                            + kb.vocabulary().suggest(id).map(s -> " (did you mean \"" + s + "\"?)").orElse(""),
                    "use an indicator id of the vocabulary ('vocabulary' lists them); new indicators are added in "
                            + "the knowledge base, knowledge-base.json beside the rules");
            return true;
        }

        private void level(String prefix, String level, int line, int column, List<String> ids) {
            List<IndicatorDef> defs = ids.stream().map(kb.vocabulary()::find).flatMap(Optional::stream).toList();
            if (defs.isEmpty() || defs.stream().anyMatch(d -> d.scale().allows(level))) {
                return;
            }
            Scale scale = defs.get(0).scale();
            add(Severity.ERROR, line, column, prefix + "level \"" + level + "\" is not on the scale of \""
                            + defs.get(0).id() + "\"" + hint(level, scale.levels()) + "; allowed: " + scale.describe(),
                    "use a level of the indicator's scale");
        }
    }

    /** The fact types whose {@code scenario} is an outlook id. */
    private static final List<String> SCENARIO_FACTS = List.of("Leading", "ScenarioScore", "Support", "Evaluation");

    private static String paragraphCount(KnowledgeBase kb) {
        return kb.paragraphs() > 0 ? String.valueOf(kb.paragraphs()) : "N";
    }

    /**
     * What a knowledge base declares and no rule uses: an outlook no rule supports can lead only
     * by the evidence against the others; an indicator no rule reads changes nothing an analyst
     * states. Warnings at the id in knowledge-base.json.
     */
    private static void used(Path folder, DrlModel model, KnowledgeBase kb, List<Finding> findings) {
        String file = folder.resolve(KnowledgeBase.FILE).toString();
        for (org.apsa.fact.Outlook o : kb.outlooks()) {
            if (model.rulesSupporting(o.id()).isEmpty()) {
                long[] at = kb.placeOfOutlook(o.id());
                findings.add(new Finding(Severity.WARNING, file, (int) at[0], (int) at[1], "outlook \"" + o.id()
                        + "\" is supported by no rule: it can lead only by the evidence against the others",
                        "add a rule that inserts new Support(kcontext, \"" + o.id() + "\", weight, confidence), or remove the outlook"));
            }
        }
        for (IndicatorDef i : kb.vocabulary().indicators()) {
            if (model.rulesReading(i.id()).isEmpty()) {
                long[] at = kb.placeOfIndicator(i.id());
                findings.add(new Finding(Severity.WARNING, file, (int) at[0], (int) at[1], "indicator \"" + i.id()
                        + "\" is read by no rule: stating it changes nothing",
                        "add a rule that matches Indicator( id == \"" + i.id() + "\" ), or remove the indicator"));
            }
        }
    }

    private static boolean paragraphs(KnowledgeBase kb, String source) {
        if (!SOURCE.matcher(source.strip()).matches()) {
            return false;
        }
        for (String p : source.split(",")) {
            int n = Integer.parseInt(p.strip());
            if (n < 1 || n > (kb.paragraphs() > 0 ? kb.paragraphs() : Integer.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /** Whether some rank from 0 to {@code max} makes {@code rank operator value} true. */
    private static boolean satisfiable(String operator, int value, int max) {
        return switch (operator) {
            case ">" -> value < max;
            case ">=" -> value <= max;
            case "<" -> value > 0;
            case "<=" -> value >= 0;
            case "==" -> value >= 0 && value <= max;
            default -> max > 0 || value != 0;
        };
    }

    private static void judgments(Path folder, DrlModel model, List<Finding> findings) {
        Map<String, DrlModel.Rule> insertedBy = new LinkedHashMap<>();
        Map<String, DrlModel.Argument> insertedAt = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        boolean computed = false;
        for (DrlModel.Rule r : model.rules()) {
            computed |= r.drawsComputedJudgment();
            for (DrlModel.Creation made : r.created("Judgment")) {
                made.string(0).ifPresent(id -> {
                    insertedBy.putIfAbsent(id.literal(), r);
                    insertedAt.putIfAbsent(id.literal(), id);
                });
            }
            used.addAll(r.judgmentsRead());
        }
        for (DrlModel.Rule r : model.rules()) {
            String path = folder.resolve(r.file()).toString();
            for (DrlModel.Constraint use : r.compared("Judgment", "id")) {
                String id = use.value();
                if (computed || insertedBy.containsKey(id)) {
                    continue;
                }
                String rule = "rule \"" + r.name() + "\"";
                String hint = hint(id, insertedBy.keySet());
                String insert = "insert it in the rule that concludes it, insertLogical(new Judgment(\"" + id + "\", ...)), ";
                // A pattern that never matches stops the rule only where the rule needs it to match.
                findings.add(switch (use.place()) {
                    case REQUIRED -> new Finding(Severity.ERROR, path, use.line(), use.column(), rule + " matches judgment \"" + id
                                    + "\", which no rule inserts, so it never fires" + hint,
                            insert + "or match a judgment that is inserted");
                    case NEGATED -> new Finding(Severity.WARNING, path, use.line(), use.column(), rule + ": no rule inserts judgment \""
                                    + id + "\", so 'not Judgment( id == \"" + id + "\" )' is always true" + hint,
                            insert + "match a judgment that is inserted, or leave the condition out");
                    case OTHER -> new Finding(Severity.WARNING, path, use.line(), use.column(), rule + ": no rule inserts judgment \""
                                    + id + "\", so this pattern never matches" + hint,
                            insert + "match a judgment that is inserted, or leave the pattern out");
                });
            }
        }
        insertedBy.forEach((id, r) -> {
            if (!used.contains(id)) {
                DrlModel.Argument at = insertedAt.get(id);
                findings.add(new Finding(Severity.WARNING, folder.resolve(r.file()).toString(), at.line(), at.column(), "rule \""
                                + r.name() + "\" inserts judgment \"" + id + "\", which no rule matches",
                        "write the rule that reads it (support for an outlook), or leave it out"));
            }
        });
    }

    private static String hint(String value, java.util.Collection<String> allowed) {
        return Suggestions.closest(value, allowed).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    static Set<String> claims(Path folder) {
        return claims(folder, "claims.csv");
    }

    /**
     * The claim ids of the claims file beside the rules: the one knowledge-base.json names, or
     * claims.csv for a folder without one; empty when there is none, and then {@code @claim} is not checked.
     */
    static Set<String> claims(Path folder, String name) {
        Set<String> ids = new TreeSet<>();
        if (name == null) {
            return ids;
        }
        Path csv = folder.resolve(name);
        if (!Files.isRegularFile(csv)) {
            return ids;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ids;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                ids.add(line.substring(0, comma).strip());
            }
        }
        return ids;
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        return findings.stream().filter(f -> seen.add(f.format())).toList();
    }

    private static String read(Path file) {
        return RuleBaseLoader.readText(file);
    }
}
