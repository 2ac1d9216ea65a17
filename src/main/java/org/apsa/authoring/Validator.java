package org.apsa.authoring;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Scale;
import org.apsa.fact.Suggestions;
import org.apsa.rulebase.DrlFile;
import org.apsa.rulebase.DrlModel;
import org.apsa.rulebase.Finding;
import org.apsa.rulebase.Finding.Severity;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RuleBaseLoader;
import org.apsa.rulebase.RuleChecks;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a rules folder the way a rule author needs: the compile errors as every load gives
 * them (at the statement that causes them, every parse error's rule without hiding the rest;
 * {@link RuleBaseLoader#check}), then lint against the vocabulary, the article and the
 * knowledge model.
 *
 * <p>Errors: the rules do not compile, or do something other than they appear to (an
 * indicator id or level the vocabulary lacks never matches; a judgment nobody inserts never
 * holds; a consequence that reaches outside the rule base). Warnings: the rules run as
 * written but explain themselves badly (missing or wrong metadata, a judgment nobody reads).
 */
public final class Validator {

    private static final Logger LOG = LogManager.getLogger(Validator.class);

    private static final Pattern SOURCE = Pattern.compile("\\d+(\\s*,\\s*\\d+)*");
    /** Loading names this many ids the knowledge base declares and no rule uses, then counts the rest. */
    static final int UNUSED_NAMED = 3;

    private static final String REACH_FILE = "/apsa/rule-reach.txt";

    private record Reach(boolean anywhere, String what, Pattern pattern) {
    }

    /** What rule code may not reach, read from {@value #REACH_FILE}: in the whole file, or in consequences only. */
    private static final List<Reach> REACHES = reaches();

    /**
     * The errors of a folder whose rules did not load, as {@link #validate} gives them: the
     * load's own, and those of the lint (which needs no compile).
     */
    public List<Finding> errorsAfterFailedLoad(Path folder, RuleBaseException failure) {
        List<Finding> errors = new ArrayList<>(failure.findings());
        try {
            Map<Path, String> sources = RuleBaseLoader.sources(folder);
            lint(folder, sources, DrlModel.parse(folder, sources), KnowledgeBase.read(folder), false).stream()
                    .filter(Finding::isError).forEach(errors::add);
        } catch (RuntimeException again) {
            LOG.debug("linting {} after a failed load: {}", folder, again.toString());
        }
        return Finding.sorted(errors);
    }

    /**
     * @throws RuleBaseException when the folder is missing or holds no rules
     */
    public Validation validate(Path folder) {
        Map<Path, String> sources = RuleBaseLoader.sources(folder);
        DrlModel model = DrlModel.parse(folder, sources);
        List<Finding> findings = new ArrayList<>(RuleBaseLoader.check(folder, sources, model));
        findings.addAll(lint(folder, sources, model, KnowledgeBase.read(folder), false));
        int rules = sources.values().stream().mapToInt(text -> DrlFile.asCompiled(text).ruleCount()).sum();
        return new Validation(folder.toString(), sources.size(), rules, Finding.sorted(findings));
    }

    /**
     * The checks of {@link #validate} beyond compiling, as loading the rules runs them: a rule
     * base with an error is not used, its warnings are printed when it is loaded. What the
     * knowledge base declares and no rule uses is one warning when more than {@value #UNUSED_NAMED}
     * ids are unused, since a folder of a few rules beside a copy of knowledge-base.json leaves
     * most unused; {@code rules validate} places each.
     */
    public static RuleChecks checks() {
        return (folder, texts, model, knowledgeBase) -> {
            List<Finding> each = Finding.sorted(new Validator().lint(folder, texts, model, knowledgeBase, true));
            return new RuleChecks.Verdict(each.stream().filter(Finding::isError).map(Finding::format).toList(),
                    each.stream().filter(f -> !f.isError()).map(Finding::format).toList());
        };
    }

    /**
     * Lint against the vocabulary, the article and the knowledge model: everything but
     * compiling. The texts are read as Java compiles them, unicode escapes decoded: what they
     * spell is what runs.
     *
     * @param reading the folder's knowledge-base.json as read, empty when it has none
     * @param brief   whether the ids no rule uses are counted rather than each placed
     */
    private List<Finding> lint(Path folder, Map<Path, String> sources, DrlModel model, Optional<KnowledgeBase.Reading> reading,
                               boolean brief) {
        List<Finding> findings = new ArrayList<>();
        sources.forEach((path, text) -> reach(path.toString(), DrlFile.asCompiled(text), findings));
        reading.ifPresent(r -> r.problems().forEach(p -> findings.add(new Finding(Severity.ERROR,
                p.file(), (int) p.line(), (int) p.column(), p.message(),
                "docs/rule-authoring.md (\"Write a new knowledge base\") gives the file's keys"))));
        Optional<KnowledgeBase> own = reading.flatMap(KnowledgeBase.Reading::knowledgeBase);
        KnowledgeBase kb = own.orElse(KnowledgeBase.embedded());
        own.ifPresent(k -> used(folder, model, k, findings, brief));
        Set<String> claims = claims(folder, reading.isPresent() ? kb.claims().orElse(null) : "claims.csv");
        for (DrlModel.Rule rule : model.rules()) {
            Lint lint = new Lint(folder.resolve(rule.file()).toString(), rule, kb, findings);
            lint.metadata(claims);
            lint.indicators();
        }
        judgments(folder, model, findings);
        return findings;
    }

    // ---- lint ---------------------------------------------------------------------------

    /**
     * References that reach outside the rule base, anywhere in the file's code (conditions,
     * consequences, functions), and consequences that change working memory other than by
     * {@code insertLogical}: facts flow one way (rules/README.md), so modifying or deleting a
     * fact, a plain {@code insert} (a conclusion that outlives its grounds) or halting the engine
     * gives wrong or runaway results that no compiler reports. Of those, only the 'then' part
     * of a rule is read; a call on an object ({@code $x.update(...)}) is not the engine's.
     */
    private static void reach(String path, DrlFile file, List<Finding> findings) {
        for (Reach reach : REACHES) {
            for (DrlFile.Found f : file.find(reach.pattern())) {
                if (reach.anywhere()) {
                    findings.add(Finding.error(path, f.line(), f.column(), (f.rule() == null ? "the file" : "rule \"" + f.rule() + "\"")
                                    + " reaches outside the rule base: " + f.text() + " (" + reach.what() + ")",
                            "rules only match facts and insert conclusions; remove it (to see what a rule does, use "
                                    + "'rules test' or 'explain')"));
                } else if (f.inConsequence()) {
                    findings.add(Finding.error(path, f.line(), f.column(),
                            "rule \"" + f.rule() + "\" " + reach.what() + ": " + f.text().replace("(", ""),
                            f.text().contains("insert")
                                    ? "insert conclusions with insertLogical(...), so that they go when their grounds go"
                                    : "remove it: a rule only matches facts and inserts conclusions with insertLogical(...), "
                                            + "which truth maintenance withdraws when their grounds change"));
                }
            }
        }
    }

    private static List<Reach> reaches() {
        try (InputStream in = Validator.class.getResourceAsStream(REACH_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 3))
                    .map(f -> new Reach(f[0].equals("anywhere"), f[1], Pattern.compile(f[2])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REACH_FILE + " from the tool's jar", e);
        }
    }

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
            if (!missing("source", "add @source(\"N\") naming the article's paragraph(s) it encodes, 1 to " + paragraphCount(kb)
                    + ", e.g. @source(\"9\") or @source(\"5, 9\")") && !paragraphs(kb, source.get().value())) {
                add(Severity.WARNING, source.get().line(), source.get().column(),
                        name() + ": @source(\"" + source.get().value() + "\") is not a paragraph of the article",
                        "cite paragraphs by number, 1 to " + paragraphCount(kb) + ", comma-separated: @source(\"5, 9\")");
            }
            missing("title", "add @title(\"one human line\"): explanations show it beside the rule's conclusions");
            rule.annotation("claim").filter(claim -> claim.value() != null && !claims.isEmpty()).ifPresent(claim ->
                    Arrays.stream(claim.value().split(",")).map(String::strip).filter(c -> !c.isEmpty() && !claims.contains(c))
                            .forEach(c -> add(Severity.WARNING, claim.line(), claim.column(),
                                    name() + ": @claim " + c + " is not in claims.csv" + Suggestions.didYouMean(c, claims),
                                    "cite a claim id of claims.csv, or add the claim there")));
        }

        /** Whether the rule lacks the annotation or leaves it blank: then a warning, at the annotation or else at the rule. */
        private boolean missing(String annotation, String fix) {
            Optional<DrlModel.Annotation> a = rule.annotation(annotation);
            if (a.map(DrlModel.Annotation::value).filter(value -> !value.isBlank()).isPresent()) {
                return false;
            }
            add(Severity.WARNING, a.map(DrlModel.Annotation::line).orElse(rule.startLine()),
                    a.map(DrlModel.Annotation::column).orElse(rule.startColumn()), name() + " has no @" + annotation, fix);
            return true;
        }

        /** The vocabulary's definitions of those ids it knows. */
        private List<IndicatorDef> defsOf(List<String> ids) {
            return ids.stream().map(kb.vocabulary()::find).flatMap(Optional::stream).toList();
        }

        void indicators() {
            for (DrlModel.Constraint id : rule.compared("Indicator", "id")) {
                unknownIndicator(id.value(), id.line(), id.column());
            }
            for (DrlModel.Constraint c : rule.constraints()) {
                if (!c.type().equals("Indicator")) {
                    continue;
                }
                if (c.field().equals("level") && c.string()) {
                    level(c.value(), c.line(), c.column(), idsOf(rule, c));
                } else if (c.field().equals("rank") && !c.string() && c.value().matches("-?\\d+")) {
                    rank(c);
                } else if (c.field().equals("level") && !c.string() && (c.operator().equals("==") || c.operator().equals("!="))
                        && c.value().matches("-?\\d+(?:\\.\\d+)?")) {
                    Optional<IndicatorDef> def = defsOf(idsOf(rule, c)).stream().findFirst();
                    add(Severity.ERROR, c.line(), c.column(), name() + ": level " + c.operator() + " " + c.value()
                                    + " compares the level with a number, but levels are words"
                                    + def.map(d -> " (" + d.scale().describe() + ")").orElse("") + ", so "
                                    + (c.operator().equals("!=") ? "it always holds" : "the pattern never matches"),
                            "match the level by name, e.g. level == \"" + def.map(d -> d.scale().levels().get(d.scale().levels().size() - 1))
                                    .orElse("high") + "\", or compare its position on the scale with rank");
                }
            }
            for (DrlModel.Creation r : rule.created("Recommendation")) {
                recommendation(r);
                r.string(4).filter(indicator -> !unknownIndicator(indicator.literal(), indicator.line(), indicator.column()))
                        .ifPresent(indicator -> r.arguments().stream().skip(5).filter(DrlModel.Argument::string).forEach(level ->
                                level(level.literal(), level.line(), level.column(), List.of(indicator.literal()))));
            }
            for (String type : SCENARIO_FACTS) {
                for (DrlModel.Constraint c : rule.compared(type, "scenario")) {
                    outlook(c.value(), c.line(), c.column());
                }
                for (DrlModel.Creation made : rule.created(type)) {
                    made.string(type.equals("Support") && made.withContext() ? 1 : 0)
                            .ifPresent(a -> outlook(a.literal(), a.line(), a.column()));
                }
            }
        }

        private void outlook(String outlook, int line, int column) {
            if (kb.outlook(outlook).isEmpty()) {
                add(Severity.ERROR, line, column, name() + ": unknown outlook \"" + outlook + "\""
                                + Suggestions.didYouMean(outlook, kb.outlookIds()),
                        "use an outlook id: " + String.join(", ", kb.outlookIds()));
            }
        }

        private void rank(DrlModel.Constraint use) {
            List<IndicatorDef> defs = defsOf(idsOf(rule, use));
            if (defs.isEmpty()) {
                return;
            }
            int rank = Integer.parseInt(use.value());
            // Every scale starts at rank 0: what no rank of the longest one satisfies, none of the others' does.
            IndicatorDef d = defs.stream().max(Comparator.comparingInt(x -> x.scale().levels().size())).orElseThrow();
            int max = d.scale().levels().size() - 1;
            String ranks = "ranks 0 to " + max + ": " + d.scale().describe();
            if (rank < 0 || rank > max) {
                add(Severity.ERROR, use.line(), use.column(), name() + ": rank " + rank + " is not on the scale of \""
                                + d.id() + "\" (" + ranks + ")",
                        "compare rank with 0 to " + max + ", or match the level by name");
            } else if (!satisfiable(use.operator(), rank, max)) {
                add(Severity.ERROR, use.line(), use.column(), name() + ": no level of \"" + d.id() + "\" has rank "
                                + use.operator() + " " + rank + " (" + ranks + "), so the pattern never matches",
                        "compare rank so that a level of the scale passes, or match the level by name");
            }
        }

        /** A recommendation's actor, one the article addresses, and its source, a paragraph as {@code @source} cites one. */
        private void recommendation(DrlModel.Creation r) {
            String which = name() + ": " + r.string(0).map(id -> "recommendation \"" + id.literal() + "\"").orElse("recommendation");
            r.string(1).filter(actor -> !kb.actorIds().contains(actor.literal())).ifPresent(actor ->
                    add(Severity.ERROR, actor.line(), actor.column(), which + ": unknown actor \"" + actor.literal() + "\""
                                    + Suggestions.didYouMean(actor.literal(), kb.actorIds()),
                            "the actor is one of " + String.join(", ", kb.actorIds())));
            r.string(2).filter(source -> !paragraphs(kb, source.literal())).ifPresent(source ->
                    add(Severity.WARNING, source.line(), source.column(), which + ": source \"" + source.literal()
                                    + "\" is not a paragraph of the article",
                            "cite paragraphs by number, 1 to " + paragraphCount(kb) + ", comma-separated: \"9\" or \"9, 12\""));
        }

        /** @return true when the id is unknown (and reported) */
        private boolean unknownIndicator(String id, int line, int column) {
            if (kb.vocabulary().find(id).isPresent()) {
                return false;
            }
            add(Severity.ERROR, line, column, name() + ": unknown indicator \"" + id + "\""
                            + Suggestions.didYouMean(kb.vocabulary().suggest(id)),
                    "use an indicator id of the vocabulary ('vocabulary' lists them); new indicators are added in "
                            + "the knowledge base, knowledge-base.json beside the rules");
            return true;
        }

        private void level(String level, int line, int column, List<String> ids) {
            List<IndicatorDef> defs = defsOf(ids);
            if (defs.isEmpty() || defs.stream().anyMatch(d -> d.scale().allows(level))) {
                return;
            }
            Scale scale = defs.get(0).scale();
            add(Severity.ERROR, line, column, name() + ": level \"" + level + "\" is not on the scale of \""
                            + defs.get(0).id() + "\"" + Suggestions.didYouMean(level, scale.levels()) + "; allowed: " + scale.describe(),
                    "use a level of the indicator's scale");
        }
    }

    /** The indicator ids compared in the pattern of a constraint of {@code rule}. */
    static List<String> idsOf(DrlModel.Rule rule, DrlModel.Constraint c) {
        return rule.compared("Indicator", "id").stream().filter(id -> id.pattern() == c.pattern()).map(DrlModel.Constraint::value).toList();
    }

    /** The fact types whose {@code scenario} is an outlook id. */
    private static final List<String> SCENARIO_FACTS = List.of("Leading", "ScenarioScore", "Support", "Evaluation");

    private static String paragraphCount(KnowledgeBase kb) {
        return kb.paragraphs() > 0 ? String.valueOf(kb.paragraphs()) : "N";
    }

    /**
     * What a knowledge base declares and no rule uses: an outlook no rule supports can lead only
     * by the evidence against the others; an indicator no rule reads changes nothing an analyst
     * states. Warnings at the id in knowledge-base.json; with {@code brief}, more than
     * {@value #UNUSED_NAMED} of a kind are one warning at the first, naming the first few.
     */
    private static void used(Path folder, DrlModel model, KnowledgeBase kb, List<Finding> findings, boolean brief) {
        String file = folder.resolve(KnowledgeBase.FILE).toString();
        List<String> outlooks = kb.outlookIds().stream().filter(id -> model.rulesSupporting(id).isEmpty()).toList();
        List<Finding> each = outlooks.stream().map(o -> warning(file, kb.placeOfOutlook(o), "outlook \"" + o
                        + "\" is supported by no rule: it can lead only by the evidence against the others",
                "add a rule that inserts new Support(kcontext, \"" + o + "\", weight, confidence), or remove the outlook")).toList();
        findings.addAll(brief ? counted(each, outlooks, "outlooks are supported", "they can lead only by the evidence against the "
                + "others", "add rules that insert new Support(kcontext, \"<outlook>\", weight, confidence)") : each);
        List<String> indicators = kb.vocabulary().indicators().stream().map(IndicatorDef::id)
                .filter(id -> model.rulesReading(id).isEmpty()).toList();
        each = indicators.stream().map(i -> warning(file, kb.placeOfIndicator(i), "indicator \"" + i
                        + "\" is read by no rule: stating it changes nothing",
                "add a rule that matches Indicator( id == \"" + i + "\" ), or remove the indicator")).toList();
        findings.addAll(brief ? counted(each, indicators, "indicators are read", "stating them changes nothing",
                "add rules that match Indicator( id == \"<indicator>\" )") : each);
    }

    private static Finding warning(String file, long[] at, String message, String fix) {
        return new Finding(Severity.WARNING, file, (int) at[0], (int) at[1], message, fix);
    }

    /** More than {@value #UNUSED_NAMED} findings of one kind as one, at the first: {@code 25 indicators are read by no rule (a, b, c and 22 more)}. */
    private static List<Finding> counted(List<Finding> each, List<String> ids, String what, String consequence, String fix) {
        if (each.size() <= UNUSED_NAMED) {
            return each;
        }
        Finding first = each.get(0);
        return List.of(new Finding(Severity.WARNING, first.file(), first.line(), first.column(), ids.size() + " " + what
                + " by no rule (" + String.join(", ", ids.subList(0, UNUSED_NAMED)) + " and " + (ids.size() - UNUSED_NAMED)
                + " more): " + consequence, fix + ", or remove them; 'rules validate' places each"));
    }

    private static boolean paragraphs(KnowledgeBase kb, String source) {
        int last = kb.paragraphs() > 0 ? kb.paragraphs() : Integer.MAX_VALUE;
        return SOURCE.matcher(source.strip()).matches()
                && Arrays.stream(source.split(",")).mapToInt(p -> Integer.parseInt(p.strip())).allMatch(n -> n >= 1 && n <= last);
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
        // Each judgment id inserted, with the first rule that inserts it and where.
        Map<String, Map.Entry<DrlModel.Rule, DrlModel.Argument>> inserted = new LinkedHashMap<>();
        model.rules().forEach(r -> r.created("Judgment").forEach(made ->
                made.string(0).ifPresent(id -> inserted.putIfAbsent(id.literal(), Map.entry(r, id)))));
        Set<String> used = model.rules().stream().flatMap(r -> r.judgmentsRead().stream()).collect(Collectors.toSet());
        boolean computed = model.rules().stream().anyMatch(DrlModel.Rule::drawsComputedJudgment);
        for (DrlModel.Rule r : model.rules()) {
            String path = folder.resolve(r.file()).toString();
            for (DrlModel.Constraint use : r.compared("Judgment", "id")) {
                String id = use.value();
                if (computed || inserted.containsKey(id)) {
                    continue;
                }
                String rule = "rule \"" + r.name() + "\"";
                String hint = Suggestions.didYouMean(id, inserted.keySet());
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
        inserted.forEach((id, by) -> {
            if (!used.contains(id)) {
                findings.add(new Finding(Severity.WARNING, folder.resolve(by.getKey().file()).toString(), by.getValue().line(),
                        by.getValue().column(), "rule \"" + by.getKey().name() + "\" inserts judgment \"" + id + "\", which no rule matches",
                        "write the rule that reads it (support for an outlook), or leave it out"));
            }
        });
    }

    /**
     * The claim ids of the claims file beside the rules: the one knowledge-base.json names, or
     * claims.csv for a folder without one; empty when there is none, and then {@code @claim} is not checked.
     */
    private static Set<String> claims(Path folder, String name) {
        Path csv = name == null ? null : folder.resolve(name);
        try (Stream<String> lines = csv != null && Files.isRegularFile(csv) ? Files.lines(csv, StandardCharsets.UTF_8) : Stream.empty()) {
            // The first column, after the header line.
            return lines.skip(1).filter(line -> line.indexOf(',') > 0).map(line -> line.substring(0, line.indexOf(',')).strip())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException | UncheckedIOException e) {
            return new TreeSet<>();
        }
    }
}
