package org.apsa.cli;

import org.apsa.batch.Batch;
import org.apsa.batch.BatchSummaryText;
import org.apsa.batch.Inputs;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.fact.InputProblem;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.Suggestions;
import org.apsa.provenance.Provenance;
import org.apsa.render.Detail;
import org.jline.terminal.spi.SystemStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.apsa.fact.PlainText.count;

/** {@code batch}: many fact sets in, machine-readable results and reports out. */
@Command(group = "Assessment")
public class BatchCommands extends Commands {

    /** Said on standard error before a batch reads a terminal, which would otherwise seem to hang. */
    static final String READING_A_TERMINAL = "reading fact sets from standard input (Ctrl-D to end)";

    private final BooleanSupplier inputIsATerminal;
    private final PrintStream messages;

    @Autowired
    BatchCommands(RuleBases ruleBases, Output out) {
        this(ruleBases, out, () -> ShellTerminal.isATerminal(SystemStream.Input), System.err);
    }

    /** With how to tell whether standard input is a terminal, and where to say that it is read. */
    BatchCommands(RuleBases ruleBases, Output out, BooleanSupplier inputIsATerminal, PrintStream messages) {
        super(ruleBases, null, out);
        this.inputIsATerminal = inputIsATerminal;
        this.messages = messages;
    }

    @Command(command = "batch", description = "Assess many fact sets (files, folders searched recursively, .jsonl files) in parallel; "
            + "writes assessments.jsonl, errors.jsonl and the requested reports into --out. "
            + "Example: batch facts/ --out results --format csv,markdown,html")
    void batch(
            @Option(longNames = "path", arity = OptionArity.ONE_OR_MORE, required = true,
                    description = "fact files (.json, .jsonl) and folders; - reads JSON Lines from standard input") String[] paths,
            @Option(longNames = "out", required = true, description = "the folder for the results, created when missing") String outFolder,
            @Option(longNames = "format", defaultValue = "jsonl",
                    description = "reports besides assessments.jsonl, comma-separated: jsonl, csv, markdown, html, or all") String format,
            @Option(longNames = "threads", description = "fact sets assessed at once (default: the number of processors)") Integer threads,
            @Option(longNames = "detail", defaultValue = "full", description = "what a line of assessments.jsonl holds: "
                    + "full, lean (no proof trees) or scores (the scores and the leader)") String detail,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Set<Report> reports = reports(format);
        Detail level = detail(detail, reports);
        int workers = workers(threads);
        if (outFolder.isBlank()) {
            // Path.of("") is the current folder: the results would land among whatever is there.
            throw new UsageException("--out is empty; give the folder for the results, e.g. --out results");
        }
        Path target = resultsFolder(outFolder);
        List<Path> inputs = Arrays.stream(paths).map(UserPaths::of).toList();
        // Refused in the interactive shell, whose commands come from there.
        InputStream standardInput = inputs.contains(Inputs.STANDARD_INPUT) ? out.standardInput() : System.in;
        Assessor assessor = ruleBases.assessor(rules);
        Provenance provenance = Provenance.of(assessor.rules(), Instant.now());
        Batch batch = new Batch(assessor);
        if (inputs.contains(Inputs.STANDARD_INPUT) && inputIsATerminal.getAsBoolean()) {
            messages.println(READING_A_TERMINAL);
        }
        Batch.Summary summary = batch.run(new Batch.Options(inputs, target, reports, workers, level, provenance)
                        .withStandardInput(standardInput),
                ShellTerminal.isATerminal(SystemStream.Error) ? new ProgressBar(System.err) : Batch.Progress.NONE);
        out.print(BatchSummaryText.render(summary, assessor.rules().knowledgeBase()));
        if (summary.invalidInputs() > 0) {
            List<InputProblem> quoted = new ArrayList<>(summary.firstProblems());
            quoted.add(new InputProblem(target.resolve(Batch.ERRORS).toString(), 0, 0, count(summary.invalidInputs(), "invalid input")
                    + " skipped (" + count(summary.problems(), "problem") + "), all listed here"));
            throw new InvalidFactSetException(quoted);
        }
    }

    /** {@code --threads} of batch and explore: the number of processors when left out. */
    static int workers(Integer threads) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new UsageException("--threads must be between 1 and 256, was " + workers);
        }
        return workers;
    }

    /** {@code --out} of batch and explore: a folder, created when missing; a file of that name is refused. */
    static Path resultsFolder(String outFolder) {
        Path target = UserPaths.of(outFolder);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException("--out " + outFolder + " is a file; give a folder for the results");
        }
        return target;
    }

    /**
     * {@code --detail}. Scores alone compute no gain and no proof tree, which the Markdown and
     * HTML reports show, so they are not asked for together.
     */
    static Detail detail(String detail, Set<Report> reports) {
        List<String> offered = Arrays.stream(Detail.values()).map(Detail::id).toList();
        String given = detail == null ? "" : detail.trim().toLowerCase(Locale.ROOT);
        Detail level = Arrays.stream(Detail.values()).filter(d -> d.id().equals(given)).findFirst()
                .orElseThrow(() -> new UsageException("unknown detail \"" + (detail == null ? "" : detail.trim()) + "\" for batch"
                        + Suggestions.didYouMean(given, offered)
                        + "; use " + String.join(", ", offered)));
        if (level == Detail.SCORES && (reports.contains(Report.MARKDOWN) || reports.contains(Report.HTML))) {
            throw new UsageException("--detail scores computes no gains and no proof trees, which report.md and report.html "
                    + "show; use --detail lean with those reports, or --format csv with scores");
        }
        return level;
    }

    /** {@code --format}: a comma-separated list; assessments.jsonl is always written, so "jsonl" adds nothing. */
    static Set<Report> reports(String format) {
        List<String> offered = List.of("jsonl", "csv", "markdown", "html", "all");
        Set<Report> reports = EnumSet.noneOf(Report.class);
        for (String item : (format == null ? "" : format).split(",")) {
            String given = item.trim().toLowerCase(Locale.ROOT);
            switch (given) {
                case "", "jsonl" -> {
                }
                case "csv" -> reports.add(Report.CSV);
                case "markdown", "md" -> reports.add(Report.MARKDOWN);
                case "html" -> reports.add(Report.HTML);
                case "all" -> reports.addAll(EnumSet.allOf(Report.class));
                default -> throw new UsageException("unknown format \"" + item.trim() + "\" for batch"
                        + Suggestions.didYouMean(given, offered)
                        + "; use a comma-separated list of " + String.join(", ", offered));
            }
        }
        return reports;
    }
}
