/**
 * Batch evaluation: many fact sets (files, folders, {@code .jsonl}) read as a stream,
 * assessed in parallel with bounded memory, written in input order so that the output is
 * the same bytes whatever the number of threads, every output file replaced atomically.
 * Plain Java: the command line, tests and benchmarks use it alike.
 */
package org.apsa.batch;
