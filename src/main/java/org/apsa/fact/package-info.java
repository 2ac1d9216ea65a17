/**
 * Fact sets, the analyst's input: the vocabulary of indicators (defined once, in
 * {@link org.apsa.fact.Vocabulary}), immutable fact-set records, the strict reader for
 * {@code .json} and {@code .jsonl} files, and the JSON Schema generated from the vocabulary.
 */
package org.apsa.fact;
