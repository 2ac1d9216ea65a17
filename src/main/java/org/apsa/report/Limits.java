package org.apsa.report;

/**
 * How much of a batch the Markdown and HTML reports show in detail. Counts and shares always
 * cover every fact set, mean scores every one with enough evidence; these caps bound what is listed one by one, so that a
 * batch of a million fact sets gives a report a person can open, and memory stays flat.
 * {@code summary.csv} has no cap: it is written row by row.
 */
final class Limits {

    /** Fact sets listed in the table of fact sets and explained in brief: the first ones in input order. */
    static final int LISTED = 1_000;
    /** Points of the timeline; beyond it, dates are grouped by month, then by year. */
    static final int TIMELINE_POINTS = 400;
    /** Fact sets shown side by side per date in the comparison: the first ones in input order. */
    static final int PER_DATE = 8;
    /** Dates shown in the comparison: the earliest ones shared by two or more fact sets. */
    static final int COMPARED_DATES = 50;
    /**
     * Dates seen only once that the comparison keeps (one fact set each), the earliest ones, in
     * case a later fact set shares them. Beyond it the latest are dropped, and fact sets dated
     * from the last one dropped on are not compared, so that the dates shown are still the
     * earliest shared ones.
     */
    static final int WAITING_DATES = 5_000;

    private Limits() {
    }
}
