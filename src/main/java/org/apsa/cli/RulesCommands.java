package org.apsa.cli;

import org.apsa.authoring.Catalogue;
import org.apsa.authoring.Coverage;
import org.apsa.authoring.RuleTestReport;
import org.apsa.authoring.Validation;
import org.apsa.authoring.Validator;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.InputProblem;
import org.apsa.fact.Suggestions;
import org.apsa.io.AtomicFiles;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RefusedRulesException;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RuleInfo;
import org.apsa.ruletest.RuleTest;
import org.apsa.ruletest.RuleTestReader;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apsa.fact.PlainText.count;

/**
 * {@code rules ...}: the rule base in use, and the rule author's checks. The authoring
 * commands compile the folder as it is on disk now, so they test what the author just saved.
 */
@Command(command = "rules", group = "Rules")
public class RulesCommands extends Commands {

    /** The JUnit XML file 'rules test --format junit --out DIR' writes, named as CI servers look for them. */
    static final String JUNIT_FILE = "TEST-rule-tests.xml";

    RulesCommands(RuleBases ruleBases, Output out) {
        super(ruleBases, null, out);
    }

    @Command(command = "list", description = "List the rules: file and line, name, paragraph, title. Example: rules list")
    void list(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules) {
        RuleBase base = ruleBases.assessor(rules).rules();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d rules from %s%n", base.rules().size(), RuleBases.describe(base.folder())));
        for (RuleInfo r : base.rules()) {
            text.append(String.format(Locale.ROOT, "  %-28s %-46s ¶%-10s %s%n", r.file() + ":" + r.line(), r.name(),
                    r.source() == null ? "?" : r.source(), r.title() == null ? "" : r.title()));
        }
        out.print(text.toString());
    }

    /** Swaps the rules a session uses: one-shot there is no session, and 'rules validate' checks that they compile. */
    @ShellOnly
    @Command(command = "reload", description = "Compile the rules again and use them if they compile; otherwise show the "
            + "errors and keep the rules in use. Example: rules reload")
    void reload(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules) {
        long started = System.nanoTime();
        RuleBase base;
        try {
            base = ruleBases.reload(rules);
        } catch (RefusedRulesException e) {
            throw new RuleBaseException(String.join("\n", e.errors()) + "\nThe rules have errors, so they are not used; "
                    + (ruleBases.hasRulesInUse() ? "the rules in use stay" : "no rules are in use until they are fixed")
                    + ". 'rules validate' shows warnings too.");
        } catch (RuleBaseException e) {
            // Placed as 'rules validate' places them, at the statement rather than the rule's first line.
            throw RuleBases.placed(ruleBases.folder(rules), e, "The rules do not compile; " + (ruleBases.hasRulesInUse()
                    ? "the rules in use stay" : "no rules are in use until they do") + ". 'rules validate' shows warnings too.");
        }
        out.print(base.warnings().stream().map(w -> w + "\n").collect(Collectors.joining()) + String.format(Locale.ROOT, "Reloaded %d rules from %s in %d ms.", base.rules().size(), RuleBases.describe(base.folder()),
                (System.nanoTime() - started) / 1_000_000));
    }

    @Command(command = "validate", description = "Compile the rules and lint them: errors and warnings as path:line:col "
            + "with a fix. Exit 3 on errors (or on warnings with --strict). Example: rules validate --strict")
    void validate(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules,
                  @Option(longNames = "strict", description = "fail on warnings too") boolean strict) {
        Validation validation = new Validator().validate(ruleBases.folder(rules));
        out.print(validation.report());
        if (!validation.passes(strict)) {
            throw new RuleBaseException(validation.errors() > 0
                    ? "the rules have errors (" + validation.summary() + ")"
                    : "the rules have warnings and --strict fails on them (" + validation.summary() + ")");
        }
    }

    @Command(command = "test", description = "Run the rule tests (tests/*.json beside the rules), or those named, one line "
            + "each; a failure shows expected and actual and the trace in question. Exit 1 on a failure. "
            + "Example: rules test high-distrust-erodes-trust")
    void test(@Option(longNames = "name", arity = OptionArity.ZERO_OR_MORE,
                      description = "the tests to run, named as their files (default: all)")
              @OptionValues(provider = "ruleTestNames") String[] names,
              @Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules,
              @Option(longNames = "format", defaultValue = "text", description = "text, or junit: JUnit XML for CI") String format,
              @Option(longNames = "out", description = "with --format junit, the folder to write TEST-rule-tests.xml into "
                      + "(created when missing); the text report goes to standard output") String outFolder) {
        boolean junit = switch (format == null ? "" : format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "junit" -> true;
            default -> throw new UsageException("unknown format \"" + format + "\" for rules test"
                    + Suggestions.didYouMean(format.trim().toLowerCase(Locale.ROOT), List.of("text", "junit")) + "; use text or junit");
        };
        if (outFolder != null && !junit) {
            throw new UsageException("--out is where the JUnit XML goes: add --format junit (rules test --format junit --out "
                    + outFolder + ")");
        }
        Path folder = ruleBases.folder(rules);
        Path tests = folder.resolve("tests");
        List<String> wanted = names == null ? List.of() : Arrays.stream(names).map(RuleTest::nameOf).distinct().toList();
        if (!wanted.isEmpty()) {
            checkNames(wanted, tests);
        }
        Assessor assessor = new Assessor(RuleBases.loadPlaced(folder));
        RuleTestReport report = wanted.isEmpty() ? RuleTestReport.run(assessor, tests) : RuleTestReport.run(assessor, tests, wanted);
        out.print(junit && outFolder == null ? report.junitXml(LocalDateTime.now()) : report.render());
        if (junit && outFolder != null) {
            Path target = UserPaths.of(outFolder).resolve(JUNIT_FILE);
            try {
                AtomicFiles.write(target, report.junitXml(LocalDateTime.now()), true);
            } catch (IOException e) {
                throw new UsageException("cannot write " + target + ": " + AtomicFiles.reason(e));
            }
            out.print("JUnit XML: " + target);
        }
        if (report.defects() > 0) {
            throw new RuleBaseException("the rules misbehaved on " + count(report.defects(), "rule test")
                    + " (" + report.summary() + ")");
        }
        if (report.failed() > 0) {
            throw new InvalidFactSetException(List.of(new InputProblem(folder.resolve("tests").toString(), 0, 0,
                    report.failed() + " of " + report.outcomes().size() + " rule tests failed")));
        }
    }

    /** A name that is no test's is a usage error, with the closest name, before the rules compile. */
    private static void checkNames(List<String> wanted, Path tests) {
        Set<String> known = RuleTestReader.names(tests);
        for (String name : wanted) {
            if (!known.contains(name)) {
                String hint = Suggestions.didYouMean(name, known);
                if (hint.isEmpty() && Files.isDirectory(UserPaths.of(name))) {
                    hint = "; a rules folder is given with --rules " + name;
                }
                throw new UsageException("no rule test named \"" + name + "\" in " + tests + hint
                        + "; 'rules test' with no name runs them all");
            }
        }
    }

    @Command(command = "coverage", description = "Show what the rule tests exercise: which rules they (and with --facts the "
            + "fact sets in facts/) make fire and how often, which never fire, which indicators and levels no test states. "
            + "Example: rules coverage")
    void coverage(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules,
                  @Option(longNames = "facts", description = "also assess the fact sets in facts/") boolean facts) {
        Path folder = ruleBases.folder(rules);
        Assessor assessor = new Assessor(RuleBases.loadPlaced(folder));
        List<RuleTest> tests = new RuleTestReader(assessor.rules().knowledgeBase()).readAll(folder.resolve("tests"));
        List<FactSet> sets = new ArrayList<>(tests.stream().map(RuleTest::facts).toList());
        String over = tests.size() + " rule tests";
        if (facts) {
            List<FactSet> shipped = factSets(Path.of("facts"), assessor.rules().knowledgeBase());
            sets.addAll(shipped);
            over += " and " + shipped.size() + " fact sets in facts/";
        }
        out.print(Coverage.of(assessor, sets, over).render());
    }

    @Command(command = "doc", description = "Write the Markdown catalogue of the rules (per file: rule, title, paragraph, "
            + "claims, conclusions, indicators read). Example: rules doc --out rules/CATALOGUE.md")
    void doc(@Option(longNames = "rules", description = RuleBases.IN_USE_OPTION) String rules,
             @Option(longNames = "out", description = "the file to write (default: standard output)") String outFile) {
        String markdown = Catalogue.markdown(RuleBases.loadPlaced(ruleBases.folder(rules)));
        if (outFile == null || outFile.isBlank()) {
            out.print(markdown);
            return;
        }
        Path target = UserPaths.of(outFile);
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + outFile + " is a folder; give a file, e.g. --out rules/CATALOGUE.md");
        }
        try {
            List<Path> created = AtomicFiles.write(target, markdown, true);
            out.print("Wrote the catalogue of " + markdown.lines().filter(l -> l.startsWith("| ") && l.contains("(line ")).count()
                    + " rules to " + outFile + AtomicFiles.created(created) + ".");
        } catch (IOException e) {
            throw new UsageException("cannot write " + outFile + ": " + AtomicFiles.reason(e));
        }
    }

    private static List<FactSet> factSets(Path folder, KnowledgeBase kb) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--facts reads the fact sets in " + folder + "/, which is not there; run from the "
                    + "project folder");
        }
        List<FactSet> sets = new ArrayList<>();
        FactSetReader reader = new FactSetReader(kb.vocabulary());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                    .sorted().toList()) {
                sets.addAll(reader.readAll(f));
            }
        } catch (IOException e) {
            throw new UsageException("cannot list " + folder + ": " + e.getMessage());
        }
        return sets;
    }
}
