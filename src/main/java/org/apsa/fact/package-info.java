/**
 * Fact sets, the analyst's input: the vocabulary of indicators (defined once, in
 * {@link org.apsa.fact.Vocabulary}), immutable fact-set records, the strict reader for
 * {@code .json} and {@code .jsonl} files, and the JSON Schema generated from the vocabulary,
 * which says what a fact set may hold to editors and to the reader alike.
 */
package org.apsa.fact;
