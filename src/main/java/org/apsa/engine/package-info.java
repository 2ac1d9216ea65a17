/**
 * One assessment: the fact types the rules match and conclude (indicators, judgments,
 * support, scores, evaluation, prescriptions), the session that fires them, and the proof
 * trees read from truth maintenance. The rules decide; this package orchestrates.
 */
package org.apsa.engine;
