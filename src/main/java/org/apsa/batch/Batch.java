package org.apsa.batch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.explore.Workers;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.InputProblem;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.render.AssessmentJson;
import org.apsa.render.Detail;
import org.apsa.render.Json;
import org.apsa.render.SchemaVersion;
import org.apsa.provenance.Provenance;
import org.apsa.report.HtmlReport;
import org.apsa.report.MarkdownReport;
import org.apsa.report.ReportData;
import org.apsa.report.Row;
import org.apsa.report.RunJson;
import org.apsa.report.SummaryCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Assesses many fact sets: reads the inputs as a stream on the calling thread, assesses on
 * {@code threads} workers, and writes the results in input order, so the output is the same
 * bytes whatever the number of threads. The records in flight are bounded by the heap, not by
 * the number of threads: their results may take up to a fifth of the heap (estimated from the
 * results written so far), and at most {@value #WINDOW_PER_THREAD} records a thread; beyond
 * that the reader waits for the writer. What stays in memory besides is the id index (about
 * 24 bytes a fact set) and the reports' bounded sample.
 *
 * <p>An invalid record, or one whose id was already used, is reported in {@code errors.jsonl}
 * and skipped; a failure of the rules (or of writing) stops the run, and then nothing of it
 * is kept ({@link OutputFiles}).
 */
public final class Batch {

    public static final String ASSESSMENTS = "assessments.jsonl";
    public static final String ERRORS = "errors.jsonl";
    /** Where the results come from (tool, version, rules, time), written when the options give it. */
    static final String RUN = "run.json";
    /**
     * Every file a run may write in its folder, with how each begins; a run
     * removes those of an earlier run it does not write itself (the two it always writes need no mark).
     */
    static final Map<String, String> FILES = files();

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ASSESSMENTS, "");
        files.put(ERRORS, "");
        for (Report report : Report.values()) {
            files.put(report.file(), report.mark());
        }
        files.put(RUN, RunJson.BEGINNING);
        return Collections.unmodifiableMap(files);
    }
    static final int WINDOW_PER_THREAD = 64;
    /**
     * Records in flight whatever the heap, so that reading and assessing overlap. Not more: a
     * fact set of a few MB can make an assessment line of tens of MB, and a floor per thread
     * would let 256 threads hold them all.
     */
    static final int MIN_WINDOW = 2;
    /** The part of the heap the results in flight may take. */
    static final int HEAP_SHARE = 5;
    /** What a result is taken to cost before any was measured: an assessment line is some 25 KB. */
    static final long FIRST_RESULT_ESTIMATE = 64 * 1024;
    /** The invalid inputs a summary quotes; errors.jsonl has them all. */
    static final int QUOTED_PROBLEMS = 10;
    private static final byte[] NEWLINE = {'\n'};
    /** How long a run's end waits for workers still busy after a failure. */
    private static final int IDLE_WAIT_SECONDS = 10;

    private static final Logger LOG = LogManager.getLogger(Batch.class);

    /**
     * @param inputs  files and folders, as given
     * @param out     the output folder, created when missing
     * @param reports the reports besides {@code assessments.jsonl} and {@code errors.jsonl}
     * @param threads how many fact sets to assess at once, at least 1
     * @param detail  how much of each assessment a line of {@code assessments.jsonl} holds; with
     *                {@link Detail#SCORES} no gain is computed, so that the reports have no
     *                prescriptions and no briefs to show
     * @param provenance where the results come from, said in {@code run.json} and the Markdown
     *                and HTML reports; null for none (and no {@code run.json})
     * @param heap    the heap's limit in bytes, of which the results in flight may take a fifth
     * @param standardInput what the input {@link Inputs#STANDARD_INPUT} reads: {@code System.in} unless given
     */
    public record Options(List<Path> inputs, Path out, Set<Report> reports, int threads, Detail detail, Provenance provenance,
                          long heap, InputStream standardInput) {

        /** In the heap this JVM may take, {@code -} reading {@code System.in}. */
        public Options(List<Path> inputs, Path out, Set<Report> reports, int threads, Detail detail, Provenance provenance) {
            this(inputs, out, reports, threads, detail, provenance, Runtime.getRuntime().maxMemory(), System.in);
        }

        public Options {
            inputs = List.copyOf(inputs);
            reports = Set.copyOf(reports);
        }

        /** These options, {@code -} reading {@code in}. */
        public Options withStandardInput(InputStream in) {
            return new Options(inputs, out, reports, threads, detail, provenance, heap, in);
        }
    }

    /** Told how far the run is; called on the thread that runs the batch. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        /** Before the first record, with the number of records expected, or -1 when not counted. */
        default void started(long expected) {
        }

        /** After each record is written (or skipped as invalid). */
        default void advanced(long done) {
        }

        /** When the run ends, well or not. */
        default void finished() {
        }

        /** Whether to count the records first, to show an estimate of the time left. */
        default boolean wantsEstimate() {
            return false;
        }
    }

    /**
     * What a run did.
     *
     * @param byLeading     fact sets by leading outlook id, in the article's order, then {@code insufficient-evidence}
     * @param invalidInputs records (or files) skipped as invalid, id clashes included
     * @param problems      lines of {@code errors.jsonl}
     * @param firstProblems the first problems, at most {@value #QUOTED_PROBLEMS}
     * @param written       the files written in {@code out}, in the order written
     * @param removed       the files of an earlier run removed from {@code out} because this run did not write them
     * @param leftOver      the hidden temporary files of an interrupted earlier run removed from {@code out}
     */
    public record Summary(long files, long assessed, Map<String, Long> byLeading, long invalidInputs, long problems,
                          List<InputProblem> firstProblems, Path out, List<String> written, List<String> removed,
                          List<String> leftOver, Duration elapsed) {
        /** The file that lists every invalid input. */
        public Path errors() {
            return out.resolve(ERRORS);
        }
    }

    /** The assessor, whose sessions a run reuses; null when given another way of assessing. */
    private final Assessor assessor;
    /** The domain of the rules that assess: the columns and counts of the reports. */
    private final KnowledgeBase knowledgeBase;
    private final Function<FactSet, Assessment> assess;
    private final FactSetReader reader;

    /** Reads fact sets in the vocabulary of the assessor's knowledge base. */
    public Batch(Assessor assessor) {
        this.assessor = assessor;
        this.assess = null;
        this.knowledgeBase = assessor.rules().knowledgeBase();
        this.reader = new FactSetReader(knowledgeBase.vocabulary());
    }

    /** With any way of assessing, by rules of {@code knowledgeBase}; tests use it to make a run fail half way. */
    Batch(KnowledgeBase knowledgeBase, Function<FactSet, Assessment> assess) {
        this.assessor = null;
        this.assess = assess;
        this.knowledgeBase = knowledgeBase;
        this.reader = new FactSetReader(knowledgeBase.vocabulary());
    }

    public Summary run(Options options, Progress progress) {
        long start = System.nanoTime();
        List<Inputs.Input> files = Inputs.discover(options.inputs(), options.out());
        nothingToRead(files, options);
        progress.started(progress.wantsEstimate() ? Inputs.estimateRecords(files) : -1);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), workers());
        // Each worker reuses a reset session from one fact set to the next; building a session was a tenth of the work.
        Assessor.Reusing sessions = assessor == null ? null : assessor.reusingSessions();
        Function<FactSet, Assessment> assessing = sessions == null ? assess
                : options.detail() == Detail.SCORES ? sessions::scores : sessions::assess;
        try (OutputFiles outputs = new OutputFiles(options.out(), FILES)) {
            Run run = new Run(options, outputs, pool, assessing, progress);
            for (int f = 0; f < files.size(); f++) {
                run.read(files.get(f), f);
            }
            run.finish();
            List<String> removed = outputs.commit();
            Summary summary = new Summary(run.filesRead, run.report.assessed(), run.report.byLeading(), run.invalidInputs,
                    run.problems, run.firstProblems, options.out(), run.written(), removed, outputs.leftOver(),
                    Duration.ofNanos(System.nanoTime() - start));
            LOG.info("batch: {} fact sets assessed, {} invalid inputs, from {} files into {} in {} ms on {} threads",
                    summary.assessed(), summary.invalidInputs(), summary.files(), options.out(), summary.elapsed().toMillis(), options.threads());
            if (!removed.isEmpty()) {
                LOG.info("batch: removed from an earlier run in {}: {}", options.out(), removed);
            }
            if (!summary.leftOver().isEmpty()) {
                LOG.info("batch: removed the temporary files of an interrupted run in {}: {}", options.out(), summary.leftOver());
            }
            return summary;
        } finally {
            pool.shutdownNow();
            if (sessions != null) {
                closeWhenIdle(pool, sessions);
            }
            progress.finished();
        }
    }

    /**
     * A run with no fact file to read writes nothing, so that the results of an earlier run
     * in {@code out} stay as they are: with nothing found it is a mistake on the command line;
     * with inputs that cannot be read, those are invalid.
     */
    private static void nothingToRead(List<Inputs.Input> inputs, Options options) {
        if (inputs.stream().anyMatch(Inputs.Input::readable)) {
            return;
        }
        String kept = Files.exists(options.out()) ? options.out() + " was left as it was" : "nothing was written";
        if (inputs.isEmpty()) {
            throw new NoInputsException("no fact files (.json, .jsonl) in " + String.join(", ",
                    options.inputs().stream().map(Path::toString).toList()) + ": nothing to assess, so " + kept
                    + "; give the files or folders that hold the fact sets");
        }
        List<InputProblem> problems = new ArrayList<>(inputs.stream().map(Batch::problem).toList());
        problems.add(new InputProblem(options.out().toString(), 0, 0, "no fact file could be read, so " + kept));
        throw new InvalidFactSetException(problems);
    }

    private static InputProblem problem(Inputs.Input input) {
        return new InputProblem(input.path().toString(), 0, 0, input.problem());
    }

    /**
     * Disposes the run's sessions once no worker uses one. After a failure workers may still
     * be finishing the fact set they had begun; should they not stop in time, the sessions are
     * left to the rule base rather than disposed under a worker.
     */
    private static void closeWhenIdle(ExecutorService pool, Assessor.Reusing sessions) {
        // A run stopped by an interrupt still waits for its workers (each finishes the fact set
        // it has begun); the interrupt is kept for the caller.
        boolean interrupted = Thread.interrupted();
        boolean idle = false;
        try {
            idle = pool.awaitTermination(IDLE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (idle) {
            sessions.close();
        } else {
            LOG.warn("batch: workers still busy {} s after the run ended; their sessions were not disposed", IDLE_WAIT_SECONDS);
        }
    }

    /** One record's outcome: an assessment as a JSON line (UTF-8) and a report row, or problems. */
    private record Result(byte[] json, Row row, List<InputProblem> problems) {
    }

    /** The state of one run: the window of records in flight, the writers, the counts. */
    private final class Run {

        private final Options options;
        private final ExecutorService pool;
        private final Function<FactSet, Assessment> assess;
        private final Progress progress;
        private final ArrayDeque<Future<Result>> window = new ArrayDeque<>();
        private final int maxWindow;
        private final long windowBytes;
        /** What the results written so far took, in estimated bytes, and how many there were. */
        private long resultBytes;
        private long results;
        /** Whether a report that shows each fact set's brief explanation was asked for. */
        private final boolean briefs;
        private final IdIndex ids = new IdIndex();
        /** Every input in order, those that cannot be read too, so that a number names one. */
        private final List<Path> files = new ArrayList<>();
        private long filesRead;
        private final OutputStream assessments;
        private final OutputStream errors;
        private final OutputStream csv;
        private final ReportData report = new ReportData(knowledgeBase);
        private final AssessmentJson.Lines lines;
        private final OutputFiles outputs;
        private long done;
        private long invalidInputs;
        private long problems;
        private final List<InputProblem> firstProblems = new ArrayList<>();

        Run(Options options, OutputFiles outputs, ExecutorService pool, Function<FactSet, Assessment> assess, Progress progress) {
            this.options = options;
            this.outputs = outputs;
            this.pool = pool;
            this.assess = assess;
            this.progress = progress;
            this.maxWindow = options.threads() * WINDOW_PER_THREAD;
            this.windowBytes = options.heap() / HEAP_SHARE;
            this.briefs = options.reports().contains(Report.MARKDOWN) || options.reports().contains(Report.HTML);
            this.lines = new AssessmentJson.Lines(options.detail());
            report.provenance(options.provenance());
            outputs.checkTargets(written());
            this.assessments = outputs.open(ASSESSMENTS);
            this.errors = outputs.open(ERRORS);
            this.csv = options.reports().contains(Report.CSV) ? outputs.open(Report.CSV.file()) : null;
            if (csv != null) {
                write(csv, Report.CSV.file(), SummaryCsv.header(knowledgeBase));
            }
        }

        void read(Inputs.Input input, int number) {
            Path file = input.path();
            files.add(file);
            if (!input.readable()) {
                enter(invalid(List.of(problem(input))));
                return;
            }
            filesRead++;
            Consumer<FactSetReader.Entry> sink = entry -> enter(submit(entry, number));
            if (file.equals(Inputs.STANDARD_INPUT)) {
                reader.read(FactSetReader.STANDARD_INPUT, options.standardInput(), true, sink);
            } else {
                reader.read(file, sink);
            }
        }

        /** A record of input {@code number} put to assess, or its problems when it cannot be. */
        private Future<Result> submit(FactSetReader.Entry entry, int number) {
            if (!entry.valid()) {
                return invalid(entry.problems());
            }
            FactSet facts = entry.factSet();
            IdIndex.Place first = ids.add(facts.id(), number, entry.line());
            if (first != null) {
                return invalid(List.of(clash(entry, facts.id(), Inputs.name(files.get(first.file())), first.line())));
            }
            return pool.submit(() -> {
                Assessment a = assess.apply(facts);
                // The row's number is set when written; 0 here keeps the worker independent of order.
                return new Result(lines.utf8(a), Row.of(0, a, briefs), List.of());
            });
        }

        private static Future<Result> invalid(List<InputProblem> problems) {
            return CompletableFuture.completedFuture(new Result(null, null, problems));
        }

        /** Puts a record in flight, first writing the oldest while the window is full. */
        private void enter(Future<Result> result) {
            window.add(result);
            while (window.size() >= windowSize()) {
                writeNext();
            }
        }

        /**
         * How many records may be in flight: the results' share of the heap over what a result
         * costs on average so far, within the bounds a thread has.
         */
        int windowSize() {
            long each = results == 0 ? FIRST_RESULT_ESTIMATE : Math.max(1, resultBytes / results);
            return (int) Math.max(MIN_WINDOW, Math.min(maxWindow, windowBytes / each));
        }

        void finish() {
            while (!window.isEmpty()) {
                writeNext();
            }
            report.inputs(filesRead, invalidInputs, problems);
            if (options.reports().contains(Report.MARKDOWN)) {
                write(outputs.open(Report.MARKDOWN.file()), Report.MARKDOWN.file(), MarkdownReport.render(report));
            }
            if (options.reports().contains(Report.HTML)) {
                write(outputs.open(Report.HTML.file()), Report.HTML.file(), HtmlReport.render(report));
            }
            if (options.provenance() != null) {
                write(outputs.open(RUN), RUN, RunJson.render(options.provenance(), options.detail().id(), written(), report));
            }
        }

        List<String> written() {
            List<String> names = new ArrayList<>(List.of(ASSESSMENTS, ERRORS));
            Arrays.stream(Report.values()).filter(options.reports()::contains).map(Report::file).forEach(names::add);
            if (options.provenance() != null) {
                names.add(RUN);
            }
            return names;
        }

        private void writeNext() {
            // A failure of the rules surfaces here, in input order.
            Result result = Workers.result(window.removeFirst(), "interrupted while assessing");
            if (result.json() != null) {
                // Only assessments set the estimate: a run of small invalid records would lower
                // it, and as many large lines as the threads allow could then be in flight at once.
                results++;
                resultBytes += cost(result);
            }
            if (result.problems().isEmpty()) {
                Row row = numbered(result.row(), report.assessed() + 1);
                write(assessments, ASSESSMENTS, result.json(), NEWLINE);
                if (csv != null) {
                    write(csv, Report.CSV.file(), SummaryCsv.line(row));
                }
                report.add(row);
            } else {
                invalidInputs++;
                for (InputProblem p : result.problems()) {
                    problems++;
                    if (firstProblems.size() < QUOTED_PROBLEMS) {
                        firstProblems.add(p);
                    }
                    write(errors, ERRORS, errorLine(p));
                }
            }
            progress.advanced(++done);
        }

        private void write(OutputStream file, String name, String text) {
            write(file, name, text.getBytes(StandardCharsets.UTF_8));
        }

        private void write(OutputStream file, String name, byte[]... parts) {
            try {
                for (byte[] part : parts) {
                    file.write(part);
                }
            } catch (IOException e) {
                throw outputs.failure(name, e);
            }
        }
    }

    /**
     * About the heap a result takes until written: its JSON line twice over (the line, and the
     * assessment's row with its texts and scores, which is smaller), a brief counted apart.
     */
    private static long cost(Result result) {
        long brief = result.row() == null ? 0 : result.row().brief().stream().mapToLong(line -> 2L * line.length()).sum();
        return 2L * result.json().length + brief;
    }

    private static Row numbered(Row r, long number) {
        return new Row(number, r.id(), r.title(), r.asOf(), r.status(), r.leading(), r.scores(), r.likelihoods(), r.topUnmet(),
                r.levels(), r.brief(), r.knowledgeBase());
    }

    /**
     * The problem of a record whose id an earlier record of the batch already has, at line
     * {@code firstLine} of the input messages name {@code firstFile}: the record is skipped.
     */
    public static InputProblem clash(FactSetReader.Entry entry, String id, String firstFile, long firstLine) {
        String where = firstFile.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl") || firstFile.equals(FactSetReader.STANDARD_INPUT)
                ? firstFile + ":" + firstLine : firstFile;
        return new InputProblem(entry.file(), entry.line(), 0, "duplicate id \"" + id + "\": " + where
                + " already has a fact set with this id; ids must be unique within a batch, so rename one of the two (this one was skipped)");
    }

    /** One line of errors.jsonl. */
    private record ErrorLine(String schemaVersion, String file, long line, long column, String message) {
    }

    /** One line of errors.jsonl: schemaVersion, file, line, column, message. */
    public static String errorLine(InputProblem p) {
        return Json.line(new ErrorLine(SchemaVersion.CURRENT, p.file(), p.line(), p.column(), p.message()));
    }

    private static java.util.concurrent.ThreadFactory workers() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "apsa-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
