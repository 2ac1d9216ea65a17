package org.apsa.explore;

import org.apache.commons.math3.distribution.BinomialDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the Patient Rule Induction Method (Friedman and Fisher, 1999), as the EMA Workbench and
 * RAND's sdtoolkit use it for scenario discovery, on ordinal inputs: boxes of consecutive levels
 * in which an outcome is frequent.
 * <ol>
 *   <li>Peeling: from the box of all samples, remove one end level of one indicator at a time,
 *       the one that raises the density most for each sample it removes (the EMA Workbench's
 *       "lenient" criterion, which suits levels that hold large shares of the samples), while
 *       the box keeps at least {@link #MIN_MASS} of the samples and the density rises.</li>
 *   <li>Choosing: of the boxes peeled through, the one with the best balance of coverage and
 *       density (their harmonic mean).</li>
 *   <li>Pasting: add back an end level where that raises the density.</li>
 *   <li>Pruning: drop a restriction when the box is not significantly denser than without it (a
 *       one-sided binomial test at 5%, the EMA Workbench's quasi-p-value).</li>
 *   <li>Covering: the next box is sought among the samples outside the boxes found, up to
 *       {@code maxBoxes}; the first is kept when it is denser than the outcome's share overall,
 *       a later one when its density (among the samples it is sought in) is at least halfway
 *       from that share to the first box's.</li>
 * </ol>
 * Deterministic: ties go to the lower dimension, then to the lower end.
 */
final class Prim {

    static final double MIN_MASS = 0.05;
    static final int MIN_SAMPLES = 30;
    static final double SIGNIFICANCE = 0.05;

    /** A box: per dimension the lowest and highest level kept. */
    record Box(int[] lo, int[] hi) {

        boolean contains(byte[] x, int offset) {
            for (int d = 0; d < lo.length; d++) {
                int v = x[offset + d];
                if (v < lo[d] || v > hi[d]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final byte[] x;
    private final int k;
    private final int[] sizes;
    private final int n;

    /**
     * @param x     the levels of {@code n} samples, {@code k} a sample
     * @param sizes the number of levels of each dimension
     */
    Prim(byte[] x, int n, int[] sizes) {
        this.x = x;
        this.n = n;
        this.k = sizes.length;
        this.sizes = sizes.clone();
    }

    /**
     * A box found, with the samples it holds of those the boxes before it leave out (in
     * ascending order) and how many of them are positive.
     */
    record Found(Box box, int[] samples, int positives) {
    }

    /** Up to {@code maxBoxes} boxes in which {@code y} is frequent. */
    List<Found> boxes(boolean[] y, int maxBoxes) {
        List<Found> found = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == n || k == 0) {
            return found;
        }
        double overall = positives / (double) n;
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        double first = 0;
        for (int b = 0; b < maxBoxes; b++) {
            Box box = find(y, active, positives);
            if (box == null) {
                break;
            }
            int[] inside = new int[n];
            int in = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (active[i] && box.contains(x, i * k)) {
                    inside[in++] = i;
                    pos += y[i] ? 1 : 0;
                }
            }
            double density = in == 0 ? 0 : pos / (double) in;
            if (density <= overall || (!found.isEmpty() && density < (overall + first) / 2)) {
                break;
            }
            if (found.isEmpty()) {
                first = density;
            }
            found.add(new Found(box, Arrays.copyOf(inside, in), pos));
            for (int j = 0; j < in; j++) {
                active[inside[j]] = false;
            }
        }
        return found;
    }

    /** One box among the active samples, or null when no restriction raises the density. */
    private Box find(boolean[] y, boolean[] active, int allPositives) {
        int[] lo = new int[k];
        int[] hi = new int[k];
        for (int d = 0; d < k; d++) {
            hi[d] = sizes[d] - 1;
        }
        // The samples in the box, shrunk at each peel, so that a peel costs what the box holds.
        int[] members = new int[n];
        int m = 0;
        int activePositives = 0;
        for (int i = 0; i < n; i++) {
            if (active[i]) {
                members[m++] = i;
                activePositives += y[i] ? 1 : 0;
            }
        }
        if (m < MIN_SAMPLES || activePositives == 0) {
            return null;
        }
        int minMass = Math.max(MIN_SAMPLES, (int) Math.ceil(MIN_MASS * m));
        List<Box> trajectory = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        int boxN = m;
        int boxPos = activePositives;
        // Counted once, then less what each peel removes: peeling costs what it removes, not what the box holds.
        long[][] perLevel = levelCounts(members, m, y);
        while (true) {
            int bestD = -1;
            boolean bestLow = false;
            double density = boxPos / (double) boxN;
            double bestGain = 0;
            int bestN = 0;
            int bestPos = 0;
            for (int d = 0; d < k; d++) {
                if (lo[d] >= hi[d]) {
                    continue;
                }
                for (boolean low : new boolean[] {true, false}) {
                    int level = low ? lo[d] : hi[d];
                    int remainingN = boxN - (int) perLevel[d][2 * level];
                    int remainingPos = boxPos - (int) perLevel[d][2 * level + 1];
                    if (remainingN < minMass || remainingN == boxN) {
                        continue;
                    }
                    // The gain in density for each sample peeled off: patient, it prefers small peels.
                    double gain = (remainingPos / (double) remainingN - density) / (boxN - remainingN);
                    if (gain > bestGain) {
                        bestD = d;
                        bestLow = low;
                        bestGain = gain;
                        bestN = remainingN;
                        bestPos = remainingPos;
                    }
                }
            }
            if (bestD < 0) {
                break;
            }
            int peeled = bestLow ? lo[bestD] : hi[bestD];
            if (bestLow) {
                lo[bestD]++;
            } else {
                hi[bestD]--;
            }
            int kept = 0;
            for (int j = 0; j < m; j++) {
                int i = members[j];
                if (x[i * k + bestD] != peeled) {
                    members[kept++] = i;
                } else {
                    int positive = y[i] ? 1 : 0;
                    for (int d = 0; d < k; d++) {
                        int level = x[i * k + d];
                        perLevel[d][2 * level]--;
                        perLevel[d][2 * level + 1] -= positive;
                    }
                }
            }
            m = kept;
            boxN = bestN;
            boxPos = bestPos;
            trajectory.add(new Box(lo.clone(), hi.clone()));
            counts.add(new int[] {boxN, boxPos});
        }
        if (trajectory.isEmpty()) {
            return null;
        }
        // The box of the trajectory with the best harmonic mean of coverage and density.
        int chosen = 0;
        double best = -1;
        for (int t = 0; t < trajectory.size(); t++) {
            double density = counts.get(t)[1] / (double) counts.get(t)[0];
            double coverage = counts.get(t)[1] / (double) activePositives;
            double f = density + coverage == 0 ? 0 : 2 * density * coverage / (density + coverage);
            if (f > best) {
                best = f;
                chosen = t;
            }
        }
        Box box = paste(trajectory.get(chosen), y, active);
        return prune(box, y, active);
    }

    /** Adds back an end level while that raises the density. */
    private Box paste(Box box, boolean[] y, boolean[] active) {
        int[] lo = box.lo().clone();
        int[] hi = box.hi().clone();
        while (true) {
            int[] c = new int[2];
            long[][] outside = oneStepOutside(new Box(lo, hi), y, active, c);
            double density = c[1] / (double) c[0];
            int bestD = -1;
            boolean bestLow = false;
            double bestDensity = density;
            for (int d = 0; d < k; d++) {
                for (boolean low : new boolean[] {true, false}) {
                    int level = low ? lo[d] - 1 : hi[d] + 1;
                    if (level < 0 || level >= sizes[d]) {
                        continue;
                    }
                    long addN = outside[d][2 * level];
                    long addPos = outside[d][2 * level + 1];
                    double pasted = (c[1] + addPos) / (double) (c[0] + addN);
                    if (addN > 0 && pasted > bestDensity) {
                        bestD = d;
                        bestLow = low;
                        bestDensity = pasted;
                    }
                }
            }
            if (bestD < 0) {
                return new Box(lo, hi);
            }
            if (bestLow) {
                lo[bestD]--;
            } else {
                hi[bestD]++;
            }
        }
    }

    /** Drops, one at a time, the restriction least significant by a one-sided binomial test. */
    private Box prune(Box box, boolean[] y, boolean[] active) {
        int[] lo = box.lo().clone();
        int[] hi = box.hi().clone();
        while (true) {
            int[] c = new int[2];
            long[][] outside = oneStepOutside(new Box(lo, hi), y, active, c);
            int worst = -1;
            double worstP = SIGNIFICANCE;
            int restrictions = 0;
            for (int d = 0; d < k; d++) {
                if (lo[d] == 0 && hi[d] == sizes[d] - 1) {
                    continue;
                }
                restrictions++;
                long relaxedN = c[0];
                long relaxedPos = c[1];
                for (int level = 0; level < sizes[d]; level++) {
                    if (level < lo[d] || level > hi[d]) {
                        relaxedN += outside[d][2 * level];
                        relaxedPos += outside[d][2 * level + 1];
                    }
                }
                double p = quasiP(c[0], c[1], relaxedPos / (double) relaxedN);
                if (p > worstP) {
                    worst = d;
                    worstP = p;
                }
            }
            if (worst < 0 || restrictions <= 1) {
                return new Box(lo, hi);
            }
            lo[worst] = 0;
            hi[worst] = sizes[worst] - 1;
        }
    }

    /** The chance of at least {@code positives} of {@code n} when the density is {@code p}. */
    static double quasiP(int n, int positives, double p) {
        if (p >= 1) {
            return 1;
        }
        if (p <= 0) {
            return positives > 0 ? 0 : 1;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        return positives == 0 ? 1 : 1 - binomial.cumulativeProbability(positives - 1);
    }

    /** Per dimension, per level: of the samples given, those at that level ({@code [2l]}) and positives ({@code [2l+1]}). */
    private long[][] levelCounts(int[] members, int m, boolean[] y) {
        long[][] c = perLevel();
        for (int j = 0; j < m; j++) {
            int i = members[j];
            int positive = y[i] ? 1 : 0;
            for (int d = 0; d < k; d++) {
                int level = x[i * k + d];
                c[d][2 * level]++;
                c[d][2 * level + 1] += positive;
            }
        }
        return c;
    }

    /**
     * Per dimension, per level: samples outside the box in that dimension alone, at that level,
     * and positives; {@code inside} gets the samples in the box and the positives among them.
     */
    private long[][] oneStepOutside(Box box, boolean[] y, boolean[] active, int[] inside) {
        long[][] c = perLevel();
        int[] lo = box.lo();
        int[] hi = box.hi();
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                continue;
            }
            int outsideIn = -1;
            boolean twice = false;
            for (int d = 0; d < k && !twice; d++) {
                int v = x[i * k + d];
                if (v < lo[d] || v > hi[d]) {
                    twice = outsideIn >= 0;
                    outsideIn = d;
                }
            }
            if (outsideIn < 0) {
                inside[0]++;
                inside[1] += y[i] ? 1 : 0;
            } else if (!twice) {
                int level = x[i * k + outsideIn];
                c[outsideIn][2 * level]++;
                if (y[i]) {
                    c[outsideIn][2 * level + 1]++;
                }
            }
        }
        return c;
    }

    /** Two zero counts per level of each dimension: samples ({@code [2l]}) and positives ({@code [2l+1]}). */
    private long[][] perLevel() {
        long[][] c = new long[k][];
        for (int d = 0; d < k; d++) {
            c[d] = new long[2 * sizes[d]];
        }
        return c;
    }
}
