package org.apsa.rulebase;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of a folder as Drools' own parser reads them ({@link DrlParser}: package, imports,
 * rules with their annotations, patterns and consequences), with the consequences' Java read
 * by JavaParser: one reading of the DRL for the loader, the checks, coverage, the catalogue,
 * derivations and what the rules insert. It is made when the rules compile and kept in the
 * compiled-rule cache beside them, so a run from the cache does not parse the DRL.
 *
 * <p>Only what the texts say literally is here: a value computed in Java is not seen. Each
 * position is 1-based, in the text as written (Java's unicode escapes are decoded before
 * reading, as javac does, and positions mapped back).
 *
 * @param files the files read, in compile order, relative to the rules folder
 * @param rules every rule, in file order and within a file as written
 * @param functionCreations the objects the files' functions create ({@code new T(...)})
 */
public record DrlModel(List<File> files, List<Rule> rules, List<Creation> functionCreations) {

    public DrlModel {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        functionCreations = List.copyOf(functionCreations);
    }

    /**
     * One file: its package and whether the parser read it whole.
     *
     * @param header the comment lines that open the file, as one paragraph
     */
    public record File(String file, String packageName, List<String> imports, String header) {

        public File {
            imports = List.copyOf(imports);
        }
    }

    /** Where a pattern stands in the conditions, as far as whether it must match for the rule to fire. */
    public enum Place {
        /** The rule fires only when the pattern matches (alone, in {@code exists}, or under two {@code not}s). */
        REQUIRED,
        /** Under {@code not}: the rule fires only when it does not match. */
        NEGATED,
        /** In an {@code or}, {@code accumulate}, {@code forall}, {@code collect}, ...: its effect on firing is not told. */
        OTHER
    }

    /**
     * A constraint of a pattern comparing a field with a literal: {@code id == "x"}, each value
     * of {@code id in ("x", "y")}, {@code rank >= 2}.
     *
     * @param pattern  the pattern's index in the rule (constraints of one pattern share it)
     * @param type     the pattern's fact type, as written (simple name)
     * @param operator {@code ==}, {@code !=}, {@code >=}, ... ({@code not in} reads as {@code !=})
     * @param value    the literal: a string's value, unquoted, or a number as written
     * @param string   whether the literal is a string
     */
    public record Constraint(int pattern, String type, String field, String operator, String value, boolean string,
                             Place place, int line, int column) {
    }

    /** A pattern of the conditions: its fact type as written and whether it stands under {@code not}. */
    public record Pattern(String type, boolean negated) {
    }

    /**
     * An argument of an object made in a consequence.
     *
     * @param text    the argument's Java, as written
     * @param literal a string literal's value, or a number's text ({@code -0.5}); null for anything else
     * @param string  whether the literal is a string
     */
    public record Argument(String text, String literal, boolean string, int line, int column) {
    }

    /** {@code new T(args)} in a consequence or function: the type's simple name and the arguments. */
    public record Creation(String type, List<Argument> arguments) {

        public Creation {
            arguments = List.copyOf(arguments);
        }

        /** The literal string at an argument, or empty when it is anything else or missing. */
        public Optional<Argument> string(int index) {
            return index < arguments.size() && arguments.get(index).string() ? Optional.of(arguments.get(index)) : Optional.empty();
        }

        /** Whether the first argument is the rule's context ({@code kcontext} or {@code drools}). */
        public boolean withContext() {
            return !arguments.isEmpty() && (arguments.get(0).text().equals("kcontext") || arguments.get(0).text().equals("drools"));
        }
    }

    /**
     * Support a rule gives an outlook: {@code new Support(kcontext, "some-outlook", 1.5, ...)}.
     *
     * @param weight the weight as written ({@code 1.5}, {@code -0.5}); null when not a literal
     */
    public record Support(String outlook, String weight) {

        /** Whether the weight is negative: evidence against the outlook. */
        public boolean against() {
            return weight != null && weight.strip().startsWith("-");
        }
    }

    /** A constraint of a pattern as written, where it starts. */
    public record Condition(String text, int line, int column) {

        /** The line and column of an offset of the text. */
        public int[] at(int offset) {
            int line = this.line;
            int column = this.column;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new int[]{line, column};
        }
    }

    /** An annotation of a rule: {@code @source("9")}; value unquoted, null when it has none. */
    public record Annotation(String name, String value, int line, int column) {
    }

    /**
     * One rule.
     *
     * @param file        relative to the rules folder, {@code /}-separated
     * @param line        the line of its name
     * @param column      the column of its name (its opening quote when quoted)
     * @param startLine   the line of its {@code rule} keyword
     * @param startColumn the column of its {@code rule} keyword
     * @param conditions  the lines of its {@code when} part, stripped, comment lines left out
     * @param inserts     when its consequence does nothing but {@code insert}/{@code insertLogical}
     *                    new facts made of literals, variables and constants (so it cannot fail),
     *                    the fully qualified types it inserts; null for any other consequence
     * @param expressions every constraint of its patterns as written
     * @param accumulated the variables bound to an accumulate function's result
     * @param concludes   the fact types its consequence makes ({@code new T(...)}) or inserts
     *                    (a variable declared of type {@code T}), in order
     */
    public record Rule(String name, String packageName, String file, int line, int column, int startLine, int startColumn,
                       List<Annotation> annotations,
                       List<Pattern> patterns, List<Constraint> constraints, List<Creation> creations, List<String> conditions,
                       List<String> inserts,
                       List<Condition> expressions, List<String> accumulated, List<String> concludes) {

        public Rule {
            annotations = List.copyOf(annotations);
            patterns = List.copyOf(patterns);
            constraints = List.copyOf(constraints);
            creations = List.copyOf(creations);
            conditions = List.copyOf(conditions);
            inserts = inserts == null ? null : List.copyOf(inserts);
            expressions = List.copyOf(expressions);
            accumulated = List.copyOf(accumulated);
            concludes = List.copyOf(concludes);
        }

        /** The annotation of that name, if the rule has it. */
        public Optional<Annotation> annotation(String name) {
            return annotations.stream().filter(a -> a.name().equals(name)).findFirst();
        }


        /** The literal strings a field of a fact type is compared with, in order. */
        public List<Constraint> compared(String type, String field) {
            return constraints.stream().filter(c -> c.type().equals(type) && c.field().equals(field) && c.string()).toList();
        }

        /** The indicator ids its conditions read ({@code Indicator( id == "..." )}). */
        public Set<String> indicatorsRead() {
            return inOrder(compared("Indicator", "id").stream().map(Constraint::value));
        }

        /** The judgment ids its conditions match. */
        public Set<String> judgmentsRead() {
            return inOrder(compared("Judgment", "id").stream().map(Constraint::value));
        }

        /** The objects of a type its consequence makes. */
        public List<Creation> created(String type) {
            return creations.stream().filter(c -> c.type().equals(type)).toList();
        }

        /** The judgment ids its consequence draws, literal ones only. */
        public Set<String> judgmentsDrawn() {
            return inOrder(created("Judgment").stream().flatMap(c -> c.string(0).stream()).map(Argument::literal));
        }

        /** Whether its consequence makes a judgment whose id is not a literal. */
        public boolean drawsComputedJudgment() {
            return created("Judgment").stream().anyMatch(c -> c.string(0).isEmpty());
        }

        /** The support its consequence gives outlooks ({@code new Support(kcontext, "outlook", weight, ...)}). */
        public List<Support> supports() {
            List<Support> supports = new ArrayList<>();
            for (Creation c : created("Support")) {
                int at = c.withContext() ? 1 : 0;
                c.string(at).ifPresent(outlook -> {
                    Argument weight = at + 1 < c.arguments().size() ? c.arguments().get(at + 1) : null;
                    supports.add(new Support(outlook.literal(), weight == null || weight.string() ? null : weight.literal()));
                });
            }
            return supports;
        }

        /** The outlooks it supports (a positive weight). */
        public Set<String> outlooksSupported() {
            return inOrder(supports().stream().filter(s -> !s.against()).map(Support::outlook));
        }


        private static Set<String> inOrder(Stream<String> ids) {
            return ids.collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** The rules whose conditions read an indicator. */
    public List<Rule> rulesReading(String indicatorId) {
        return rules.stream().filter(r -> r.indicatorsRead().contains(indicatorId)).toList();
    }

    /** The rules that support an outlook (a positive weight). */
    public List<Rule> rulesSupporting(String outlook) {
        return rules.stream().filter(r -> r.outlooksSupported().contains(outlook)).toList();
    }

    /**
     * The judgment ids the rules and functions draw; empty when one is computed
     * ({@code new Judgment($i.id() + ".high", ...)}), so that no list can be complete.
     */
    public Optional<Set<String>> judgmentIds() {
        List<Optional<Argument>> ids = Stream.concat(functionCreations.stream(), rules.stream().flatMap(r -> r.creations().stream()))
                .filter(c -> c.type().equals("Judgment")).map(c -> c.string(0)).toList();
        if (ids.contains(Optional.<Argument>empty())) {
            return Optional.empty();
        }
        Set<String> sorted = ids.stream().map(id -> id.get().literal()).collect(Collectors.toCollection(TreeSet::new));
        return Optional.of(Collections.unmodifiableSet(sorted));
    }

    // ---- reading ------------------------------------------------------------------------

    /**
     * Reads DRL texts.
     *
     * @param folder the rules folder, to name files relative to it
     * @param texts  file to text, in compile order
     */
    public static DrlModel parse(Path folder, Map<Path, String> texts) {
        List<File> files = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Creation> functions = new ArrayList<>();
        texts.forEach((path, written) -> {
            new FileReading(RuleBaseLoader.relative(folder, path), written).read(files, rules, functions);
        });
        return new DrlModel(files, rules, functions);
    }

    /**
     * What the author wrote about each rule, in the order of {@link #rules()}: all a run from the
     * cache reads of the model until more is asked for.
     */
    public List<RuleInfo> ruleInfos() {
        return rules.stream().map(r -> new RuleInfo(r.name(), r.file(), r.line(), value(r, "title"), value(r, "source"),
                value(r, "claim") == null ? List.of() : Arrays.stream(value(r, "claim").split(",")).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList())).toList();
    }

    private static String value(Rule rule, String annotation) {
        return rule.annotation(annotation).map(Annotation::value).orElse(null);
    }

    /** How the cache keeps what the parser and the checks found. */
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The cached form: the rules' descriptions first, so that they read alone. */
    @JsonPropertyOrder({"places", "model"})
    private record Cached(List<RuleInfo> places, DrlModel model) {
    }

    /** As kept in the compiled-rule cache. */
    byte[] bytes() {
        return toJson(new Cached(ruleInfos(), this));
    }

    /** The model {@link #bytes()} wrote; throws IllegalArgumentException for anything else. */
    static DrlModel of(byte[] bytes) {
        DrlModel model = fromJson(bytes, Cached.class, "a DRL model").model();
        if (model == null) {
            throw new IllegalArgumentException("not a DRL model: no model");
        }
        return model;
    }

    /** A value as the cache keeps it, in JSON. */
    static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " does not write as JSON", e);
        }
    }

    /** The value {@link #toJson} wrote; throws IllegalArgumentException, saying it is not {@code what}, for anything else. */
    static <T> T fromJson(byte[] bytes, Class<T> type, String what) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getMessage(), e);
        }
    }

    /** The descriptions {@link #bytes()} wrote, the rest left unread; throws IllegalArgumentException for anything else. */
    static List<RuleInfo> ruleInfos(byte[] bytes) {
        try (JsonParser json = JSON.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT || json.nextToken() != JsonToken.FIELD_NAME
                    || !"places".equals(json.currentName()) || json.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not a DRL model: no places first");
            }
            return List.of(json.readValueAs(RuleInfo[].class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DRL model: " + e.getMessage(), e);
        }
    }

    /** One file being read: the text as javac reads it, and where each of its offsets was written. */
    private static final class FileReading {

        private final String file;
        private final String text;
        /** The text as javac reads it, and where each of its characters was written. */
        private final JavaEscapes.Decoded decoded;
        private final Map<String, String> imports = new HashMap<>();
        private final String header;
        private List<Condition> expressions;
        private List<String> accumulated;

        FileReading(String file, String written) {
            this.file = file;
            this.decoded = JavaEscapes.decode(written);
            this.text = decoded.text();
            this.header = header(written);
        }

        /** The comment lines that open a file, as one paragraph. */
        private static String header(String text) {
            return Arrays.stream(text.split("\n")).map(String::strip).takeWhile(line -> line.startsWith("//"))
                    .map(line -> line.substring(2).strip()).filter(words -> !words.isEmpty()).collect(Collectors.joining(" "));
        }

        void read(List<File> files, List<Rule> rules, List<Creation> functions) {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg;
            try {
                // As an editor reads: what follows a syntax error is read all the same.
                pkg = parser.parse(true, text);
            } catch (DroolsParserException | RuntimeException e) {
                pkg = null;
            }
            if (pkg == null) {
                files.add(new File(file, "", List.of(), header));
                return;
            }
            String packageName = pkg.getName() == null ? "" : pkg.getName();
            List<String> importNames = new ArrayList<>();
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget();
                importNames.add(target);
                if (!target.endsWith(".*")) {
                    imports.putIfAbsent(target.substring(target.lastIndexOf('.') + 1), target);
                }
            }
            files.add(new File(file, packageName, importNames, header));
            for (FunctionDescr f : pkg.getFunctions()) {
                String body = f.getBody() == null ? "" : f.getBody();
                int at = f.getStartCharacter() >= 0 ? text.indexOf(body, f.getStartCharacter()) : text.indexOf(body);
                Java java = Java.read(body);
                if (java != null) {
                    functions.addAll(creations(java, Math.max(0, at)));
                }
            }
            for (RuleDescr r : pkg.getRules()) {
                if (!r.isQuery()) {
                    rules.add(rule(r, packageName));
                }
            }
        }

        private Rule rule(RuleDescr r, String packageName) {
            int start = Math.max(0, r.getStartCharacter());
            int nameAt = start + (text.startsWith("rule", start) ? 4 : 0);
            while (nameAt < text.length() && Character.isWhitespace(text.charAt(nameAt))) {
                nameAt++;
            }
            AndDescr lhs = r.getLhs();
            int lhsFrom = lhs != null && lhs.getStartCharacter() >= 0 ? lhs.getStartCharacter() : -1;
            int lhsTo = lhs != null && lhs.getEndCharacter() >= 0 ? Math.min(text.length(), lhs.getEndCharacter() + 1) : -1;
            int headerEnd = lhsFrom >= 0 ? lhsFrom : r.getEndCharacter() > 0 ? r.getEndCharacter() : text.length();
            List<Annotation> annotations = new ArrayList<>();
            for (AnnotationDescr a : r.getAnnotations()) {
                int at = text.indexOf("@" + a.getName(), nameAt);
                at = at >= 0 && at < headerEnd ? at : nameAt;
                annotations.add(new Annotation(a.getName(), unquoted(a.getSingleValueAsString()), decoded.line(at), decoded.column(at)));
            }
            List<Pattern> patterns = new ArrayList<>();
            List<Constraint> constraints = new ArrayList<>();
            expressions = new ArrayList<>();
            accumulated = new ArrayList<>();
            if (lhs != null) {
                conditions(lhs, 0, false, patterns, constraints);
            }
            List<String> conditions = lhsFrom >= 0 && lhsTo > lhsFrom
                    ? text.substring(lhsFrom, lhsTo).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*")).toList()
                    : List.of();
            String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
            int rhsAt = consequence.isBlank() ? -1 : text.indexOf(consequence, Math.max(start, lhsTo));
            Java java = consequence.isBlank() ? Java.EMPTY : Java.read(consequence);
            List<Creation> creations = java == null ? List.of() : creations(java, Math.max(0, rhsAt));
            List<String> inserts = java == null || !r.getNamedConsequences().isEmpty() ? null : inserts(java);
            return new Rule(r.getName(), packageName, file, decoded.line(nameAt), decoded.column(nameAt), decoded.line(start),
                    decoded.column(start), annotations, patterns, constraints, creations, conditions, inserts,
                    expressions, accumulated, java == null ? List.of() : concludes(java, creations));
        }

        /** Walks the conditions; {@code nots} counts the {@code not}s around, {@code other} says whether anything else encloses. */
        private void conditions(BaseDescr d, int nots, boolean other, List<Pattern> patterns, List<Constraint> constraints) {
            if (d instanceof PatternDescr p) {
                BaseDescr source = p.getSource();
                if (source instanceof AccumulateDescr a) {
                    a.getFunctions().forEach(f -> {
                        if (f.getBind() != null) {
                            accumulated.add(f.getBind());
                        }
                    });
                    if (a.getInput() != null) {
                        conditions(a.getInput(), nots, true, patterns, constraints);
                    }
                } else if (source instanceof CollectDescr c && c.getInputPattern() != null) {
                    conditions(c.getInputPattern(), nots, true, patterns, constraints);
                }
                Place place = other ? Place.OTHER : nots % 2 == 1 ? Place.NEGATED : Place.REQUIRED;
                String type = p.getObjectType();
                int index = patterns.size();
                patterns.add(new Pattern(type, nots % 2 == 1));
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        constraint(e, index, type, place, constraints);
                    }
                }
                return;
            }
            if (d instanceof ConditionalElementDescr ce) {
                boolean or = d instanceof org.drools.drl.ast.descr.OrDescr && ce.getDescrs().size() > 1;
                boolean inner = other || or || !(d instanceof AndDescr || d instanceof NotDescr || d instanceof ExistsDescr
                        || d instanceof org.drools.drl.ast.descr.OrDescr);
                int n = nots + (d instanceof NotDescr ? 1 : 0);
                for (Object child : ce.getDescrs()) {
                    conditions((BaseDescr) child, n, inner, patterns, constraints);
                }
            }
        }

        /** Each comparison of a field with a literal in a constraint, placed at the literal. */
        private void constraint(ExprConstraintDescr e, int pattern, String type, Place place, List<Constraint> found) {
            String expression = e.getExpression();
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr parsed;
            try {
                parsed = parser.parse(expression);
            } catch (RuntimeException ex) {
                return;
            }
            if (parsed == null || parser.hasErrors()) {
                return;
            }
            int from = e.getStartCharacter() >= 0 && text.startsWith(expression, e.getStartCharacter()) ? e.getStartCharacter()
                    : text.indexOf(expression);
            if (from >= 0) {
                expressions.add(new Condition(expression, decoded.line(from), decoded.column(from)));
            }
            int[] cursor = {from};
            relations(parsed, rel -> {
                if (rel.getLeft() instanceof AtomicExprDescr left && !left.isLiteral()
                        && rel.getRight() instanceof AtomicExprDescr right && right.isLiteral()) {
                    String literal = right.getExpression();
                    boolean string = literal.length() >= 2 && (literal.charAt(0) == '"' || literal.charAt(0) == '\'');
                    int at = -1;
                    if (from >= 0) {
                        at = locate(literal, cursor[0], from + expression.length());
                        if (at >= 0) {
                            cursor[0] = at + literal.length();
                        }
                    }
                    int placed = at >= 0 ? at : Math.max(0, from);
                    found.add(new Constraint(pattern, type, left.getExpression().strip(), rel.getOperator(),
                            string ? unescaped(literal.substring(1, literal.length() - 1)) : literal, string, place,
                            decoded.line(placed), decoded.column(placed)));
                }
                return true;
            });
        }

        /** Where a literal's text is next written in [from, to): a number not inside a longer word. */
        private int locate(String literal, int from, int to) {
            int at = from;
            while ((at = text.indexOf(literal, at)) >= 0 && at < to) {
                boolean word = Character.isLetterOrDigit(literal.charAt(0));
                if (!word || (!isWordChar(at - 1) && !isWordChar(at + literal.length()))) {
                    return at;
                }
                at++;
            }
            return -1;
        }

        private boolean isWordChar(int i) {
            return i >= 0 && i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                    || text.charAt(i) == '.' || text.charAt(i) == '$');
        }

        private static void relations(BaseDescr d, Predicate<RelationalExprDescr> each) {
            if (d instanceof RelationalExprDescr r) {
                each.test(r);
            } else if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(child -> relations(child, each));
            }
        }

        /** The objects a block of Java makes, each argument placed. */
        private List<Creation> creations(Java java, int at) {
            List<Creation> creations = new ArrayList<>();
            for (ObjectCreationExpr made : java.block().findAll(ObjectCreationExpr.class)) {
                List<Argument> arguments = new ArrayList<>();
                for (Expression argument : made.getArguments()) {
                    int offset = at + java.offset(argument);
                    arguments.add(new Argument(argument.toString(), literal(argument), argument.isStringLiteralExpr(),
                            decoded.line(offset), decoded.column(offset)));
                }
                creations.add(new Creation(made.getType().getNameAsString(), arguments));
            }
            return creations;
        }

        /** The types made with {@code new}, then those of variables inserted ({@code insertLogical(score)}). */
        private static List<String> concludes(Java java, List<Creation> creations) {
            Set<String> types = new LinkedHashSet<>();
            creations.forEach(c -> types.add(c.type()));
            for (MethodCallExpr call : java.block().findAll(MethodCallExpr.class)) {
                if ((call.getNameAsString().equals("insert") || call.getNameAsString().equals("insertLogical"))
                        && call.getArguments().size() == 1 && call.getArgument(0).isNameExpr()) {
                    String variable = call.getArgument(0).asNameExpr().getNameAsString();
                    java.block().findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
                            .filter(v -> v.getNameAsString().equals(variable)).findFirst()
                            .ifPresent(v -> types.add(v.getType().asString()));
                }
            }
            return List.copyOf(types);
        }

        /** A string's value or a number as written; null for anything else. */
        private static String literal(Expression e) {
            if (e.isStringLiteralExpr()) {
                return e.asStringLiteralExpr().asString();
            }
            if (e.isIntegerLiteralExpr() || e.isDoubleLiteralExpr() || e.isLongLiteralExpr()) {
                return e.toString();
            }
            if (e instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)
                    && (u.getExpression().isIntegerLiteralExpr() || u.getExpression().isDoubleLiteralExpr())) {
                return (u.getOperator() == UnaryExpr.Operator.MINUS ? "-" : "+") + u.getExpression();
            }
            return null;
        }

        /**
         * The types a consequence inserts when it does nothing but {@code insert(new T(...));}
         * and {@code insertLogical(new T(...));} with literals, variables or constants as
         * arguments, {@code T} imported by name or written in full; null otherwise.
         */
        private List<String> inserts(Java java) {
            Set<String> types = new LinkedHashSet<>();
            for (Statement statement : java.block().getStatements()) {
                if (!(statement instanceof ExpressionStmt s) || !(s.getExpression() instanceof MethodCallExpr call)
                        || call.getScope().isPresent() || !(call.getNameAsString().equals("insert")
                        || call.getNameAsString().equals("insertLogical")) || call.getArguments().size() != 1
                        || !(call.getArgument(0) instanceof ObjectCreationExpr made) || made.getAnonymousClassBody().isPresent()
                        || made.getScope().isPresent()) {
                    return null;
                }
                if (!made.getArguments().stream().allMatch(FileReading::inert)) {
                    return null;
                }
                String written = made.getType().getNameWithScope();
                String type = written.contains(".") ? written : imports.get(written);
                if (type == null) {
                    return null;
                }
                types.add(type);
            }
            return List.copyOf(types);
        }

        /** A literal, a variable or a constant ({@code Type.NAME}): nothing that runs code. */
        private static boolean inert(Expression e) {
            if (e.isLiteralExpr() || e.isNameExpr() || literal(e) != null) {
                return true;
            }
            return e.isFieldAccessExpr() && inert(e.asFieldAccessExpr().getScope()) && !e.asFieldAccessExpr().getScope().isLiteralExpr();
        }
    }

    /** A block of Java read by JavaParser, and where each of its nodes is in the text it was read from. */
    private record Java(BlockStmt block, int[] lineStarts) {

        static final Java EMPTY = new Java(new BlockStmt(), new int[]{0});

        /** The statements of a consequence or function body; null when they are not Java JavaParser reads. */
        static Java read(String statements) {
            String block = "{" + statements + "\n}";
            ParseResult<BlockStmt> result = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                    .parseBlock(block);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                return null;
            }
            return new Java(result.getResult().get(), JavaEscapes.lineStarts(block));
        }

        /** The offset of a node in the statements read (the brace added before them taken off). */
        int offset(Node node) {
            return node.getBegin().map(p -> lineStarts[Math.min(p.line, lineStarts.length) - 1] + p.column - 1 - 1).orElse(0);
        }
    }

    private static String unquoted(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return unescaped(v.substring(1, v.length() - 1));
        }
        return v;
    }

    private static String unescaped(String s) {
        return s.indexOf('\\') < 0 ? s : s.replaceAll("\\\\(.)", "$1");
    }
}
