package org.apsa.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.Collection;

/**
 * Runs the benchmarks that match the command line (JMH's own options and regex), then prints
 * the batch's throughput against Jackson's as a ratio when the batch benchmark ran.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        BatchBenchmark.printRatio(results);
        BatchDetailBenchmark.print(results);
        ExploreBenchmark.printRatio(results);
        ContainmentBenchmark.printRatio(results);
    }
}
