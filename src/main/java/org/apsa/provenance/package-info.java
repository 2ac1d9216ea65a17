/**
 * Where an output comes from: the tool's version, the rules it used (their folder and
 * fingerprint) and when it was made. Reports and a batch's {@code run.json} say it, and
 * {@code assess --format json} all but the time; lines of {@code assessments.jsonl} do not, so
 * that they stay the same bytes from run to run.
 */
package org.apsa.provenance;
