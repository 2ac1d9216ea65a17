package org.apsa.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.Vary;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.Vocabulary;
import org.apsa.render.ExplorationFormat;
import org.apsa.render.Style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explore} on Spark: the blocks of samples are split into contiguous ranges, one a task;
 * a block's samples follow from the seed and the block's number alone, so the tallies the tasks
 * return, combined on the driver (with scenario discovery on the kept samples, as on one
 * machine), are those of the single-machine {@code explore} for the same seed and sample count,
 * whatever the number of tasks.
 */
public final class SparkExplore {

    /**
     * @param file       the fact set: a local path or a Hadoop path with a scheme
     * @param vary       stated, unknown, all, or indicator ids, comma-separated
     * @param formats    json, text, markdown, html: each written to OUT/exploration.EXT
     * @param partitions tasks to split the samples into; 0 for about four a core
     */
    public record Options(String file, int samples, long seed, String vary, String out, List<ExplorationFormat> formats,
                          ShippedRules rules, int partitions) {
    }

    private SparkExplore() {
    }

    public static Exploration run(JavaSparkContext sc, Options options) {
        Configuration hadoop = sc.hadoopConfiguration();
        String text = read(options.file(), hadoop);
        Vocabulary vocabulary = options.rules().vocabulary();
        FactSetReader.Entry entry = new FactSetReader(vocabulary).parse(options.file(), text);
        if (!entry.valid()) {
            throw new InvalidFactSetException(entry.problems());
        }
        Vary vary = vary(options.vary(), vocabulary);
        int blocks = Explorer.blocks(options.samples());
        int slices = Math.max(1, Math.min(blocks, options.partitions() > 0 ? options.partitions() : 4 * sc.defaultParallelism()));
        List<int[]> ranges = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            ranges.add(new int[] {(int) ((long) s * blocks / slices), (int) ((long) (s + 1) * blocks / slices)});
        }
        Broadcast<ShippedRules> rules = sc.broadcast(options.rules());
        String name = options.file();
        int samples = options.samples();
        long seed = options.seed();
        String varied = options.vary();
        List<Explorer.Part> parts = sc.parallelize(ranges, slices).map(range -> {
            FactSet facts = new FactSetReader(rules.value().vocabulary()).parse(name, text).factSet();
            Explorer explorer = new Explorer(rules.value().assessor());
            return explorer.part(facts, new Explorer.Options(samples, seed, vary(varied, rules.value().vocabulary()), 1), range[0], range[1]);
        }).collect();
        Explorer explorer = new Explorer(options.rules().assessor());
        Exploration e = explorer.combine(entry.factSet(),
                new Explorer.Options(samples, seed, vary, Runtime.getRuntime().availableProcessors()), parts);
        write(e, options, hadoop);
        return e;
    }

    private static String read(String file, Configuration hadoop) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            try (InputStream in = fs.open(path)) {
                byte[] bytes = in.readNBytes(FactSetReader.MAX_DOCUMENT_BYTES + 1);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (java.io.FileNotFoundException e) {
            throw new InvalidFactSetException(new org.apsa.fact.InputProblem(file, 0, 0,
                    "no such file; check the path (fact files usually live in facts/)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Exploration e, Options options, Configuration hadoop) {
        for (ExplorationFormat format : options.formats()) {
            String content = format.render(e, Style.PLAIN);
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(options.out(), format.fileName());
            try (FSDataOutputStream out = path.getFileSystem(hadoop).create(path, true)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot write " + path + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** {@code --vary} as the single-machine {@code explore} reads it ({@link Vary#parse}); none given is {@code all}. */
    static Vary vary(String vary, Vocabulary vocabulary) {
        try {
            return Vary.parse(vary == null ? "all" : vary, vocabulary);
        } catch (Vary.Invalid e) {
            throw new UsageError("--vary: " + e.getMessage());
        }
    }
}
