package org.apsa.report;

import org.apsa.engine.Assessment;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.apsa.fact.PlainText.count;

/** What the Markdown and HTML reports (and a batch's summary) say alike, so that they never disagree. */
public final class Shared {

    static final String TITLE = "APSA batch report";

    private Shared() {
    }

    /**
     * The reports' sections, in the order they come: what the batch says as a whole (the
     * overview, the timeline, where views differ) before what it says fact set by fact set
     * (the table, the briefs), which in a large batch runs to a thousand entries each.
     */
    enum Section {
        OVERVIEW("Overview"),
        TIMELINE("Timeline"),
        COMPARISON("Where views of the same date differ"),
        FACT_SETS("Fact sets"),
        BRIEFS("The leader in brief");

        final String title;

        Section(String title) {
            this.title = title;
        }

        /**
         * The heading's anchor as GitHub makes it (lower case, punctuation dropped, a space a
         * hyphen), so that report.md's contents link on GitHub; report.html uses it as the
         * heading's id, so that a link to a section works in both reports.
         */
        String anchor() {
            return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        }
    }

    /**
     * The sections a report has, in order: the overview always, the others when they have
     * something to show. Both reports draw their contents and their sections from it, so that
     * a contents entry never points at a section that is not there.
     */
    static List<Section> sections(ReportData data) {
        List<Section> sections = new ArrayList<>(List.of(Section.OVERVIEW));
        if (!data.timeline().isEmpty() || data.timelineLeftOut() > 0) {
            sections.add(Section.TIMELINE);
        }
        if (!data.sameDates().isEmpty() || !comparisonLeftOut(data).isEmpty()) {
            sections.add(Section.COMPARISON);
        }
        if (!data.listed().isEmpty()) {
            sections.add(Section.FACT_SETS);
            sections.add(Section.BRIEFS);
        }
        return sections;
    }

    public static String outlookTitle(KnowledgeBase kb, String id) {
        return id == null || id.equals(Assessment.INSUFFICIENT_EVIDENCE) ? "insufficient evidence" : kb.outlookTitle(id);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    static String gain(Double gain) {
        return gain == null ? "" : String.format(Locale.ROOT, "%+.3f", gain);
    }

    static String counts(ReportData data) {
        StringBuilder out = new StringBuilder();
        out.append(count(data.assessed(), "fact set")).append(" assessed from ").append(count(data.files(), "file"));
        if (data.invalidInputs() > 0) {
            out.append("; ").append(count(data.invalidInputs(), "invalid input")).append(" skipped (")
                    .append(count(data.problems(), "problem")).append(", listed in errors.jsonl)");
        }
        return out.append('.').toString();
    }

    /** What the overview lists, when it does not list everything. */
    static String listedNote(ReportData data) {
        return data.assessed() > data.listed().size()
                ? "The first " + data.listed().size() + " of " + data.assessed() + " fact sets, in input order; summary.csv and assessments.jsonl have them all."
                : "";
    }

    /**
     * The overview's mean scores, over the fact sets with enough evidence, and how many are
     * left out, as the timeline says it.
     */
    static String meanScores(ReportData data) {
        if (data.withEvidence() == 0) {
            return "No mean scores: no fact set has enough evidence.";
        }
        StringBuilder out = new StringBuilder("Mean scores: ");
        for (Outlook o : data.knowledgeBase().outlooks()) {
            out.append(o.ordinal() == 0 ? "" : ", ").append(o.title()).append(' ').append(score(data.meanScore(o)));
        }
        out.append('.');
        long n = data.assessed() - data.withEvidence();
        return n == 0 ? out.toString() : out.append(' ').append(insufficientLeftOut(n, "")).toString();
    }

    /** What the timeline leaves out besides undated fact sets, as a sentence with a leading space; empty when nothing. */
    static String timelineLeftOut(ReportData data) {
        long n = data.timelineLeftOut();
        return n == 0 ? "" : " " + insufficientLeftOut(n, " too");
    }

    private static String insufficientLeftOut(long n, String too) {
        return count(n, "fact set") + " with insufficient evidence " + (n == 1 ? "is" : "are")
                + " left out" + too + ": an even 0.25 for each outlook stands for no evidence, not for a view.";
    }

    /**
     * What the comparison leaves out of its dates, as a sentence to follow its introduction
     * (with a leading space); empty when it leaves out nothing.
     */
    static String comparisonLeftOut(ReportData data) {
        if (data.comparedUntil() != null) {
            return " Only the " + Limits.COMPARED_DATES + " earliest dates that two or more fact sets share are shown: fact sets dated after "
                    + data.comparedUntil() + " are not compared.";
        }
        if (data.notComparedFrom() != null) {
            return (data.sameDates().isEmpty() ? " No two fact sets dated before " + data.notComparedFrom() + " share a date." : "")
                    + String.format(Locale.ROOT, " Fact sets dated %s or later are not compared: the report keeps at most %,d dates "
                    + "that only one fact set has, the earliest ones, waiting for a second.", data.notComparedFrom(), Limits.WAITING_DATES);
        }
        return "";
    }

    /**
     * What the comparison says under the table of one date, true of all its fact sets, shown
     * or not: how many indicators they agree on and, when some are left out of the table,
     * which indicators differ only among those.
     *
     * @param code how the report sets an indicator id as code
     */
    static String sameDateNote(ReportData.SameDate d, UnaryOperator<String> code) {
        if (d.count() == d.rows().size()) {
            return "They agree on " + count(d.agreeing(), "indicator") + ".";
        }
        StringBuilder out = new StringBuilder("The first ").append(d.rows().size()).append(" of ").append(d.count())
                .append(" are shown. All ").append(d.count()).append(" agree on ").append(count(d.agreeing(), "indicator"));
        List<String> hiddenOnly = d.unshownOnly().stream().map(i -> code.apply(indicatorId(d.rows().get(0).knowledgeBase(), i))).toList();
        if (!hiddenOnly.isEmpty()) {
            out.append("; ").append(String.join(", ", hiddenOnly)).append(hiddenOnly.size() == 1 ? " differs" : " differ")
                    .append(" only in the ones not shown");
        }
        return out.append('.').toString();
    }

    static String indicatorId(KnowledgeBase kb, int i) {
        return kb.vocabulary().indicators().get(i).id();
    }
}
