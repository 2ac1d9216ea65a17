/**
 * Loading the rules: every {@code .drl} file of a folder compiled at run time into an
 * immutable {@link org.apsa.rulebase.RuleBase} snapshot, with each rule's metadata
 * ({@code @title}, {@code @source}, {@code @claim}) and compile errors as {@code path:line:col}
 * findings placed at the statement, with their fixes; and {@link org.apsa.rulebase.DrlModel},
 * the rules as Drools' own parser reads them, which every other reader of the rules (checks,
 * catalogue, derivations) takes them from.
 */
package org.apsa.rulebase;
