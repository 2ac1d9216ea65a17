package org.apsa.engine;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FixedPointTest {

    private static final String[] PATTERNS = {"%.4f", "%.2f", "%+.2f"};

    @Test
    void writesWhatStringFormatWritesForTiesSignsAndOddValues() {
        double[] values = {0.0, -0.0, 0.145, 0.555, 1.00005, 0.00005, -0.005, 0.125, 2.5, -1.5, 0.99995, 1e-9, 123456.789,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE};
        for (String pattern : PATTERNS) {
            FixedPoint fixed = new FixedPoint(pattern);
            for (int round = 0; round < 2; round++) {
                for (double v : values) {
                    assertThat(fixed.format(v)).as(pattern + " of " + v).isEqualTo(String.format(Locale.ROOT, pattern, v));
                }
            }
        }
    }

    @Test
    void writesWhatStringFormatWritesBeyondWhatItRemembers() {
        Random random = new Random(3);
        FixedPoint fixed = new FixedPoint("%+.2f");
        for (int i = 0; i < FixedPoint.REMEMBERED + 5_000; i++) {
            double v = (random.nextInt(2_000_001) - 1_000_000) / 1000.0 * (i % 7 == 0 ? 1.0000001 : 1);
            assertThat(fixed.format(v)).isEqualTo(String.format(Locale.ROOT, "%+.2f", v));
            assertThat(fixed.format(v)).isEqualTo(String.format(Locale.ROOT, "%+.2f", v));
        }
    }
}
