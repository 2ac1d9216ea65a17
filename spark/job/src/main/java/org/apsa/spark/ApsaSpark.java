package org.apsa.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apsa.explore.Exploration;
import org.apsa.fact.InputProblem;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.render.ExplorationFormat;
import org.apsa.rulebase.RuleBaseException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's entry point for spark-submit (docs/spark.md):
 *
 * <pre>
 * batch INPUT... --out DIR [--rules DIR] [--partitions N]
 * explore FILE --out DIR [--samples N] [--seed S] [--vary WHAT] [--format json,text,...] [--rules DIR] [--partitions N]
 * </pre>
 *
 * Exit status as the tool's: 0 done, 1 invalid input (a batch with any: the valid ones are still
 * written), 2 usage, 3 rule base error, 4 internal error.
 */
public final class ApsaSpark {

    static final String USAGE = """
            usage: spark-submit --class org.apsa.spark.ApsaSpark apsa-spark.jar COMMAND ...
              batch INPUT... --out DIR [--rules DIR] [--partitions N]
              explore FILE --out DIR [--samples N] [--seed S] [--vary stated|unknown|all|IDS] [--format json,text,markdown,html] [--rules DIR] [--partitions N]
            (docs/spark.md)""";

    private ApsaSpark() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command on the Spark context that spark-submit set up; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Command command = Command.parse(args);
            SparkConf conf = new SparkConf().setAppName("apsa " + command.name);
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                return command.run(sc, out);
            }
        } catch (UsageError e) {
            err.println("apsa-spark: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InvalidFactSetException e) {
            for (InputProblem p : e.problems()) {
                err.println(p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message());
            }
            return 1;
        } catch (RuleBaseException e) {
            err.println("apsa-spark: " + e.getMessage());
            return 3;
        } catch (RuntimeException e) {
            err.println("apsa-spark: the job failed: " + e + " (the Spark driver's log has the details)");
            return 4;
        }
    }

    /** A command line, read before Spark starts so that a mistake costs no cluster time. */
    static final class Command {
        final String name;
        final List<String> inputs = new ArrayList<>();
        String out;
        String rules;
        int partitions;
        int samples = 10_000;
        long seed = 1;
        String vary = "all";
        List<ExplorationFormat> formats = List.of(ExplorationFormat.JSON);

        private Command(String name) {
            this.name = name;
        }

        static Command parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("batch") || args[0].equals("explore"))) {
                throw new UsageError(args.length == 0 ? "no command given" : "unknown command \"" + args[0] + "\"");
            }
            Command c = new Command(args[0]);
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    c.inputs.add(a);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new UsageError(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--out" -> c.out = v;
                    case "--rules" -> c.rules = v;
                    case "--partitions" -> c.partitions = positive(a, v);
                    case "--samples" -> c.samples = positive(a, v);
                    case "--seed" -> c.seed = number(a, v);
                    case "--vary" -> c.vary = v;
                    case "--format" -> c.formats = formats(v);
                    default -> throw new UsageError("unknown option " + a);
                }
            }
            if (c.out == null) {
                throw new UsageError(c.name + " needs --out DIR");
            }
            if (c.inputs.isEmpty()) {
                throw new UsageError(c.name.equals("batch") ? "batch needs the fact files or folders to assess" : "explore needs a fact file");
            }
            if (c.name.equals("explore") && c.inputs.size() > 1) {
                throw new UsageError("explore takes one fact file, was given " + c.inputs.size());
            }
            if (c.name.equals("batch") && SparkBatch.isLocal(c.out) && Files.exists(Path.of(c.out))) {
                throw new UsageError("--out " + c.out + " exists; the job writes its part files into a new folder, so give one that does not exist yet");
            }
            if (c.rules != null && !Files.isDirectory(Path.of(c.rules))) {
                throw new UsageError("--rules " + c.rules + " is not a folder; give the folder of .drl rules");
            }
            return c;
        }

        int run(JavaSparkContext sc, PrintStream out) {
            ShippedRules shipped = rules == null ? ShippedRules.embedded() : ShippedRules.of(Path.of(rules));
            if (name.equals("batch")) {
                SparkBatch.Summary s = SparkBatch.run(sc, new SparkBatch.Options(inputs, this.out, shipped, partitions));
                out.printf(Locale.ROOT, "%d fact sets assessed, %d invalid inputs, from %d files in %d partitions with %s.%n"
                                + "Wrote %s/assessments.jsonl/, errors.jsonl/ and summary.csv/ (part files in input order:"
                                + " cat %s/assessments.jsonl/part-* > assessments.jsonl)%n",
                        s.assessed(), s.invalidInputs(), s.files(), s.partitions(), shipped.name(), this.out, this.out);
                if (s.invalidInputs() > 0) {
                    System.err.printf(Locale.ROOT, "%d invalid inputs: %s/errors.jsonl/ says what and where%n", s.invalidInputs(), this.out);
                    return 1;
                }
                return 0;
            }
            Exploration e = SparkExplore.run(sc, new SparkExplore.Options(inputs.get(0), samples, seed, vary, this.out, formats,
                    shipped, partitions));
            out.printf(Locale.ROOT, "%d samples of %s explored with %s; wrote %s%n", e.settings().samples(), e.factSetId(),
                    shipped.name(), String.join(", ", formats.stream().map(f -> this.out + "/" + f.fileName()).toList()));
            return 0;
        }

        private static List<ExplorationFormat> formats(String v) {
            List<ExplorationFormat> chosen = new ArrayList<>();
            for (String f : v.split(",")) {
                ExplorationFormat format = ExplorationFormat.of(f).orElseThrow(() -> new UsageError("unknown format \""
                        + f.trim() + "\"; use json, text, markdown or html, comma-separated"));
                if (!chosen.contains(format)) {
                    chosen.add(format);
                }
            }
            return chosen;
        }

        private static int positive(String option, String v) {
            long n = number(option, v);
            if (n < 1 || n > 10_000_000) {
                throw new UsageError(option + " must be between 1 and 10,000,000, was " + v);
            }
            return (int) n;
        }

        private static long number(String option, String v) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UsageError(option + " takes a whole number, was \"" + v + "\"");
            }
        }
    }
}
