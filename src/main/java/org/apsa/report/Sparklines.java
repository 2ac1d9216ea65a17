package org.apsa.report;

import org.apsa.fact.Outlook;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown timeline's text sparklines, one per outlook. A character stands for a stretch
 * of calendar time (a day, 7 days, a month, 3 or 6 months, or whole years, the shortest that
 * fits the timeline into {@link #WIDTH} characters), so that the gaps between dates show:
 * a stretch in which no fact set is dated is {@link #GAP}. A character is the mean of the fact
 * sets dated in its stretch, each fact set counting once, however the timeline grouped them.
 * Each line is scaled from its own lowest to its highest mean, which the report prints beside
 * it: on a fixed 0 to 1 scale the usual spread of a few tenths would be one or two heights.
 */
final class Sparklines {

    /** The longest sparkline. */
    static final int WIDTH = 60;
    /** A stretch of time in which no fact set is dated. */
    static final char GAP = '·';
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();
    /**
     * The narrowest range a line is scaled to, widened about its middle: one step of height then
     * stands for at least 0.01, so a line that barely moves is not drawn from ▁ to █.
     */
    static final double LEAST_RANGE = 0.08;

    private enum Unit { DAY, MONTH, YEAR }

    /** A stretch of time: {@code amount} days, months or years. */
    private record Step(Unit unit, int amount) {

        /**
         * The stretch a day falls in, counted from the first one's: stretches of days start on
         * the first day, stretches of months and years on a multiple of their length (quarters,
         * halves, decades), so that they read as the calendar's.
         */
        int index(LocalDate first, LocalDate day) {
            return switch (unit) {
                case DAY -> (int) ((day.toEpochDay() - first.toEpochDay()) / amount);
                case MONTH -> (months(day) - Math.floorDiv(months(first), amount) * amount) / amount;
                case YEAR -> (day.getYear() - Math.floorDiv(first.getYear(), amount) * amount) / amount;
            };
        }

        private static int months(LocalDate day) {
            return day.getYear() * 12 + day.getMonthValue() - 1;
        }
    }

    /** The steps tried, shortest first; {@code asOf} has a four-digit year, so the longest always fits. */
    private static final List<Step> STEPS = List.of(new Step(Unit.DAY, 1), new Step(Unit.DAY, 7), new Step(Unit.MONTH, 1),
            new Step(Unit.MONTH, 3), new Step(Unit.MONTH, 6), new Step(Unit.YEAR, 1), new Step(Unit.YEAR, 2), new Step(Unit.YEAR, 5),
            new Step(Unit.YEAR, 10), new Step(Unit.YEAR, 20), new Step(Unit.YEAR, 50), new Step(Unit.YEAR, 100), new Step(Unit.YEAR, 200),
            new Step(Unit.YEAR, 500), new Step(Unit.YEAR, 1000));

    private final Step step;
    /** The stretches' means in {@link Outlook} order; null where no fact set is dated. */
    private final double[][] means;
    private final double[] lowest;
    private final double[] highest;

    private Sparklines(Step step, double[][] means) {
        this.step = step;
        this.means = means;
        int outlooks = Arrays.stream(means).filter(java.util.Objects::nonNull).mapToInt(m -> m.length).max().orElse(0);
        lowest = new double[outlooks];
        highest = new double[outlooks];
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        for (double[] m : means) {
            for (int o = 0; m != null && o < outlooks; o++) {
                lowest[o] = Math.min(lowest[o], m[o]);
                highest[o] = Math.max(highest[o], m[o]);
            }
        }
    }

    /**
     * @param points the timeline, in date order, not empty
     * @param period what one point stands for: "day", "month" or "year"; a stretch is never shorter
     */
    static Sparklines of(List<ReportData.Point> points, String period) {
        LocalDate first = ReportData.start(points.get(0).period());
        LocalDate last = ReportData.start(points.get(points.size() - 1).period());
        Unit shortest = switch (period) {
            case "day" -> Unit.DAY;
            case "month" -> Unit.MONTH;
            default -> Unit.YEAR;
        };
        // A step is never shorter than a point: a month's mean is not a day's.
        Step step = STEPS.stream().filter(st -> st.unit().compareTo(shortest) >= 0 && st.index(first, last) < WIDTH)
                .findFirst().orElse(STEPS.get(STEPS.size() - 1));
        int outlooks = points.get(0).means().length;
        int width = step.index(first, last) + 1;
        double[][] sums = new double[width][];
        long[] counts = new long[width];
        for (ReportData.Point p : points) {
            int i = step.index(first, ReportData.start(p.period()));
            if (sums[i] == null) {
                sums[i] = new double[outlooks];
            }
            counts[i] += p.count();
            for (int o = 0; o < outlooks; o++) {
                sums[i][o] += p.means()[o] * p.count();
            }
        }
        for (int i = 0; i < width; i++) {
            for (int o = 0; sums[i] != null && o < outlooks; o++) {
                sums[i][o] /= counts[i];
            }
        }
        return new Sparklines(step, sums);
    }

    /** What one character stands for: "day", "7 days", "month", "3 months", "year", "5 years". */
    String step() {
        String noun = step.unit().name().toLowerCase(Locale.ROOT);
        return step.amount() == 1 ? noun : step.amount() + " " + noun + "s";
    }

    /** The outlook's line, a character per stretch. */
    String line(Outlook outlook) {
        int o = outlook.ordinal();
        double low = lowest[o];
        double high = highest[o];
        if (high - low < LEAST_RANGE) {
            double middle = (low + high) / 2;
            low = Math.max(0, Math.min(1 - LEAST_RANGE, middle - LEAST_RANGE / 2));
            high = low + LEAST_RANGE;
        }
        StringBuilder out = new StringBuilder(means.length);
        for (double[] m : means) {
            if (m == null) {
                out.append(GAP);
            } else {
                // A hair over, so that a mean on a boundary (a flat line's, in the middle) does not
                // fall a height short by a rounding of its last bit.
                int level = (int) Math.floor((m[o] - low) / (high - low) * BARS.length + 1e-9);
                out.append(BARS[Math.max(0, Math.min(BARS.length - 1, level))]);
            }
        }
        return out.toString();
    }

    /** The outlook's lowest mean, drawn ▁ unless the line barely moves. */
    double lowest(Outlook outlook) {
        return lowest[outlook.ordinal()];
    }

    /** The outlook's highest mean, drawn █ unless the line barely moves. */
    double highest(Outlook outlook) {
        return highest[outlook.ordinal()];
    }
}
