package org.apsa.explore;

/**
 * The order in which a block's samples are assessed on one live session: from the block's first
 * sample, always on to the nearest sample not yet assessed (fewest indicators at another level,
 * the lowest index among equals). Moving the session costs about the same for each indicator
 * that changes; on the baseline with {@code --vary all} consecutive samples of the design differ
 * in 16 of 28 indicators, neighbours on the route in 8, which halves the work of the rules.
 *
 * <p>The route depends only on the block's samples, so a block is assessed the same way
 * whichever thread runs it. Each sample's levels are packed four bits an indicator, so that the
 * distance of two samples is a few word operations; a scale of more than 16 levels would make
 * some distances short, which changes only how good the route is.
 */
final class Route {

    private static final long LOW_BITS = 0x1111_1111_1111_1111L;
    private static final int PER_WORD = 16;

    private final int k;
    private final int words;
    private final long[] packed;
    private final boolean[] visited;

    /** A route for blocks of at most {@code capacity} samples of {@code k} levels each. */
    Route(int capacity, int k) {
        this.k = k;
        this.words = Math.max(1, (k + PER_WORD - 1) / PER_WORD);
        this.packed = new long[capacity * words];
        this.visited = new boolean[capacity];
    }

    /**
     * Fills {@code order} with the route through {@code size} samples whose levels are
     * {@code levels[j * k .. j * k + k)}.
     */
    void plan(byte[] levels, int size, int[] order) {
        java.util.Arrays.fill(packed, 0, size * words, 0L);
        for (int j = 0; j < size; j++) {
            for (int d = 0; d < k; d++) {
                packed[j * words + d / PER_WORD] |= (long) (levels[j * k + d] & 0xF) << (4 * (d % PER_WORD));
            }
            visited[j] = false;
        }
        int at = 0;
        visited[0] = true;
        order[0] = 0;
        for (int step = 1; step < size; step++) {
            int best = -1;
            int nearest = Integer.MAX_VALUE;
            for (int j = 0; j < size && nearest > 0; j++) {
                if (!visited[j]) {
                    int distance = distance(at, j);
                    if (distance < nearest) {
                        nearest = distance;
                        best = j;
                    }
                }
            }
            visited[best] = true;
            order[step] = best;
            at = best;
        }
    }

    /** The number of indicators at different levels in samples {@code a} and {@code b}. */
    private int distance(int a, int b) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            long x = packed[a * words + w] ^ packed[b * words + w];
            count += Long.bitCount((x | x >>> 1 | x >>> 2 | x >>> 3) & LOW_BITS);
        }
        return count;
    }
}
