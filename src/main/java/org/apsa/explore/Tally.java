package org.apsa.explore;

/**
 * What one worker counts of its samples, in whole numbers so that tallies add up to the same
 * totals in any order: scores are four-decimal numbers, counted here in units of 0.0001.
 * Merged in any order, the tallies of 1 or 16 threads are the same.
 */
final class Tally implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Score units in 1: scores have four decimals. */
    static final int UNITS = 10_000;

    /** The knowledge base's outlooks, in its order; also the leader's slot for "no leader: too little evidence". */
    final int outlooks;
    final long[] leaders;
    long samples;
    final long[] sum;
    final long[] sumOfSquares;
    /** Per outlook, how many samples had each score, in units. */
    final int[][] histogram;
    /** Per dimension and level: samples, and per outlook the sum of scores. */
    final long[][] levelCount;
    final long[][][] levelSum;
    /** Total effects: per dimension and outlook, the sum of squared changes when the dimension alone is redrawn. */
    final long[][] swapSquares;
    long swapSamples;

    Tally(SamplingModel model, int outlooks) {
        this.outlooks = outlooks;
        leaders = new long[outlooks + 1];
        sum = new long[outlooks];
        sumOfSquares = new long[outlooks];
        histogram = new int[outlooks][UNITS + 1];
        int k = model.dimensions().size();
        levelCount = new long[k][];
        levelSum = new long[k][][];
        for (int d = 0; d < k; d++) {
            int m = model.dimensions().get(d).levels().size();
            levelCount[d] = new long[m];
            levelSum[d] = new long[m][outlooks];
        }
        swapSquares = new long[k][outlooks];
    }

    void add(byte[] levels, int[] scores, int leader) {
        samples++;
        leaders[leader]++;
        for (int o = 0; o < outlooks; o++) {
            long s = scores[o];
            sum[o] += s;
            sumOfSquares[o] += s * s;
            histogram[o][scores[o]]++;
        }
        for (int d = 0; d < levels.length; d++) {
            levelCount[d][levels[d]]++;
            long[] into = levelSum[d][levels[d]];
            for (int o = 0; o < outlooks; o++) {
                into[o] += scores[o];
            }
        }
    }

    void addSwap(int dimension, int[] before, int[] after) {
        for (int o = 0; o < outlooks; o++) {
            long change = after[o] - before[o];
            swapSquares[dimension][o] += change * change;
        }
    }

    void merge(Tally other) {
        samples += other.samples;
        swapSamples += other.swapSamples;
        add(leaders, other.leaders);
        add(sum, other.sum);
        add(sumOfSquares, other.sumOfSquares);
        for (int o = 0; o < outlooks; o++) {
            for (int u = 0; u <= UNITS; u++) {
                histogram[o][u] += other.histogram[o][u];
            }
        }
        for (int d = 0; d < levelCount.length; d++) {
            add(levelCount[d], other.levelCount[d]);
            for (int l = 0; l < levelCount[d].length; l++) {
                add(levelSum[d][l], other.levelSum[d][l]);
            }
            add(swapSquares[d], other.swapSquares[d]);
        }
    }

    private static void add(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] += other[i];
        }
    }
}
