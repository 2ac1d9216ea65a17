package org.apsa.report;

import org.apsa.engine.Assessment;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;
import org.apsa.provenance.Provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What the Markdown and HTML reports need from a batch, gathered one row at a time in input
 * order: totals over every fact set, and a bounded sample for the detail ({@link Limits}).
 * Its memory is bounded whatever the number of rows.
 */
public final class ReportData {

    /** The mean of the four scores of the fact sets in one period of the timeline. */
    record Point(String period, long count, double[] means) {
    }

    /**
     * Fact sets that share a date: the first ones side by side ({@code count} may exceed the
     * rows kept), and what all {@code count} of them say, shown or not.
     *
     * @param differing  the indicators, in vocabulary order, that they do not all state alike
     * @param unshownOnly those of them that the rows shown all state alike
     * @param agreeing   how many indicators they all state alike (known and equal)
     */
    record SameDate(String date, long count, List<Row> rows, List<Integer> differing, List<Integer> unshownOnly, int agreeing) {
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
        /** The indicators on which the rows kept differ from the first. */
        final BitSet shownDiffer = new BitSet();

        void add(Row row) {
            count++;
            if (rows.isEmpty()) {
                rows.add(row);
                return;
            }
            boolean shown = rows.size() < Limits.PER_DATE;
            byte[] first = rows.get(0).levels();
            for (int i = 0; i < first.length; i++) {
                if (row.levels()[i] != first[i]) {
                    differs.set(i);
                    if (shown) {
                        shownDiffer.set(i);
                    }
                }
            }
            if (shown) {
                rows.add(row);
            }
        }

        SameDate shown(String date) {
            List<Integer> differing = differs.stream().boxed().toList();
            BitSet unshownOnly = (BitSet) differs.clone();
            unshownOnly.andNot(shownDiffer);
            byte[] first = rows.get(0).levels();
            int agreeing = (int) IntStream.range(0, first.length).filter(i -> first[i] >= 0 && !differs.get(i)).count();
            return new SameDate(date, count, List.copyOf(rows), differing, unshownOnly.stream().boxed().toList(), agreeing);
        }
    }

    private static final String INSUFFICIENT = Assessment.INSUFFICIENT_EVIDENCE;

    private long assessed;
    private final Map<String, Long> byLeading = new LinkedHashMap<>();
    /** Fact sets with enough evidence, and the sums of their scores: the overview's mean scores. */
    private long withEvidence;
    private final double[] scoreSums;
    private final KnowledgeBase knowledgeBase;
    private final List<Row> listed = new ArrayList<>();
    /** Period (a date, month or year) to count and score sums. */
    private final TreeMap<String, double[]> timeline = new TreeMap<>();
    private int periodLength = 10;
    private long timelineLeftOut;
    /**
     * The comparison's dates: those shared by two or more fact sets, at most
     * {@link Limits#COMPARED_DATES} of them and the earliest, and the dates seen once before the
     * last of those, at most {@link Limits#WAITING_DATES}, in case a later fact set shares them.
     */
    private final TreeMap<String, DateGroup> byDate = new TreeMap<>();
    /** The dates of {@link #byDate} with two or more fact sets. */
    private final TreeSet<String> shared = new TreeSet<>();
    /** The earliest date from which fact sets are no longer compared, for want of room for dates seen once; null when none. */
    private String waitingCut;
    /** Whether any fact set dated after the last compared date was left out once the comparison had all its dates. */
    private boolean laterLeftOut;
    private long invalidInputs;
    private long problems;
    private long files;
    private Provenance provenance;

    /** The report of a run of rules of this knowledge base: a column, a count and a mean for each of its outlooks. */
    public ReportData(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
        this.scoreSums = new double[knowledgeBase.outlooks().size()];
        for (Outlook o : knowledgeBase.outlooks()) {
            byLeading.put(o.id(), 0L);
        }
        byLeading.put(INSUFFICIENT, 0L);
    }

    /** The domain of the rules that assessed the rows. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public void add(Row row) {
        assessed++;
        byLeading.merge(row.leading() == null ? INSUFFICIENT : row.leading(), 1L, Long::sum);
        // Without enough evidence the four scores are an even 0.25: no view, and averaged in
        // they would pull every mean toward 0.25. The same goes for the timeline below.
        if (!INSUFFICIENT.equals(row.status())) {
            withEvidence++;
            for (Outlook o : knowledgeBase.outlooks()) {
                scoreSums[o.ordinal()] += row.score(o);
            }
        }
        if (listed.size() < Limits.LISTED) {
            listed.add(row);
        }
        if (row.asOf() != null) {
            if (INSUFFICIENT.equals(row.status())) {
                timelineLeftOut++;
            } else {
                addToTimeline(row);
            }
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
        for (Outlook o : knowledgeBase.outlooks()) {
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
        String date = row.asOf();
        if (waitingCut != null && date.compareTo(waitingCut) >= 0) {
            return;
        }
        if (shared.size() == Limits.COMPARED_DATES && date.compareTo(shared.last()) > 0) {
            laterLeftOut = true;
            return;
        }
        DateGroup group = byDate.computeIfAbsent(date, d -> new DateGroup());
        group.add(row);
        if (group.count == 2) {
            shared.add(date);
            if (shared.size() > Limits.COMPARED_DATES) {
                shared.pollLast();
            }
            if (shared.size() == Limits.COMPARED_DATES) {
                // No later date can be among the earliest shared ones any more.
                Map<String, DateGroup> later = byDate.tailMap(shared.last(), false);
                laterLeftOut |= !later.isEmpty();
                later.clear();
            }
        }
        // Too many dates seen once: the latest dates go, and fact sets from the last one gone on
        // are not compared, so that every date shown is one of the earliest shared ones, whole.
        while (byDate.size() - shared.size() > Limits.WAITING_DATES) {
            waitingCut = byDate.pollLastEntry().getKey();
            shared.remove(waitingCut);
        }
    }

    /** Where the results come from, for the reports to say; none when not given. */
    public void provenance(Provenance provenance) {
        this.provenance = provenance;
    }

    /** @return null when not given */
    public Provenance provenance() {
        return provenance;
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

    /** Fact sets with enough evidence: those the mean scores cover. */
    long withEvidence() {
        return withEvidence;
    }

    /** The mean score of an outlook over the fact sets with enough evidence; 0 when there are none. */
    double meanScore(Outlook o) {
        return withEvidence == 0 ? 0 : scoreSums[o.ordinal()] / withEvidence;
    }

    /** The first fact sets in input order, at most {@link Limits#LISTED}. */
    List<Row> listed() {
        return Collections.unmodifiableList(listed);
    }

    /** The timeline's periods in date order; empty when no fact set with enough evidence has a date. */
    List<Point> timeline() {
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

    /** Fact sets with a date left out of the timeline because their evidence was insufficient. */
    long timelineLeftOut() {
        return timelineLeftOut;
    }

    /** "day", "month" or "year": what one timeline point stands for. */
    String period() {
        return periodLength == 10 ? "day" : periodLength == 7 ? "month" : "year";
    }

    /** The earliest dates shared by two or more fact sets, earliest first, at most {@link Limits#COMPARED_DATES}. */
    List<SameDate> sameDates() {
        return shared.stream().map(date -> byDate.get(date).shown(date)).toList();
    }

    /**
     * The last date compared, when the comparison has its {@link Limits#COMPARED_DATES} dates
     * and fact sets dated after it were left out; null otherwise.
     */
    String comparedUntil() {
        return shared.size() == Limits.COMPARED_DATES && (laterLeftOut || waitingCut != null) ? shared.last() : null;
    }

    /**
     * The date from which fact sets are not compared because more than {@link Limits#WAITING_DATES}
     * dates before it had only one fact set; null when that did not happen or {@link #comparedUntil()}
     * says more.
     */
    String notComparedFrom() {
        return comparedUntil() == null ? waitingCut : null;
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
