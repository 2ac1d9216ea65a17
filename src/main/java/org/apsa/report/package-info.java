/**
 * Reports over a batch of assessments: {@code summary.csv} (one row a fact set, streamed),
 * and {@code report.md} / {@code report.html} (contents, overview, timeline of the four
 * outlooks, comparison of fact sets that share a date, table of fact sets, the leader's
 * explanation in brief). Reports keep only small per-record rows, and only a bounded number
 * of them ({@link Limits}), so their memory does not grow with the batch.
 */
package org.apsa.report;
