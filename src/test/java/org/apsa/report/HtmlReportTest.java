package org.apsa.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What report.html makes of free text: escaped, isolated in its direction, and able to wrap. */
class HtmlReportTest {

    @Test
    void aTitleIsEscapedIsolatedInItsDirectionAndRidOfControlCharacters() {
        ReportData data = new ReportData();
        data.add(Rows.titled(Rows.row(1, "odd", "2016-01-01", "deep-integration", 0.58, 0.2, 0.1, 0.12),
                "<script>alert('x')</script> & \u202eRTL\u001b[31m"));

        String html = HtmlReport.render(data);

        // The right-to-left override stays inside <bdi>, so the id, date and score after it read as written.
        assertThat(html).contains("<strong><bdi>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \u202eRTL\uFFFD[31m</bdi></strong> "
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
    void longIdsAndTitlesWrapRatherThanWidenThePage() {
        String html = HtmlReport.render(new ReportData());

        assertThat(html).contains("td.id,.brief{overflow-wrap:anywhere}").doesNotContain("td.id{white-space:nowrap}");
    }
}
