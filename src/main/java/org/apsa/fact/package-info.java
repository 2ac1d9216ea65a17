/**
 * Fact sets, the analyst's input: the knowledge base a rules folder speaks of (its
 * {@code knowledge-base.json}: outlooks, actors and the {@link org.apsa.fact.Vocabulary} of
 * indicators), immutable fact-set records in one vocabulary, the strict reader for
 * {@code .json} and {@code .jsonl} files, and the JSON Schema generated from the vocabulary,
 * which says what a fact set may hold to editors and to the reader alike.
 */
package org.apsa.fact;
