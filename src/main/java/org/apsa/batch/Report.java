package org.apsa.batch;

import org.apsa.report.HtmlReport;
import org.apsa.report.MarkdownReport;
import org.apsa.report.SummaryCsv;

/** The reports a batch can write beside {@code assessments.jsonl} and {@code errors.jsonl}. */
public enum Report {
    CSV("summary.csv", SummaryCsv.BEGINNING),
    MARKDOWN("report.md", MarkdownReport.FIRST_LINE),
    HTML("report.html", HtmlReport.BEGINNING);

    private final String file;
    private final String mark;

    Report(String file, String mark) {
        this.file = file;
        this.mark = mark;
    }

    /** How such a report begins: how a batch tells its own report from a file of the same name. */
    String mark() {
        return mark;
    }

    /** The file's name in the output folder. */
    public String file() {
        return file;
    }
}
