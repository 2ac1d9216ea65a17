package org.apsa.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCsvTest {

    @Test
    void aRowHasTheFourScoresWithTermsAndTheTopUnmetPrescription() {
        String line = SummaryCsv.line(Rows.row(1, "hawk", "2014-12-09", "polarization", 0.1, 0.1, 0.7, 0.1));

        assertThat(line).isEqualTo("hawk,2014-12-09,assessed,polarization,0.1000,very unlikely,0.1000,very unlikely,"
                + "0.7000,likely,0.1000,very unlikely,us.transparentPresence,0.1250\r\n");
        assertThat(SummaryCsv.header(org.apsa.fact.KnowledgeBase.embedded()).split(",")).hasSize(line.split(",").length);
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        assertThat(SummaryCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(SummaryCsv.field("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(SummaryCsv.field(null)).isEmpty();
    }
}
