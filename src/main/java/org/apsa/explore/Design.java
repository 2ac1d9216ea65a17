package org.apsa.explore;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The points of the design: Sobol' points (Apache Commons Math, Joe and Kuo's direction
 * numbers) shifted at random modulo 1 (a Cranley-Patterson rotation), the shift drawn from a
 * WELL19937c generator seeded with the seed. Sobol' points fill the unit cube more evenly than
 * independent draws, so shares and variances settle with fewer samples; the shift makes the
 * estimates unbiased and lets the seed choose among equally good designs.
 *
 * <p>Point {@code i} depends only on the seed and {@code i}, never on which thread asks for it
 * or what it asked before. Each point has two halves of {@code dimensions} coordinates: the
 * first draws the sample, the second the independent levels that total effects swap in.
 */
final class Design {

    /** Commons Math's Sobol' generator reads direction numbers for this many dimensions. */
    static final int MAX_DIMENSIONS = 1000;

    private final int width;
    private final double[] shift;

    Design(int dimensions, long seed) {
        this.width = Math.max(1, 2 * dimensions);
        if (width > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("at most " + MAX_DIMENSIONS / 2 + " indicators can vary, not " + dimensions);
        }
        RandomGenerator random = new Well19937c(seed);
        this.shift = new double[width];
        for (int d = 0; d < width; d++) {
            shift[d] = random.nextDouble();
        }
    }

    /** A reader of consecutive points, for one thread. */
    Cursor cursor() {
        return new Cursor();
    }

    final class Cursor {

        private final SobolSequenceGenerator sobol = new SobolSequenceGenerator(width);
        private int next = -1;

        /** Point {@code i} (0-based); reading points in order is cheapest. */
        double[] point(int i) {
            // The generator's point 0 is the origin; the design starts at its point 1.
            double[] x = i == next ? sobol.nextVector() : sobol.skipTo(i + 1);
            next = i + 1;
            for (int d = 0; d < width; d++) {
                double u = x[d] + shift[d];
                x[d] = u >= 1 ? u - 1 : u;
            }
            return x;
        }
    }
}
