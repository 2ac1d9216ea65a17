package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static ReportData sample() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "dove", "2014-12-09", "deep-integration", 0.7, 0.1, 0.1, 0.1, "us.presence.transparency=high"));
        data.add(Rows.row(2, "hawk", "2014-12-09", "polarization", 0.1, 0.1, 0.7, 0.1, "us.presence.transparency=low"));
        data.add(Rows.row(3, "later", "2015-06-01", "chaos", 0.0, 0.0, 0.1, 0.9));
        data.inputs(3, 1, 2);
        return data;
    }

    @Test
    void theReportHasOverviewTimelineWithSparklinesComparisonAndBriefExplanations() {
        String md = MarkdownReport.render(sample());

        assertThat(md).contains("3 fact sets assessed from 3 files; 1 invalid input skipped (2 problems, listed in errors.jsonl).");
        assertThat(md).contains("| deep integration | 1 | 33% |");
        assertThat(md).contains("| 2 | `hawk` | 2014-12-09 | polarization | 0.10 | 0.10 | 0.70 | 0.10 | Make the US presence transparent | +0.125 |");
        assertThat(md).contains("## Timeline", "From 2014-12-09 to 2015-06-01, one character per 7 days: the mean of the fact sets dated in it, or · when there are none.",
                "deep integration                █" + "·".repeat(23) + "▁  0.00–0.40\n", "falling into chaos              ▁" + "·".repeat(23) + "█  0.10–0.90\n");
        assertThat(md).contains("| 2014-12-09 | 2 | 0.40 | 0.10 | 0.40 | 0.10 |");
        assertThat(md).contains("### 2014-12-09 (2 fact sets)", "| `us.presence.transparency` | high | low |", "They agree on 0 indicators.");
        assertThat(md).contains("**polarization** leads (0.70, likely)", "- for +2.00: Containment fears push toward blocs (¶5, 9)");
        assertThat(md).doesNotContain("### 2015-06-01");
    }

    @Test
    void theContentsLinkToEverySectionByTheAnchorGitHubGivesItsHeading() {
        String md = MarkdownReport.render(LargeBatch.data());
        String top = md.substring(0, md.indexOf("\n## "));

        Matcher link = Pattern.compile("(?m)^- \\[([^]]+)]\\(#([^)]+)\\)$").matcher(top);
        Map<String, String> contents = new LinkedHashMap<>();
        while (link.find()) {
            contents.put(link.group(1), link.group(2));
        }
        Map<String, String> anchors = gitHubAnchors(md);

        assertThat(contents.keySet()).containsExactly("Overview", "Timeline", "Where views of the same date differ", "Fact sets",
                "The leader in brief");
        contents.forEach((title, anchor) -> assertThat(anchors).as("the heading #%s links to", anchor).containsEntry(anchor, "## " + title));
    }

    @Test
    void inALargeBatchTheTimelineAndTheComparisonComeBeforeTheThousandRowsOfTheTable() {
        List<String> lines = MarkdownReport.render(LargeBatch.data()).lines().toList();

        int timeline = lines.indexOf("## Timeline");
        int comparison = lines.indexOf("## Where views of the same date differ");
        int table = lines.indexOf("## Fact sets");
        assertThat(timeline).isBetween(0, 60);
        assertThat(comparison).isGreaterThan(timeline).isLessThan(table);
        assertThat(table).isLessThan(lines.indexOf("## The leader in brief"));
        assertThat(lines.subList(timeline, table)).as("the timeline's table says what DI to CH stand for")
                .contains("DI deep integration, SD shared dominance of big powers, PO polarization, CH falling into chaos.");
    }

    /** Every heading by the anchor GitHub gives it: lower case, punctuation dropped, spaces hyphens, and -1, -2... on repeats. */
    private static Map<String, String> gitHubAnchors(String md) {
        Map<String, String> anchors = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : md.lines().toList()) {
            Matcher heading = Pattern.compile("^#{1,6} (.*)$").matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N} _-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.put(n == 1 ? slug : slug + "-" + (n - 1), line);
            }
        }
        return anchors;
    }

    @Test
    void aDateWithMoreFactSetsThanColumnsClaimsNoAgreementThatTheOnesLeftOutBreak() {
        String md = MarkdownReport.render(NineOnOneDate.data());

        assertThat(md).contains("### 2022-01-01 (9 fact sets)", "| `us.presence.transparency` | low | low |",
                "The first 8 of 9 are shown. All 9 agree on 2 indicators; `us.presence.transparency` differs only in the ones not shown.");
        assertThat(md).doesNotContain("They agree on 3 indicators");
    }

    @Test
    void sharedDatesAfterManyDatesSeenOnceAreComparedAndWhatIsLeftOutIsSaid() {
        String md = MarkdownReport.render(ManySingleDates.data());

        assertThat(md).contains("## Where views of the same date differ", "### 1999-01-01 (2 fact sets)", "| `us.presence.transparency` | high | low |",
                "### 2000-01-01 (2 fact sets)",
                "Fact sets dated 2013-09-08 or later are not compared: the report keeps at most 5,000 dates that only one fact set has");
    }

    @Test
    void theTimelineSaysHowManyFactSetsWithInsufficientEvidenceItLeavesOut() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "view", "2015-01-01", "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "thin", "2015-01-01", null, 0.25, 0.25, 0.25, 0.25));

        String md = MarkdownReport.render(data);

        assertThat(md).contains("| 2015-01-01 | 1 | 0.10 | 0.10 | 0.10 | 0.70 |",
                "1 fact set with insufficient evidence is left out too: an even 0.25 for each outlook stands for no evidence, not for a view.");
    }

    @Test
    void theMeanScoresSayHowManyFactSetsWithInsufficientEvidenceTheyLeaveOut() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "view", null, "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "thin", null, null, 0.25, 0.25, 0.25, 0.25));
        data.add(Rows.row(3, "thinner", null, null, 0.25, 0.25, 0.25, 0.25));

        assertThat(MarkdownReport.render(data)).contains("Mean scores: deep integration 0.10, shared dominance of big powers 0.10, "
                + "polarization 0.10, falling into chaos 0.70. 2 fact sets with insufficient evidence are left out: "
                + "an even 0.25 for each outlook stands for no evidence, not for a view.");
    }

    @Test
    void withoutAnyFactSetWithEnoughEvidenceThereAreNoMeanScores() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "thin", null, null, 0.25, 0.25, 0.25, 0.25));

        assertThat(MarkdownReport.render(data)).contains("No mean scores: no fact set has enough evidence.").doesNotContain("Mean scores:");
    }

    @Test
    void aTitleIsShownLiterallyWhateverMarkdownItHolds() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.titled(Rows.row(1, "odd", null, "chaos", 0.1, 0.1, 0.1, 0.7),
                "a|b *star* _u_ `tick` [x](http://e.com) ![i](y.png) &lt; <b> ~~s~~ \\ line\nbreak\u001b[31mred\u0007"));

        String md = MarkdownReport.render(data);

        assertThat(md).contains("### a\\|b \\*star\\* \\_u\\_ \\`tick\\` \\[x\\](http://e.com) \\!\\[i\\](y.png) \\&lt; &lt;b> "
                + "\\~\\~s\\~\\~ \\\\ line break\uFFFD\\[31mred\uFFFD\n");
    }

    @Test
    void withoutDatesThereIsNoTimelineOrComparison() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "undated", null, null, 0.25, 0.25, 0.25, 0.25));

        String md = MarkdownReport.render(data);

        assertThat(md).contains("## Overview", "insufficient evidence").doesNotContain("## Timeline", "## Where views", "(#timeline)",
                "(#where-views");
    }
}
