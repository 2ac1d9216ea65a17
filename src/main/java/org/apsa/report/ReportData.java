package org.apsa.report;

import org.apsa.engine.Assessment;
import org.apsa.engine.Outlook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Markdown and HTML reports need from a batch, gathered one row at a time in input
 * order: totals over every fact set, and a bounded sample for the detail ({@link Limits}).
 * Its memory is bounded whatever the number of rows.
 */
public final class ReportData {

    /** The mean of the four scores of the fact sets in one period of the timeline. */
    public record Point(String period, long count, double[] means) {
    }

    /**
     * Fact sets that share a date: the first ones side by side ({@code count} may exceed the
     * rows kept), and what all {@code count} of them say, shown or not.
     *
     * @param differing the indicators, in vocabulary order, that they do not all state alike
     * @param agreeing  how many indicators they all state alike (known and equal)
     */
    public record SameDate(String date, long count, List<Row> rows, List<Integer> differing, int agreeing) {
    }

    /**
     * One date of the comparison: its first fact sets, and over all of its fact sets which
     * indicators differ from the first one's, so that what the report says of the date holds
     * for the fact sets it does not show.
     */
    private static final class DateGroup {
        long count;
        final List<Row> rows = new ArrayList<>(2);
        final BitSet differs = new BitSet();

        /** @param keep whether the row may be kept for its column, when the date has room for it */
        void add(Row row, boolean keep) {
            count++;
            if (rows.isEmpty()) {
                rows.add(row);
                return;
            }
            byte[] first = rows.get(0).levels();
            for (int i = 0; i < first.length; i++) {
                if (row.levels()[i] != first[i]) {
                    differs.set(i);
                }
            }
            if (keep && rows.size() < Limits.PER_DATE) {
                rows.add(row);
            }
        }

        SameDate shown(String date) {
            List<Integer> differing = differs.stream().boxed().toList();
            int agreeing = 0;
            byte[] first = rows.get(0).levels();
            for (int i = 0; i < first.length; i++) {
                agreeing += first[i] >= 0 && !differs.get(i) ? 1 : 0;
            }
            return new SameDate(date, count, List.copyOf(rows), differing, agreeing);
        }
    }

    private static final String INSUFFICIENT = Assessment.INSUFFICIENT_EVIDENCE;

    private long assessed;
    private final Map<String, Long> byLeading = new LinkedHashMap<>();
    private final double[] scoreSums = new double[Outlook.values().length];
    private final List<Row> listed = new ArrayList<>();
    /** Period (a date, month or year) to count and score sums. */
    private final TreeMap<String, double[]> timeline = new TreeMap<>();
    private int periodLength = 10;
    private final TreeMap<String, DateGroup> byDate = new TreeMap<>();
    private int comparedRows;
    private long invalidInputs;
    private long problems;
    private long files;

    public ReportData() {
        for (Outlook o : Outlook.values()) {
            byLeading.put(o.id(), 0L);
        }
        byLeading.put(INSUFFICIENT, 0L);
    }

    public void add(Row row) {
        assessed++;
        byLeading.merge(row.leading() == null ? INSUFFICIENT : row.leading(), 1L, Long::sum);
        for (Outlook o : Outlook.values()) {
            scoreSums[o.ordinal()] += row.score(o);
        }
        if (listed.size() < Limits.LISTED) {
            listed.add(row);
        }
        if (row.asOf() != null) {
            addToTimeline(row);
            addToComparison(row);
        }
    }

    public void inputs(long files, long invalidInputs, long problems) {
        this.files = files;
        this.invalidInputs = invalidInputs;
        this.problems = problems;
    }

    private void addToTimeline(Row row) {
        double[] sums = timeline.computeIfAbsent(row.asOf().substring(0, periodLength), k -> new double[1 + scoreSums.length]);
        sums[0]++;
        for (Outlook o : Outlook.values()) {
            sums[1 + o.ordinal()] += row.score(o);
        }
        // Days, then months, then years: a year has four digits, so the timeline stops growing there.
        while (timeline.size() > Limits.TIMELINE_POINTS && periodLength > 4) {
            periodLength = periodLength == 10 ? 7 : 4;
            TreeMap<String, double[]> coarser = new TreeMap<>();
            timeline.forEach((period, s) -> {
                double[] into = coarser.computeIfAbsent(period.substring(0, periodLength), k -> new double[s.length]);
                for (int i = 0; i < s.length; i++) {
                    into[i] += s[i];
                }
            });
            timeline.clear();
            timeline.putAll(coarser);
        }
    }

    private void addToComparison(Row row) {
        DateGroup date = byDate.get(row.asOf());
        if (date == null) {
            if (comparedRows >= Limits.COMPARED_ROWS) {
                return;
            }
            date = new DateGroup();
            byDate.put(row.asOf(), date);
        }
        int kept = date.rows.size();
        date.add(row, comparedRows < Limits.COMPARED_ROWS);
        comparedRows += date.rows.size() - kept;
    }

    public long assessed() {
        return assessed;
    }

    public long files() {
        return files;
    }

    public long invalidInputs() {
        return invalidInputs;
    }

    public long problems() {
        return problems;
    }

    /** Fact sets by leading outlook, in the article's order, then insufficient evidence. */
    public Map<String, Long> byLeading() {
        return Collections.unmodifiableMap(byLeading);
    }

    public double meanScore(Outlook o) {
        return assessed == 0 ? 0 : scoreSums[o.ordinal()] / assessed;
    }

    /** The first fact sets in input order, at most {@link Limits#LISTED}. */
    public List<Row> listed() {
        return Collections.unmodifiableList(listed);
    }

    /** The timeline's periods in date order; empty when no fact set has a date. */
    public List<Point> timeline() {
        List<Point> points = new ArrayList<>();
        timeline.forEach((period, s) -> {
            double[] means = new double[s.length - 1];
            for (int i = 0; i < means.length; i++) {
                means[i] = s[1 + i] / s[0];
            }
            points.add(new Point(period, (long) s[0], means));
        });
        return points;
    }

    /** "day", "month" or "year": what one timeline point stands for. */
    public String period() {
        return periodLength == 10 ? "day" : periodLength == 7 ? "month" : "year";
    }

    /** Dates shared by two or more of the fact sets kept, earliest first, at most {@link Limits#COMPARED_DATES}. */
    public List<SameDate> sameDates() {
        List<SameDate> shared = new ArrayList<>();
        for (Map.Entry<String, DateGroup> e : byDate.entrySet()) {
            if (e.getValue().count >= 2 && shared.size() < Limits.COMPARED_DATES) {
                shared.add(e.getValue().shown(e.getKey()));
            }
        }
        return shared;
    }

    /** Whether the comparison had to leave fact sets out. */
    public boolean comparisonTruncated() {
        if (comparedRows >= Limits.COMPARED_ROWS) {
            return true;
        }
        long shared = byDate.values().stream().filter(d -> d.count >= 2).count();
        return shared > Limits.COMPARED_DATES || byDate.values().stream().anyMatch(d -> d.count > Limits.PER_DATE);
    }

    /** The day a period starts, for placing it on a time axis. */
    static LocalDate start(String period) {
        return LocalDate.parse(switch (period.length()) {
            case 4 -> period + "-01-01";
            case 7 -> period + "-01";
            default -> period;
        });
    }
}
