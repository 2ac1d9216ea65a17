package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SparklinesTest {

    private static Sparklines of(ReportData data) {
        return Sparklines.of(data.timeline(), data.period());
    }

    @Test
    void datesArePlacedByTimeWithAGapWhereNoFactSetIsDated() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "baseline", "2014-12-09", "polarization", 0.19, 0.14, 0.51, 0.17));
        data.add(Rows.row(2, "analysts", "2015-06-15", "polarization", 0.32, 0.12, 0.37, 0.19));
        data.add(Rows.row(3, "crisis", "2017-09-15", "chaos", 0.10, 0.15, 0.29, 0.45));

        Sparklines lines = of(data);

        // 2014-12 is the first month, 2015-06 the seventh, 2017-09 the thirty-fourth.
        assertThat(lines.step()).isEqualTo("month");
        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("polarization").orElseThrow())).isEqualTo("█" + "·".repeat(5) + "▃" + "·".repeat(26) + "▁");
    }

    @Test
    void aCharacterIsTheMeanOfTheFactSetsInItsStretchEachCountingOnce() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "low", "2020-01-01", "chaos", 0.0, 0.1, 0.1, 0.8));
        // Two days in one stretch of 7: one fact set at 0.15 and three at 0.55 make 0.45, not the days' 0.35.
        data.add(Rows.row(2, "one", "2020-03-02", "chaos", 0.15, 0.1, 0.1, 0.65));
        for (int i = 0; i < 3; i++) {
            data.add(Rows.row(3 + i, "three" + i, "2020-03-03", "deep-integration", 0.55, 0.1, 0.1, 0.25));
        }
        data.add(Rows.row(6, "high", "2020-12-31", "deep-integration", 0.8, 0.1, 0.1, 0.0));

        Sparklines lines = of(data);

        assertThat(lines.step()).isEqualTo("7 days");
        // 0.45 on a scale of 0 to 0.8 is the fifth of eight heights; 0.35 would be the fourth.
        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).startsWith("▁").endsWith("█").contains("▅").doesNotContain("▄");
    }

    @Test
    void eachLineIsScaledFromItsLowestToItsHighestMean() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        double[] di = {0.15, 0.26, 0.35, 0.21};
        for (int i = 0; i < di.length; i++) {
            data.add(Rows.row(i + 1, "v" + i, "2020-01-0" + (i + 1), "chaos", di[i], 0.1, 0.1, 0.9 - di[i]));
        }

        Sparklines lines = of(data);

        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).isEqualTo("▁▅█▃");
        assertThat(lines.lowest(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).isCloseTo(0.15, within(1e-9));
        assertThat(lines.highest(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).isCloseTo(0.35, within(1e-9));
    }

    @Test
    void aLineThatBarelyMovesIsNotDrawnFromBottomToTop() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "a", "2020-01-01", "chaos", 0.25, 0.1, 0.1, 0.55));
        data.add(Rows.row(2, "b", "2020-01-02", "chaos", 0.26, 0.1, 0.1, 0.54));

        Sparklines lines = of(data);

        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("deep-integration").orElseThrow())).isEqualTo("▄▅");
        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("shared-dominance").orElseThrow())).as("a flat line").isEqualTo("▅▅");
    }

    @Test
    void noSparklineIsWiderThanItsLimitAndAStepIsNeverShorterThanAPoint() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            data.add(Rows.row(i, "v" + i, day.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        }

        Sparklines lines = of(data);

        assertThat(data.period()).isEqualTo("year");
        assertThat(lines.step()).isEqualTo("year");
        assertThat(lines.line(org.apsa.fact.KnowledgeBase.embedded().outlook("chaos").orElseThrow())).hasSize(55).doesNotContain("·");
    }
}
