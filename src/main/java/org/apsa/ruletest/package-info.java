/**
 * Rule tests: JSON files beside the rules ({@code rules/tests/*.json}), each a fact set and
 * what its assessment must show (status, leader, judgments, prescriptions, score ranges,
 * rules fired or not). {@link org.apsa.ruletest.RuleTestReader} reads them strictly,
 * {@link org.apsa.ruletest.RuleTestRunner} assesses each and lists every unmet expectation
 * as "expected X, got Y". The JUnit suite and the {@code rules test} command both use it.
 */
package org.apsa.ruletest;
