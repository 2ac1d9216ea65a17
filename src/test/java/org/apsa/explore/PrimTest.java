package org.apsa.explore;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** PRIM on made-up samples with a planted box: it finds the box and no restriction of noise. */
class PrimTest {

    @Test
    void findsAPlantedBoxAndRestrictsNothingElse() {
        int n = 6_000;
        int[] sizes = {3, 4, 3, 2};
        byte[] x = new byte[n * sizes.length];
        boolean[] y = new boolean[n];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < sizes.length; d++) {
                x[i * sizes.length + d] = (byte) random.nextInt(sizes[d]);
            }
            boolean planted = x[i * sizes.length] == 2 && x[i * sizes.length + 1] >= 2;
            // The outcome is frequent in the box and rare outside it.
            y[i] = random.nextDouble() < (planted ? 0.9 : 0.05);
        }
        List<Prim.Found> boxes = new Prim(x, n, sizes).boxes(y, 3);

        assertThat(boxes).isNotEmpty();
        Prim.Box top = boxes.get(0).box();
        assertThat(top.lo()).containsExactly(2, 2, 0, 0);
        assertThat(top.hi()).containsExactly(2, 3, 2, 1);
    }

    @Test
    void anOutcomeThatNeverOrAlwaysHappensHasNoBox() {
        byte[] x = new byte[100];
        assertThat(new Prim(x, 100, new int[] {3}).boxes(new boolean[100], 3)).isEmpty();
        boolean[] always = new boolean[100];
        java.util.Arrays.fill(always, true);
        assertThat(new Prim(x, 100, new int[] {3}).boxes(always, 3)).isEmpty();
    }

    @Test
    void theQuasiPValueIsSmallOnlyForADensityWellAboveTheBase() {
        assertThat(Prim.quasiP(100, 90, 0.5)).isLessThan(1e-10);
        assertThat(Prim.quasiP(100, 52, 0.5)).isGreaterThan(0.3);
    }
}
