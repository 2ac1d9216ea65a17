package org.apsa.batch;

/** The reports a batch can write beside {@code assessments.jsonl} and {@code errors.jsonl}. */
public enum Report {
    CSV("summary.csv"),
    MARKDOWN("report.md"),
    HTML("report.html");

    private final String file;

    Report(String file) {
        this.file = file;
    }

    /** The file's name in the output folder. */
    public String file() {
        return file;
    }
}
