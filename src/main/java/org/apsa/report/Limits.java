package org.apsa.report;

/**
 * How much of a batch the Markdown and HTML reports show in detail. Counts, shares and mean
 * scores always cover every fact set; these caps bound what is listed one by one, so that a
 * batch of a million fact sets gives a report a person can open, and memory stays flat.
 * {@code summary.csv} has no cap: it is written row by row.
 */
public final class Limits {

    /** Fact sets listed in the overview table and explained in brief: the first ones in input order. */
    public static final int LISTED = 1_000;
    /** Points of the timeline; beyond it, dates are grouped by month, then by year. */
    public static final int TIMELINE_POINTS = 400;
    /** Fact sets kept per date for the comparison. */
    public static final int PER_DATE = 8;
    /** Rows kept in all for the comparison; fact sets met after that are counted, not compared. */
    public static final int COMPARED_ROWS = 5_000;
    /** Dates shown in the comparison: the earliest ones shared by two or more fact sets. */
    public static final int COMPARED_DATES = 50;

    private Limits() {
    }
}
