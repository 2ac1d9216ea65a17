package org.apsa.authoring;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.engine.Outlook;
import org.apsa.engine.TraceNode;
import org.apsa.render.Style;
import org.apsa.render.TraceText;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.ruletest.RuleTest;
import org.apsa.ruletest.RuleTestReader;
import org.apsa.ruletest.RuleTestResult;
import org.apsa.ruletest.RuleTestRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the rule tests of a folder and reports one line per test; a failing test lists each
 * unmet expectation and the trace of the outlooks and judgments in question, so the author
 * sees which rules got there instead.
 */
public final class RuleTestReport {

    /** One test: its result, or the rule defect that stopped its assessment. */
    public record Outcome(RuleTest test, RuleTestResult result, String defect) {

        public boolean passed() {
            return defect == null && result.passed();
        }
    }

    private static final Pattern OUTLOOK = Pattern.compile("^(?:leading|score \\S+): expected ([a-z-]+)");
    private static final Pattern SCORE = Pattern.compile("^score (\\S+):");
    private static final Pattern GOT = Pattern.compile(", got ([a-z-]+)$");
    private static final Pattern JUDGMENT_PRESENT = Pattern.compile("^judgment (\\S+): expected absent, got present");

    private final Path folder;
    private final List<Outcome> outcomes;

    private RuleTestReport(Path folder, List<Outcome> outcomes) {
        this.folder = folder;
        this.outcomes = List.copyOf(outcomes);
    }

    /**
     * @throws org.apsa.ruletest.RuleTestException when a test file cannot be read
     */
    public static RuleTestReport run(Assessor assessor, Path testsFolder) {
        List<RuleTest> tests = new RuleTestReader().readAll(testsFolder);
        RuleTestRunner runner = new RuleTestRunner(assessor);
        List<Outcome> outcomes = new ArrayList<>();
        for (RuleTest test : tests) {
            try {
                outcomes.add(new Outcome(test, runner.run(test), null));
            } catch (RuleBaseException e) {
                outcomes.add(new Outcome(test, null, e.getMessage()));
            }
        }
        return new RuleTestReport(testsFolder, outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
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
            if (o.defect() != null) {
                out.append("      rules failed: ").append(o.defect()).append('\n');
                continue;
            }
            for (String failure : o.result().failures()) {
                out.append("      ").append(failure).append('\n');
            }
            List<TraceNode> trace = inQuestion(o.result());
            if (!trace.isEmpty()) {
                out.append("      trace:\n");
                TraceText.render(trace, Style.PLAIN).lines()
                        .forEach(line -> out.append(line.isBlank() ? "" : "        " + line).append('\n'));
            }
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** The trace of the outlooks and judgments that an unmet expectation is about. */
    static List<TraceNode> inQuestion(RuleTestResult result) {
        Assessment a = result.assessment();
        if (a == null) {
            return List.of();
        }
        Set<String> outlooks = new LinkedHashSet<>();
        Set<String> judgments = new LinkedHashSet<>();
        for (String failure : result.failures()) {
            Matcher m = OUTLOOK.matcher(failure);
            if (failure.startsWith("leading:") && m.find()) {
                outlooks.add(m.group(1));
                Matcher got = GOT.matcher(failure);
                if (got.find()) {
                    outlooks.add(got.group(1));
                }
            }
            if (failure.startsWith("status:") && a.leading() != null) {
                outlooks.add(a.leading());
            }
            Matcher score = SCORE.matcher(failure);
            if (score.find()) {
                outlooks.add(score.group(1));
            }
            Matcher j = JUDGMENT_PRESENT.matcher(failure);
            if (j.find()) {
                judgments.add(j.group(1));
            }
        }
        List<TraceNode> nodes = new ArrayList<>();
        for (String outlook : outlooks) {
            if (Outlook.find(outlook).isEmpty()) {
                continue;
            }
            a.trace().stream().filter(n -> n.kind().equals("scenario") && n.conclusion().startsWith(outlook + ":"))
                    .findFirst().ifPresent(nodes::add);
        }
        for (String judgment : judgments) {
            nodes.addAll(a.judgmentTrace().getOrDefault(judgment, List.of()));
        }
        return nodes;
    }
}
