package org.apsa.authoring;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.TraceNode;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.apsa.rulebase.RuleBaseException;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the rule tests of a folder and reports one line per test; a failing test lists each
 * unmet expectation and the trace of the outlooks and judgments in question, so the author
 * sees which rules got there instead.
 *
 * @param folder the tests folder
 */
public record RuleTestReport(Path folder, List<Outcome> outcomes) {

    /** One test: its result, or the rule defect that stopped its assessment, and how long it took. */
    public record Outcome(RuleTest test, RuleTestResult result, String defect, Duration time) {

        public boolean passed() {
            return defect == null && result.passed();
        }
    }

    private static final Pattern LEADING = Pattern.compile("^leading: expected ([a-z-]+)");
    private static final Pattern SCORE = Pattern.compile("^score (\\S+):");
    private static final Pattern GOT = Pattern.compile(", got ([a-z-]+)$");
    private static final Pattern JUDGMENT_PRESENT = Pattern.compile("^judgment (\\S+): expected absent, got present");

    public RuleTestReport {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @throws org.apsa.ruletest.RuleTestException when a test file cannot be read
     */
    public static RuleTestReport run(Assessor assessor, Path testsFolder) {
        return run(assessor, testsFolder, new RuleTestReader(assessor.rules().knowledgeBase()).readAll(testsFolder));
    }

    /**
     * Runs only the tests named ({@link RuleTest#name}); every name must be a test's, see
     * {@link RuleTestReader#names}.
     *
     * @throws org.apsa.ruletest.RuleTestException when one of those test files cannot be read
     */
    public static RuleTestReport run(Assessor assessor, Path testsFolder, Collection<String> names) {
        return run(assessor, testsFolder, new RuleTestReader(assessor.rules().knowledgeBase()).readNamed(testsFolder, names));
    }

    private static RuleTestReport run(Assessor assessor, Path testsFolder, List<RuleTest> tests) {
        RuleTestRunner runner = new RuleTestRunner(assessor);
        List<Outcome> outcomes = new ArrayList<>();
        for (RuleTest test : tests) {
            long start = System.nanoTime();
            try {
                RuleTestResult result = runner.run(test);
                outcomes.add(new Outcome(test, result, null, Duration.ofNanos(System.nanoTime() - start)));
            } catch (RuleBaseException e) {
                outcomes.add(new Outcome(test, null, e.getMessage(), Duration.ofNanos(System.nanoTime() - start)));
            }
        }
        return new RuleTestReport(testsFolder, outcomes);
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.passed()).count();
    }

    /** Tests whose assessment the rules could not finish (a loop, a throwing consequence). */
    public long defects() {
        return outcomes.stream().filter(o -> o.defect() != null).count();
    }

    public String summary() {
        return folder + ": " + outcomes.size() + " rule tests, " + (outcomes.size() - failed()) + " passed, " + failed() + " failed";
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
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
    private static String failure(Outcome o) {
        if (o.defect() != null) {
            return "rules failed: " + o.defect() + "\n";
        }
        StringBuilder out = new StringBuilder();
        o.result().failures().forEach(failure -> out.append(failure).append('\n'));
        List<TraceNode> trace = inQuestion(o.result());
        if (!trace.isEmpty()) {
            out.append("trace:\n");
            TraceText.render(trace, Style.PLAIN).lines().forEach(line -> out.append(line.isBlank() ? "" : "  " + line).append('\n'));
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
            xml.writeAttribute("time", seconds(outcomes.stream().map(Outcome::time).reduce(Duration.ZERO, Duration::plus)));
            xml.writeAttribute("timestamp", timestamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n");
            for (Outcome o : outcomes) {
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
                    xml.writeStartElement(o.defect() != null ? "error" : "failure");
                    xml.writeAttribute("message", o.defect() != null ? "rules failed: " + o.defect() : String.join("; ", o.result().failures()));
                    xml.writeAttribute("type", o.defect() != null ? "RuleDefect" : "UnmetExpectation");
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

    /** The trace of the outlooks and judgments that an unmet expectation is about. */
    private static List<TraceNode> inQuestion(RuleTestResult result) {
        Assessment a = result.assessment();
        Set<String> outlooks = new LinkedHashSet<>();
        Set<String> judgments = new LinkedHashSet<>();
        for (String failure : result.failures()) {
            if (failure.startsWith("leading:")) {
                found(LEADING, failure).ifPresent(outlooks::add);
                found(GOT, failure).ifPresent(outlooks::add);
            }
            if (failure.startsWith("status:") && a.leading() != null) {
                outlooks.add(a.leading());
            }
            found(SCORE, failure).ifPresent(outlooks::add);
            found(JUDGMENT_PRESENT, failure).ifPresent(judgments::add);
        }
        List<TraceNode> nodes = new ArrayList<>();
        outlooks.stream().filter(outlook -> a.knowledgeBase().outlook(outlook).isPresent())
                .forEach(outlook -> a.trace().stream().filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(outlook + ":"))
                        .findFirst().ifPresent(nodes::add));
        judgments.forEach(judgment -> nodes.addAll(a.judgmentTrace().getOrDefault(judgment, List.of())));
        return nodes;
    }

    private static Optional<String> found(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
