package org.apsa.cli;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Outlook;
import org.apsa.engine.TraceNode;
import org.apsa.explain.JudgmentQuery;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.fact.FactSet;
import org.apsa.fact.Suggestions;
import org.apsa.render.ExplanationJson;
import org.apsa.render.ExplanationText;
import org.apsa.render.TraceMarkdown;
import org.apsa.render.TraceText;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.List;

/** {@code explain}, {@code why-not} and {@code sensitivity}: how a conclusion was reached and what would change it. */
@Command(group = "Explanation")
public class ExplainCommands extends Commands {

    ExplainCommands(RuleBases ruleBases, Workbench bench, Output out) {
        super(ruleBases, bench, out);
    }

    @Command(command = "explain", description = "Show the proof tree of a conclusion: the outlook (the leader by default) "
            + "or a judgment, the rules that drew it and the indicators beneath; for a judgment that does not hold, "
            + "the rules that could draw it and how the fact set stands on what they match. "
            + "Example: explain facts/baseline-2014-12.json --scenario OUTLOOK")
    void explain(
            @Option(longNames = "file", description = "the fact set (in the shell: the current one when left out); "
                    + "an outlook or judgment id here is taken as --scenario or --judgment") @OptionValues(provider = "factFilesOrOutlooks") String file,
            @Option(longNames = "scenario", description = "an outlook id of the rules' knowledge base, as 'assess' ranks them") @OptionValues(provider = "outlookIds") String scenario,
            @Option(longNames = "judgment", description = "a judgment id: one that holds, as 'assess' lists them, or any the rules can draw") String judgment,
            @Option(longNames = "format", defaultValue = "text", description = "text, json or markdown") String format,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Format chosen = Format.parse(format, "explain", Format.TEXT, Format.JSON, Format.MARKDOWN);
        KnowledgeBase kb = ruleBases.knowledgeBase(rules);
        Target target = Target.of(kb, file, scenario, judgment, true);
        scenario = target.scenario();
        judgment = target.judgment();
        if (scenario != null && judgment != null) {
            throw new UsageException("give --scenario or --judgment, not both");
        }
        if (scenario != null) {
            outlook(kb, scenario);
        }
        if (judgment != null && kb.outlook(judgment).isPresent()) {
            throw new UsageException("\"" + judgment + "\" is an outlook, not a judgment; use --scenario " + judgment);
        }
        Assessor assessor = ruleBases.assessor(rules);
        Assessment a = assessor.assess(facts(target.file(), assessor));
        if (judgment != null) {
            JudgmentQuery.Answer answer = JudgmentQuery.ask(assessor.rules(), a, judgment);
            if (answer instanceof JudgmentQuery.Unknown unknown) {
                throw new UsageException(unknownJudgment(kb, unknown));
            }
            out.print(switch (chosen) {
                case JSON -> ExplanationJson.judgment(answer);
                case MARKDOWN -> TraceMarkdown.judgment(answer);
                case TEXT -> ExplanationText.judgment(answer, out.style());
            });
            return;
        }
        String wanted = scenario != null ? scenario : a.leading();
        List<TraceNode> trees = a.trace().stream()
                .filter(n -> n.kind().equals("scenario") && (wanted == null || n.conclusion().startsWith(wanted + ":")))
                .toList();
        out.print(switch (chosen) {
            case JSON -> ExplanationJson.trace(trees);
            case MARKDOWN -> TraceMarkdown.render(trees);
            case TEXT -> TraceText.render(trees, out.style());
        });
    }

    @Command(command = "why-not", description = "Why an outlook is not the leader: the evidence against it, what the leader "
            + "rests on, and the smallest changes of indicators that would make it lead. "
            + "Example: why-not facts/baseline-2014-12.json --scenario OUTLOOK")
    void whyNot(
            @Option(longNames = "file", description = "the fact set (in the shell: the current one when left out); "
                    + "an outlook id here is taken as --scenario") @OptionValues(provider = "factFilesOrOutlooks") String file,
            @Option(longNames = "scenario", description = "an outlook id of the rules' knowledge base, as 'assess' ranks them") @OptionValues(provider = "outlookIds") String scenario,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") String format,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Format chosen = Format.parse(format, "why-not", Format.TEXT, Format.JSON);
        KnowledgeBase kb = ruleBases.knowledgeBase(rules);
        Target target = Target.of(kb, file, scenario, null, false);
        if (target.scenario() == null) {
            throw new UsageException("which outlook? e.g. why-not " + (target.file() == null ? "" : target.file() + " ")
                    + "--scenario " + kb.best().id());
        }
        String id = outlook(kb, target.scenario());
        Assessor assessor = ruleBases.assessor(rules);
        WhyNot.Result result = WhyNot.of(assessor, assessor.assess(facts(target.file(), assessor)), id);
        out.print(chosen == Format.JSON ? ExplanationJson.whyNot(result) : ExplanationText.whyNot(result, out.style()));
    }

    @Command(command = "sensitivity", description = "How far each indicator moves each outlook's score across its scale "
            + "(largest swing first), and which unknown indicators are most worth learning. "
            + "Example: sensitivity facts/baseline-2014-12.json")
    void sensitivity(
            @Option(longNames = "file", description = "the fact set (in the shell: the current one when left out)") @OptionValues(provider = "factFiles") String file,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") String format,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Format chosen = Format.parse(format, "sensitivity", Format.TEXT, Format.JSON);
        Assessor assessor = ruleBases.assessor(rules);
        FactSet facts = facts(file, assessor);
        List<Sensitivity.Row> rows = Sensitivity.of(assessor, facts);
        Assessment assessment = assessor.assess(facts);
        List<Sensitivity.InformationValue> information = Sensitivity.valueOfInformation(assessment, rows);
        out.print(chosen == Format.JSON ? ExplanationJson.sensitivity(assessment.leading(), rows, information)
                : ExplanationText.sensitivity(assessment.knowledgeBase(), rows, information, out.style()));
    }

    /** A judgment id the rules cannot draw: the nearest they can, else the nearest outlook or indicator. */
    private static String unknownJudgment(KnowledgeBase kb, JudgmentQuery.Unknown unknown) {
        String id = unknown.id();
        return "unknown judgment \"" + id + "\""
                + Suggestions.closest(id, unknown.judgments()).map(s -> " (did you mean \"" + s + "\"?)")
                .or(() -> Suggestions.closest(id, kb.outlookIds()).map(s -> " (did you mean the outlook \"" + s + "\"?)"))
                .or(() -> kb.vocabulary().suggest(id).map(s -> " (did you mean the indicator \"" + s + "\"?)"))
                .orElse("")
                + "; the rules draw: " + (unknown.judgments().isEmpty() ? "none" : String.join(", ", unknown.judgments()));
    }

    /**
     * What {@code explain} and {@code why-not} are asked about. The positional argument is the
     * fact file, or, when it does not look like a path, an id given in place of an option: an
     * outlook id is taken as {@code --scenario}, any other id (when the command takes
     * judgments) as {@code --judgment}, each only when that option is not given. Otherwise the
     * argument stays a file, so that a mistyped one is reported as such, never dropped.
     */
    record Target(String file, String scenario, String judgment) {

        /** @param kb the knowledge base whose outlook ids are taken as {@code --scenario} */
        static Target of(KnowledgeBase kb, String file, String scenario, String judgment, boolean takesJudgments) {
            if (file == null || isFactFile(file)) {
                return new Target(file, scenario, judgment);
            }
            boolean outlook = !takesJudgments || kb.outlook(file).isPresent();
            if (outlook && scenario == null) {
                return new Target(null, file, judgment);
            }
            if (!outlook && scenario == null && judgment == null) {
                return new Target(null, null, file);
            }
            return new Target(file, scenario, judgment);
        }

        private static boolean isFactFile(String argument) {
            return argument.endsWith(".json") || argument.endsWith(".jsonl") || argument.contains("/") || argument.contains("\\");
        }
    }

    static String outlook(KnowledgeBase kb, String id) {
        return kb.outlook(id).map(Outlook::id).orElseThrow(() -> new UsageException("unknown outlook \"" + id + "\""
                + Suggestions.didYouMean(id, kb.outlookIds())
                + "; use " + String.join(", ", kb.outlookIds())));
    }
}
