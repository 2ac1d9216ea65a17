package org.apsa.authoring;

import org.apsa.engine.Assessor;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.apsa.ruletest.RuleTest;
import org.apsa.ruletest.RuleTestReader;
import org.apsa.ruletest.RuleTestResult;
import org.apsa.ruletest.RuleTestRunner;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Runs the rule tests of a folder and reports one line per test; a failing test lists each
 * unmet expectation and the trace of the outlooks and judgments in question, so the author
 * sees which rules got there instead.
 *
 * @param folder the tests folder
 */
public record RuleTestReport(Path folder, List<RuleTestResult> outcomes) {

    public RuleTestReport {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @throws org.apsa.fact.InvalidFactSetException when a test file cannot be read
     */
    public static RuleTestReport run(Assessor assessor, Path testsFolder) {
        return run(assessor, testsFolder, new RuleTestReader(assessor.rules().knowledgeBase()).readAll(testsFolder));
    }

    /**
     * Runs only the tests named ({@link RuleTest#name}); every name must be a test's, see
     * {@link RuleTestReader#names}.
     *
     * @throws org.apsa.fact.InvalidFactSetException when one of those test files cannot be read
     */
    public static RuleTestReport run(Assessor assessor, Path testsFolder, Collection<String> names) {
        return run(assessor, testsFolder, new RuleTestReader(assessor.rules().knowledgeBase()).readNamed(testsFolder, names));
    }

    private static RuleTestReport run(Assessor assessor, Path testsFolder, List<RuleTest> tests) {
        return new RuleTestReport(testsFolder, tests.stream().map(new RuleTestRunner(assessor)::run).toList());
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.passed()).count();
    }

    /** Tests whose assessment the rules could not finish (a loop, a throwing consequence). */
    public long defects() {
        return outcomes.stream().filter(RuleTestResult::defect).count();
    }

    public String summary() {
        return folder + ": " + outcomes.size() + " rule tests, " + (outcomes.size() - failed()) + " passed, " + failed() + " failed";
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (RuleTestResult o : outcomes) {
            if (o.passed()) {
                out.append("ok    ").append(o.test().name()).append('\n');
                continue;
            }
            out.append("FAIL  ").append(o.test().name());
            if (o.test().description() != null) {
                out.append(" - ").append(o.test().description());
            }
            out.append("\n      ").append(o.test().file()).append('\n');
            failure(o).lines().forEach(line -> out.append(line.isBlank() ? "" : "      " + line).append('\n'));
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** Why a test did not pass, as {@link #render} shows it under the test: the defect, or each unmet expectation and the trace in question. */
    private static String failure(RuleTestResult o) {
        StringBuilder out = new StringBuilder();
        o.failures().forEach(failure -> out.append(failure).append('\n'));
        if (!o.trace().isEmpty()) {
            out.append("trace:\n");
            TraceText.render(o.trace(), Style.PLAIN).lines().forEach(line -> out.append(line.isBlank() ? "" : "  " + line).append('\n'));
        }
        return out.toString();
    }

    /**
     * The report as JUnit XML, the format CI servers read test results from: one test suite,
     * one test case per rule test (named after it, its class the tests folder), a failure
     * with the unmet expectations as its message and the trace in question as its text, an
     * error for a test the rules could not finish.
     *
     * @param timestamp when the tests ran
     */
    public String junitXml(java.time.LocalDateTime timestamp) {
        String suite = folder.toString().replace('\\', '/').replace('/', '.');
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", Integer.toString(outcomes.size()));
            xml.writeAttribute("failures", Long.toString(failed() - defects()));
            xml.writeAttribute("errors", Long.toString(defects()));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(outcomes.stream().map(RuleTestResult::time).reduce(Duration.ZERO, Duration::plus)));
            xml.writeAttribute("timestamp", timestamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n");
            for (RuleTestResult o : outcomes) {
                xml.writeCharacters("  ");
                if (o.passed()) {
                    xml.writeEmptyElement("testcase");
                } else {
                    xml.writeStartElement("testcase");
                }
                xml.writeAttribute("name", o.test().name());
                xml.writeAttribute("classname", suite);
                xml.writeAttribute("file", o.test().file());
                xml.writeAttribute("time", seconds(o.time()));
                if (!o.passed()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement(o.defect() ? "error" : "failure");
                    xml.writeAttribute("message", String.join("; ", o.failures()));
                    xml.writeAttribute("type", o.defect() ? "RuleDefect" : "UnmetExpectation");
                    xml.writeCharacters((o.test().description() == null ? "" : o.test().description() + "\n") + failure(o));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the rule tests' JUnit XML", e);
        }
        return text + "\n";
    }

    private static String seconds(Duration time) {
        return String.format(java.util.Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }
}
