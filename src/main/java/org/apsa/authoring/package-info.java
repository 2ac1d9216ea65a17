/**
 * Rule authoring: the checks and reports a rule author runs on {@code rules/} before
 * assessing anything. {@link org.apsa.authoring.Validator} compiles the DRL files with
 * positions Drools alone does not give (the statement of a consequence that does not compile,
 * the errors a parse error would hide) and lints them against the vocabulary, the article and
 * the knowledge model; {@link org.apsa.authoring.RuleTestReport} runs the rule tests;
 * {@link org.apsa.authoring.Coverage} says what the tests exercise;
 * {@link org.apsa.authoring.Catalogue} writes the Markdown catalogue of the rules. Plain
 * Java: the shell's {@code rules} commands only call it and print.
 */
package org.apsa.authoring;
