package org.apsa.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.apsa.batch.Batch;
import org.apsa.batch.Inputs;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.InputProblem;
import org.apsa.render.AssessmentJson;
import org.apsa.report.Row;
import org.apsa.report.SummaryCsv;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The batch on Spark: the same records, read by the same reader and assessed by the same
 * rules as the single-machine {@code batch}, written by the same code, so that the part files
 * of each output, put in order, are the bytes {@code batch} writes.
 *
 * <p>A partition is a run of whole input files in input order; its task reads them with a
 * reused session and writes part {@code N} of each output. Ids must be unique across the batch:
 * a first pass reads the records (without assessing them) to find the ids used more than once
 * and where each was first used; only those travel to the tasks.
 */
public final class SparkBatch {

    /** The record of a batch for the order of its inputs: a file's number and line. */
    private static final int FILE = 0;
    private static final int LINE = 1;
    private static final int COUNT = 2;

    /**
     * @param inputs     files and folders, local paths or Hadoop paths with a scheme
     * @param out        the output folder, which must not exist yet
     * @param rules      the rules to run
     * @param partitions how many tasks to split the inputs into; 0 for about four a core
     */
    public record Options(List<String> inputs, String out, ShippedRules rules, int partitions) {
    }

    /** What a run did. */
    public record Summary(long files, long assessed, long invalidInputs, int partitions) {
    }

    private SparkBatch() {
    }

    public static Summary run(JavaSparkContext sc, Options options) {
        Configuration hadoop = sc.hadoopConfiguration();
        List<FactFile> files = discover(options.inputs(), options.out(), hadoop);
        if (files.isEmpty()) {
            throw new UsageError("no fact files (.json, .jsonl) in " + String.join(", ", options.inputs())
                    + ": nothing to assess; give the files or folders that hold the fact sets");
        }
        if (files.stream().noneMatch(FactFile::readable)) {
            throw new org.apsa.fact.InvalidFactSetException(files.stream()
                    .map(f -> new InputProblem(f.name(), 0, 0, f.problem())).toList());
        }
        int slices = Math.max(1, Math.min(files.size(),
                options.partitions() > 0 ? options.partitions() : 4 * sc.defaultParallelism()));
        Broadcast<SerializableWritable<Configuration>> conf = sc.broadcast(new SerializableWritable<>(hadoop));
        Broadcast<ShippedRules> rules = sc.broadcast(options.rules());
        JavaRDD<FactFile> byFile = sc.parallelize(files, slices);

        Map<String, long[]> repeated = repeatedIds(byFile, conf, rules);
        Broadcast<Map<String, long[]>> firsts = sc.broadcast(repeated);
        Broadcast<List<String>> names = sc.broadcast(files.stream().map(FactFile::name).toList());
        LongAccumulator assessed = sc.sc().longAccumulator("assessed");
        LongAccumulator invalid = sc.sc().longAccumulator("invalid inputs");

        JavaPairRDD<IntWritable, BytesWritable> parts = byFile.mapPartitionsWithIndex((index, it) -> {
            Assessor.Reusing sessions = rules.value().sessions();
            Lines lines = new Lines(index, it, sessions, new FactSetReader(rules.value().vocabulary()),
                    SummaryCsv.header(rules.value().assessor().rules().knowledgeBase()), conf.value().value(),
                    firsts.value(), names.value(), assessed, invalid);
            TaskContext.get().addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> lines.close());
            return lines;
        }, true).mapToPair(t -> new Tuple2<>(new IntWritable(t._1()), new BytesWritable(t._2())));

        JobConf job = new JobConf(hadoop);
        parts.saveAsHadoopFile(options.out(), IntWritable.class, BytesWritable.class, PartsOutputFormat.class, job);
        long read = files.stream().filter(FactFile::readable).count();
        return new Summary(read, assessed.value(), invalid.value(), slices);
    }

    /** The ids of valid records used more than once, each with the file and line of its first use. */
    private static Map<String, long[]> repeatedIds(JavaRDD<FactFile> byFile, Broadcast<SerializableWritable<Configuration>> conf,
                                                  Broadcast<ShippedRules> rules) {
        return byFile.mapPartitions(it -> {
            FactSetReader reader = new FactSetReader(rules.value().vocabulary());
            List<Tuple2<String, long[]>> ids = new ArrayList<>();
            while (it.hasNext()) {
                FactFile file = it.next();
                if (!file.readable()) {
                    continue;
                }
                try (Records records = new Records(reader, file, conf.value().value())) {
                    while (records.hasNext()) {
                        FactSetReader.Entry entry = records.next();
                        if (entry.valid()) {
                            ids.add(new Tuple2<>(entry.factSet().id(), new long[] {file.number(), entry.line(), 1}));
                        }
                    }
                }
            }
            return ids.iterator();
        }).mapToPair(t -> t).reduceByKey((a, b) -> {
            boolean aFirst = a[FILE] < b[FILE] || (a[FILE] == b[FILE] && a[LINE] <= b[LINE]);
            long[] first = aFirst ? a : b;
            return new long[] {first[FILE], first[LINE], a[COUNT] + b[COUNT]};
        }).filter(t -> t._2()[COUNT] > 1).collectAsMap();
    }

    /**
     * The inputs in the order the single-machine batch reads them. Local paths are found by
     * its own discovery (same order, same messages); a Hadoop path with a scheme is listed
     * through its file system, a folder's fact files sorted by path.
     */
    static List<FactFile> discover(List<String> inputs, String out, Configuration hadoop) {
        List<FactFile> files = new ArrayList<>();
        if (inputs.stream().allMatch(SparkBatch::isLocal)) {
            List<Path> paths = inputs.stream().map(Path::of).toList();
            for (Inputs.Input input : Inputs.discover(paths, isLocal(out) ? Path.of(out) : null)) {
                files.add(new FactFile(files.size(), Inputs.name(input.path()),
                        input.path().toAbsolutePath().toString(), input.problem()));
            }
            return files;
        }
        try {
            for (String given : inputs) {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(given);
                FileSystem fs = path.getFileSystem(hadoop);
                if (!fs.exists(path)) {
                    files.add(new FactFile(files.size(), given, path.toString(), null));
                    continue;
                }
                FileStatus status = fs.getFileStatus(path);
                if (!status.isDirectory()) {
                    files.add(new FactFile(files.size(), given, path.toString(), null));
                    continue;
                }
                List<String> found = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> listing = fs.listFiles(path, true);
                while (listing.hasNext()) {
                    String name = listing.next().getPath().toString();
                    if (Inputs.isFactFile(Path.of(name.substring(name.lastIndexOf('/') + 1)))) {
                        found.add(name);
                    }
                }
                found.sort(null);
                for (String name : found) {
                    files.add(new FactFile(files.size(), name, name, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inputs: " + e.getMessage(), e);
        }
        return files;
    }

    static boolean isLocal(String path) {
        if (path.equals("-")) {
            throw new UsageError("standard input ('-') cannot be read by a cluster; give files or folders");
        }
        try {
            return new URI(path).getScheme() == null;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /**
     * A task's output: for each record of its files in order, the bytes to append to
     * {@code assessments.jsonl} and {@code summary.csv}, or to {@code errors.jsonl}.
     */
    private static final class Lines implements Iterator<Tuple2<Integer, byte[]>> {

        private final Iterator<FactFile> files;
        private final Assessor.Reusing sessions;
        private final Configuration hadoop;
        private final Map<String, long[]> firsts;
        private final List<String> names;
        private final LongAccumulator assessed;
        private final LongAccumulator invalid;
        private final FactSetReader reader;
        private final AssessmentJson.Lines json = new AssessmentJson.Lines();
        private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
        private FactFile file;
        private Records records;

        /** @param header the first line of summary.csv, with the outlooks of the rules' knowledge base */
        Lines(int partition, Iterator<FactFile> files, Assessor.Reusing sessions, FactSetReader reader, String header, Configuration hadoop,
              Map<String, long[]> firsts,
              List<String> names, LongAccumulator assessed, LongAccumulator invalid) {
            this.files = files;
            this.sessions = sessions;
            this.reader = reader;
            this.hadoop = hadoop;
            this.firsts = firsts;
            this.names = names;
            this.assessed = assessed;
            this.invalid = invalid;
            if (partition == 0) {
                ready.add(new Tuple2<>(PartsOutputFormat.CSV, header.getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                if (records != null && records.hasNext()) {
                    take(records.next());
                } else {
                    if (records != null) {
                        records.close();
                        records = null;
                    }
                    if (!files.hasNext()) {
                        return false;
                    }
                    file = files.next();
                    if (file.readable()) {
                        records = new Records(reader, file, hadoop);
                    } else {
                        invalid(List.of(new InputProblem(file.name(), 0, 0, file.problem())));
                    }
                }
            }
            return true;
        }

        @Override
        public Tuple2<Integer, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private void take(FactSetReader.Entry entry) {
            if (!entry.valid()) {
                invalid(entry.problems());
                return;
            }
            FactSet facts = entry.factSet();
            long[] first = firsts.get(facts.id());
            if (first != null && (first[FILE] != file.number() || first[LINE] != entry.line())) {
                invalid(List.of(Batch.clash(entry, facts.id(), names.get((int) first[FILE]), first[LINE])));
                return;
            }
            Assessment a = sessions.assess(facts);
            byte[] line = json.utf8(a);
            byte[] withEnd = Arrays.copyOf(line, line.length + 1);
            withEnd[line.length] = '\n';
            ready.add(new Tuple2<>(PartsOutputFormat.ASSESSMENTS, withEnd));
            ready.add(new Tuple2<>(PartsOutputFormat.CSV, SummaryCsv.line(Row.of(0, a, false)).getBytes(StandardCharsets.UTF_8)));
            assessed.add(1);
        }

        private void invalid(List<InputProblem> problems) {
            invalid.add(1);
            for (InputProblem p : problems) {
                ready.add(new Tuple2<>(PartsOutputFormat.ERRORS, Batch.errorLine(p).getBytes(StandardCharsets.UTF_8)));
            }
        }

        void close() {
            if (records != null) {
                records.close();
            }
        }
    }
}
