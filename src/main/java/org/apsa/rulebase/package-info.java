/**
 * Loading the rules: every {@code .drl} file of a folder compiled at run time into an
 * immutable {@link org.apsa.rulebase.RuleBase} snapshot, with each rule's metadata
 * ({@code @title}, {@code @source}, {@code @claim}) and compile errors as {@code path:line:col}.
 */
package org.apsa.rulebase;
