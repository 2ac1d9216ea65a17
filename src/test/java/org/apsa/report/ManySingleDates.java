package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import java.time.LocalDate;

/**
 * As many fact sets on dates of their own as the comparison keeps waiting for a second one,
 * from 2000-01-01 on, then two that differ on 1999-01-01 and a second on 2000-01-01: the
 * shared dates come last in input order and first in date order.
 */
final class ManySingleDates {

    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

    private ManySingleDates() {
    }

    static ReportData data() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        int n = 0;
        for (int i = 0; i < Limits.WAITING_DATES; i++) {
            n++;
            data.add(Rows.row(n, "single" + n, FIRST.plusDays(i).toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        }
        data.add(Rows.row(++n, "dove", "1999-01-01", "deep-integration", 0.7, 0.1, 0.1, 0.1, "us.presence.transparency=high"));
        data.add(Rows.row(++n, "hawk", "1999-01-01", "polarization", 0.1, 0.1, 0.7, 0.1, "us.presence.transparency=low"));
        data.add(Rows.row(++n, "second", FIRST.toString(), "chaos", 0.1, 0.1, 0.1, 0.7));
        return data;
    }
}
