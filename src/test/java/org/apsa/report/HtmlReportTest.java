package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What report.html makes of free text: escaped, isolated in its direction, and able to wrap. */
class HtmlReportTest {

    @Test
    void aTitleIsEscapedIsolatedInItsDirectionAndRidOfControlCharacters() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.titled(Rows.row(1, "odd", "2016-01-01", "deep-integration", 0.58, 0.2, 0.1, 0.12),
                "<script>alert('x')</script> & \u202eRTL\u001b[31m"));

        String html = HtmlReport.render(data);

        // The right-to-left override stays inside <bdi>, so the id, date and score after it read as written.
        assertThat(html).contains("<strong><bdi>&lt;script&gt;alert('x')&lt;/script&gt; &amp; \u202eRTL\uFFFD[31m</bdi></strong> "
                + "<code>odd</code>, as of 2016-01-01: <strong>deep integration</strong> leads (0.58,");
        assertThat(html).doesNotContain("<script>", "\u001b");
    }

    @Test
    void aDateWithMoreFactSetsThanColumnsClaimsNoAgreementThatTheOnesLeftOutBreak() {
        String html = HtmlReport.render(NineOnOneDate.data());

        assertThat(html).contains("<tr><th><code>us.presence.transparency</code></th><td>low</td>",
                "<p class=\"note\">The first 8 of 9 are shown. All 9 agree on 2 indicators; <code>us.presence.transparency</code> "
                        + "differs only in the ones not shown.</p>");
        assertThat(html).doesNotContain("They agree on 3 indicators");
    }

    @Test
    void theMeanScoresLeaveOutFactSetsWithInsufficientEvidenceAndSaySo() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "view", null, "chaos", 0.1, 0.1, 0.1, 0.7));
        data.add(Rows.row(2, "thin", null, null, 0.25, 0.25, 0.25, 0.25));

        assertThat(HtmlReport.render(data)).contains("<p>Mean scores: deep integration 0.10, shared dominance of big powers 0.10, "
                + "polarization 0.10, falling into chaos 0.70. 1 fact set with insufficient evidence is left out: ");
    }

    @Test
    void theContentsLinkToEachSectionsHeadingInTheOrderTheyCome() {
        String html = HtmlReport.render(LargeBatch.data());
        assertThat(html).contains("<nav class=\"contents\" aria-label=\"Contents\"><ul><li><a href=\"#overview\">Overview</a></li>");
        String nav = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));

        Matcher link = Pattern.compile("<a href=\"#([a-z-]+)\">([^<]+)</a>").matcher(nav);
        List<String> linked = new ArrayList<>();
        while (link.find()) {
            assertThat(html.split("id=\"" + link.group(1) + "\"", -1)).as("one element has the id %s", link.group(1)).hasSize(2);
            assertThat(html).contains("<h2 id=\"" + link.group(1) + "\">" + link.group(2) + "</h2>");
            linked.add(link.group(2));
        }
        Matcher heading = Pattern.compile("<h2[^>]*>([^<]+)</h2>").matcher(html);
        List<String> headings = new ArrayList<>();
        while (heading.find()) {
            headings.add(heading.group(1));
        }

        assertThat(linked).containsExactlyElementsOf(headings)
                .containsExactly("Overview", "Timeline", "Where views of the same date differ", "Fact sets", "The leader in brief");
        assertThat(html.indexOf("<svg id=\"timeline-chart\"")).isLessThan(html.indexOf("<table id=\"fact-set-table\">"));
    }

    @Test
    void timeAxisLabelsDoNotRunIntoEachOtherWhenDatesBunchUp() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 40; i++) {
            data.add(Rows.row(i + 1, "d" + i, day.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        }
        data.add(Rows.row(41, "late", "2026-06-01", "chaos", 0.1, 0.1, 0.1, 0.7));

        List<double[]> labels = axisLabels(HtmlReport.render(data));

        assertThat(labels).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i)[0]).as("label %d starts after label %d ends", i, i - 1).isGreaterThan(labels.get(i - 1)[1]);
        }
    }

    @Test
    void evenlySpreadDatesGetSeveralTimeAxisLabels() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 100; i++) {
            data.add(Rows.row(i + 1, "d" + i, day.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        }

        assertThat(axisLabels(HtmlReport.render(data))).hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * The extents of the time axis's labels, left to right, from where they are anchored,
     * taking a character at the axis's 12px to be at least 6px wide.
     */
    private static List<double[]> axisLabels(String html) {
        Matcher m = Pattern.compile("<text x=\"([0-9.]+)\" y=\"298\" font-size=\"12\" text-anchor=\"(\\w+)\" fill=\"#5a6272\">([0-9-]+)</text>")
                .matcher(html);
        List<double[]> labels = new ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double width = 6.0 * m.group(3).length();
            double from = switch (m.group(2)) {
                case "start" -> x;
                case "end" -> x - width;
                default -> x - width / 2;
            };
            labels.add(new double[] {from, from + width});
        }
        return labels;
    }

    @Test
    void eachOutlooksLineHasItsOwnDashAndMarkerInTheChartAndTheLegendNotOnlyItsColour() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        data.add(Rows.row(1, "a", "2014-12-09", "chaos", 0.1, 0.2, 0.3, 0.4));
        data.add(Rows.row(2, "b", "2015-12-09", "chaos", 0.1, 0.2, 0.3, 0.4));

        String html = HtmlReport.render(data);

        Matcher lines = Pattern.compile("<g class=\"outlook\" data-outlook=\"[a-z-]+\"><polyline fill=\"none\" stroke-width=\"2.5\" "
                + "stroke=\"(#[0-9A-F]{6})\" stroke-dasharray=\"([^\"]+)\" points=\"[^\"]+\"/><(\\w+)[^>]*?( d=\"[^\"]*\")?").matcher(html);
        Set<String> colours = new HashSet<>();
        Set<String> dashes = new HashSet<>();
        Set<String> markers = new HashSet<>();
        while (lines.find()) {
            colours.add(lines.group(1));
            dashes.add(lines.group(2));
            // A marker's shape: its element, and for a path its number of corners.
            markers.add(lines.group(3) + (lines.group(4) == null ? "" : lines.group(4).split("L", -1).length));
            assertThat(html.substring(html.indexOf("<div class=\"legend\">")))
                    .as("the legend draws the line as the chart does").contains("stroke=\"" + lines.group(1) + "\" stroke-dasharray=\"" + lines.group(2) + "\"");
        }
        assertThat(colours).as("Okabe–Ito").hasSize(4).isSubsetOf("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000");
        assertThat(dashes).hasSize(4);
        assertThat(markers).hasSize(4);
    }

    @Test
    void thePageBeginsWithTheMarkABatchKnowsItsOwnReportBy() {
        assertThat(HtmlReport.render(new ReportData(KnowledgeBase.embedded()))).startsWith(HtmlReport.BEGINNING + "\n<style>\n");
        assertThat(HtmlReport.render(LargeBatch.data())).startsWith(HtmlReport.BEGINNING);
    }

    @Test
    void longIdsAndTitlesWrapRatherThanWidenThePage() {
        String html = HtmlReport.render(new ReportData(KnowledgeBase.embedded()));

        assertThat(html).contains("td.id,.brief{overflow-wrap:anywhere}", "td.id{min-width:18ch}").doesNotContain("td.id{white-space:nowrap}");
    }
}
