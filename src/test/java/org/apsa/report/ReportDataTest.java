package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportDataTest {

    @Test
    void countsAndMeansCoverEveryRowWhileTheListStopsAtTheCap() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        for (int i = 1; i <= Limits.LISTED + 500; i++) {
            data.add(i % 2 == 0 ? Rows.row(i, "v" + i, null, "polarization", i > Limits.LISTED ? 0.1 : 0.2, 0.1, 0.6, 0.1)
                    : Rows.row(i, "v" + i, null, null, 0.25, 0.25, 0.25, 0.25));
        }

        assertThat(data.assessed()).isEqualTo(Limits.LISTED + 500);
        assertThat(data.listed()).hasSize(Limits.LISTED);
        assertThat(data.byLeading()).containsEntry("polarization", 750L).containsEntry("insufficient-evidence", 750L);
        assertThat(data.withEvidence()).isEqualTo(750);
        // 500 of the 750 with a leader are listed (0.2), 250 are not (0.1).
        assertThat(data.meanScore(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).isCloseTo((500 * 0.2 + 250 * 0.1) / 750, within(1e-9));
        assertThat(data.timeline()).isEmpty();
    }

    @Test
    void theMeanScoresLeaveOutFactSetsWithInsufficientEvidenceAsTheTimelineDoes() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "view", "2015-01-01", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "thin", "2015-01-01", null, 0.25, 0.25, 0.25, 0.25));
        data.add(Rows.row(3, "undated-thin", null, null, 0.25, 0.25, 0.25, 0.25));

        assertThat(data.withEvidence()).isEqualTo(1);
        assertThat(data.meanScore(org.apsa.fact.KnowledgeBase.embedded().outlook("chaos").orElseThrow())).isCloseTo(0.7, within(1e-9))
                .isCloseTo(data.timeline().get(0).means()[org.apsa.fact.KnowledgeBase.embedded().outlook("chaos").orElseThrow().ordinal()], within(1e-9));
    }

    @Test
    void theTimelineAveragesEachDayInDateOrder() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "b", "2015-01-01", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "a", "2014-12-09", "polarization", 0.2, 0.2, 0.4, 0.2));
        data.add(Rows.row(3, "c", "2015-01-01", "chaos", 0.3, 0.1, 0.1, 0.5));

        assertThat(data.timeline()).extracting(ReportData.Point::period).containsExactly("2014-12-09", "2015-01-01");
        assertThat(data.timeline().get(1).count()).isEqualTo(2);
        assertThat(data.timeline().get(1).means()[0]).isCloseTo(0.2, within(1e-9));
        assertThat(data.period()).isEqualTo("day");
    }

    @Test
    void theTimelineLeavesOutFactSetsWithInsufficientEvidence() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "view", "2015-01-01", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "thin", "2015-01-01", null, 0.25, 0.25, 0.25, 0.25));
        data.add(Rows.row(3, "thinner", "2016-01-01", null, 0.25, 0.25, 0.25, 0.25));

        assertThat(data.timeline()).singleElement().satisfies(p -> {
            assertThat(p.count()).isEqualTo(1);
            assertThat(p.means()[org.apsa.fact.KnowledgeBase.embedded().outlook("chaos").orElseThrow().ordinal()]).isCloseTo(0.7, within(1e-9));
        });
        assertThat(data.timelineLeftOut()).isEqualTo(2);
        assertThat(data.sameDates()).as("the comparison still shows them").singleElement()
                .satisfies(d -> assertThat(d.rows()).extracting(Row::id).containsExactly("view", "thin"));
    }

    @Test
    void manyDatesAreGroupedByMonthThenYearSoTheTimelineStaysSmall() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            data.add(Rows.row(i, "v" + i, day.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        }

        assertThat(data.period()).isEqualTo("year");
        assertThat(data.timeline()).hasSizeLessThanOrEqualTo(Limits.TIMELINE_POINTS);
        assertThat(data.timeline().stream().mapToLong(ReportData.Point::count).sum()).isEqualTo(20_000);
    }

    @Test
    void fact_setsThatShareADateAreComparedAndSinglesAreNot() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "alone", "2014-01-01", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "dove", "2014-12-09", "deep-integration", 0.7, 0.1, 0.1, 0.1, "us.presence.transparency=high"));
        data.add(Rows.row(3, "hawk", "2014-12-09", "polarization", 0.1, 0.1, 0.7, 0.1, "us.presence.transparency=low"));

        assertThat(data.sameDates()).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo("2014-12-09");
            assertThat(d.rows()).extracting(Row::id).containsExactly("dove", "hawk");
            assertThat(d.differing()).extracting(i -> Shared.indicatorId(org.apsa.fact.KnowledgeBase.embedded(), i)).containsExactly("us.presence.transparency");
            assertThat(d.agreeing()).isZero();
        });
    }

    @Test
    void aDateWithMoreFactSetsThanColumnsIsComparedOverAllOfThem() {
        ReportData data = NineOnOneDate.data();

        assertThat(data.sameDates()).singleElement().satisfies(d -> {
            assertThat(d.count()).isEqualTo(9);
            assertThat(d.rows()).hasSize(Limits.PER_DATE);
            assertThat(d.differing()).extracting(i -> Shared.indicatorId(org.apsa.fact.KnowledgeBase.embedded(), i)).containsExactly("us.presence.transparency");
            assertThat(d.agreeing()).isEqualTo(2);
        });
    }

    @Test
    void theEarliestSharedDatesAreComparedWhateverOrderTheyComeIn() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate day = LocalDate.of(2010, 1, 1);
        int number = 0;
        for (int i = Limits.COMPARED_DATES + 9; i >= 0; i--) {
            for (int k = 0; k < 2; k++) {
                data.add(Rows.row(++number, "v" + number, day.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
            }
        }

        assertThat(data.sameDates()).extracting(ReportData.SameDate::date)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, Limits.COMPARED_DATES).mapToObj(i -> day.plusDays(i).toString()).toList());
        assertThat(data.comparedUntil()).isEqualTo(day.plusDays(Limits.COMPARED_DATES - 1).toString());
        assertThat(data.notComparedFrom()).isNull();
    }

    @Test
    void datesSeenOnceDoNotCrowdOutEarlierSharedDates() {
        ReportData data = ManySingleDates.data();

        assertThat(data.sameDates()).extracting(ReportData.SameDate::date).containsExactly("1999-01-01", "2000-01-01");
        assertThat(data.sameDates().get(0).differing()).extracting(i -> Shared.indicatorId(org.apsa.fact.KnowledgeBase.embedded(), i)).containsExactly("us.presence.transparency");
        // The first fact set of 1999-01-01 was one date too many waiting for a second: the latest went.
        assertThat(data.notComparedFrom()).isEqualTo(ManySingleDates.FIRST.plusDays(Limits.WAITING_DATES - 1).toString());
        assertThat(data.comparedUntil()).isNull();
    }

    @Test
    void nothingIsLeftOutOfTheComparisonWhenEveryDateFits() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "a", "2014-12-09", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "b", "2014-12-09", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(3, "c", "2015-12-09", "chaos", 0.1, 0.1, 0.1, 0.7));

        assertThat(data.comparedUntil()).isNull();
        assertThat(data.notComparedFrom()).isNull();
        assertThat(Shared.comparisonLeftOut(data)).isEmpty();
    }
}
