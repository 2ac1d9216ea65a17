package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import java.time.LocalDate;

/** 2,000 fact sets, two a day: more than the overview table lists, with a timeline and shared dates. */
final class LargeBatch {

    static final int SIZE = 2_000;

    private LargeBatch() {
    }

    static ReportData data() {
        ReportData data = new ReportData(KnowledgeBase.embedded());
        LocalDate first = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < SIZE; i++) {
            data.add(i % 2 == 0
                    ? Rows.row(i + 1, "dove-" + i, first.plusDays(i / 2).toString(), "deep-integration", 0.55, 0.15, 0.2, 0.1,
                            "us.presence.transparency=high")
                    : Rows.row(i + 1, "hawk-" + i, first.plusDays(i / 2).toString(), "polarization", 0.15, 0.1, 0.6, 0.15,
                            "us.presence.transparency=low"));
        }
        data.inputs(1, 0, 0);
        return data;
    }
}
