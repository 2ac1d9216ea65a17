/**
 * Exploration: an ensemble of fact sets drawn around the analyst's own, to say how sure the
 * leader is. A documented sampling model ({@link org.apsa.explore.SamplingModel}) turns each
 * indicator's confidence into a distribution over its levels; Sobol' points shifted at random
 * spread the samples evenly ({@link org.apsa.explore.Design}); each worker moves one live
 * session from sample to sample, firing only the rules that can change the scores
 * ({@link org.apsa.explore.Explorer}). From the samples come the share of each leader, score
 * quantiles, each indicator's share of the variance of each score, and PRIM's boxes of
 * conditions under which an outlook leads, with the rules that fire in them
 * ({@link org.apsa.explore.Prim}). Plain Java; the same seed gives the same result whatever the
 * number of threads.
 */
package org.apsa.explore;
