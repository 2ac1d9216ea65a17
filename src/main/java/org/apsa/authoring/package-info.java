/**
 * Rule authoring: the checks and reports a rule author runs on {@code rules/} before
 * assessing anything. {@link org.apsa.authoring.Validator} reports the compile errors as every
 * load gives them (placed and worded by the rule base) and lints the rules against the
 * vocabulary, the article and the knowledge model; {@link org.apsa.authoring.RuleTestReport}
 * runs the rule tests; {@link org.apsa.authoring.Coverage} says what the tests exercise;
 * {@link org.apsa.authoring.Catalogue} writes the Markdown catalogue of the rules. Plain
 * Java: the shell's {@code rules} commands only call it and print.
 */
package org.apsa.authoring;
