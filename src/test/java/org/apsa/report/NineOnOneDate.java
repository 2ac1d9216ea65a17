package org.apsa.report;

import org.apsa.fact.KnowledgeBase;

/**
 * Nine fact sets of one date, one more than the comparison shows side by side, stating the
 * same three indicators, except that the ninth, the one left out of the table, sees the US
 * presence as transparent.
 */
final class NineOnOneDate {

    private NineOnOneDate() {
    }

    static ReportData data() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        for (int i = 1; i <= 9; i++) {
            data.add(Rows.row(i, "v" + i, "2022-01-01", "polarization", 0.1, 0.1, 0.7, 0.1,
                    "us.presence.transparency=" + (i == 9 ? "high" : "low"), "us.disputes.neutrality=low", "china.militaryGrowth=high"));
        }
        return data;
    }
}
