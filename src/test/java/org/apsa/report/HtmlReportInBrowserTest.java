package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.apsa.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report in a real browser (Debian's headless {@code chromium}, which {@code .ci/run}
 * installs): it renders, the DOM holds the timeline chart and the overview table, and a
 * screenshot lands in {@code target/browser/report.png} for a person to look at.
 */
class HtmlReportInBrowserTest {

    @TempDir
    Path profiles;

    @Test
    void theReportRendersWithItsChartAndOverviewTable() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.onThePathOrSkip(profiles);
        Path html = HeadlessChromium.writePage("report.html", HtmlReport.render(sample()));

        String dom = chromium.dumpDom(html);
        Path png = chromium.screenshot(html, "report.png");

        assertThat(dom).contains("<svg id=\"timeline-chart\"", "<table id=\"fact-set-table\">", "<table id=\"leading\">",
                "<nav class=\"contents\"");
        assertThat(dom.split("<polyline", -1)).as("one line per outlook").hasSize(5);
        assertThat(dom).contains("Where views of the same date differ", "The leader in brief");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank page compresses to a few kilobytes").isGreaterThan(20_000);
    }

    /** Three analysts over two years, two of them on the same days. */
    static ReportData sample() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate start = LocalDate.of(2014, 12, 9);
        long n = 0;
        for (int month = 0; month < 24; month += 3) {
            String date = start.plusMonths(month).toString();
            double drift = month / 24.0;
            data.add(Rows.row(++n, "dove-" + month, date, "deep-integration", 0.55 - 0.2 * drift, 0.15, 0.2 + 0.1 * drift, 0.1 + 0.1 * drift,
                    "us.presence.transparency=high", "mechanism.eastAsiaSummit=high"));
            data.add(Rows.row(++n, "hawk-" + month, date, "polarization", 0.15, 0.1, 0.6 + 0.1 * drift, 0.15 - 0.1 * drift,
                    "us.presence.transparency=low", "usChina.strategicDistrust=high"));
        }
        data.add(Rows.row(++n, "undated", null, null, 0.25, 0.25, 0.25, 0.25));
        data.inputs(3, 0, 0);
        return data;
    }
}
