package org.apsa.report;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;

import java.util.Locale;

/**
 * {@code summary.csv}: one row a fact set, in input order (RFC 4180: comma-separated,
 * fields quoted when they need it, lines ended by CRLF as the RFC asks, so spreadsheets on
 * every platform read it). Scores have four decimals; an empty field is an absent value.
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    /** How a summary begins whatever the knowledge base: how a batch tells its own summary from a file put there by hand. */
    public static final String BEGINNING = "id,asOf,status,leading,";

    /** The header: a score and a likelihood column for each of the knowledge base's outlooks. */
    public static String header(KnowledgeBase kb) {
        StringBuilder out = new StringBuilder(BEGINNING);
        for (Outlook o : kb.outlooks()) {
            out.append(o.id()).append(',').append(o.id()).append(".likelihood,");
        }
        return out.append("topUnmetPrescription,topUnmetGain\r\n").toString();
    }

    public static String line(Row row) {
        StringBuilder out = new StringBuilder();
        out.append(field(row.id())).append(',').append(field(row.asOf())).append(',').append(field(row.status()))
                .append(',').append(field(row.leading()));
        for (Outlook o : row.knowledgeBase().outlooks()) {
            out.append(',').append(String.format(Locale.ROOT, "%.4f", row.score(o))).append(',').append(field(row.likelihood(o)));
        }
        out.append(',').append(field(row.topUnmet() == null ? null : row.topUnmet().id()));
        out.append(',').append(row.topUnmet() == null || row.topUnmet().gain() == null ? ""
                : String.format(Locale.ROOT, "%.4f", row.topUnmet().gain()));
        return out.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
