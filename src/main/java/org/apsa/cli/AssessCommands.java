package org.apsa.cli;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.provenance.Provenance;
import org.apsa.render.AssessmentJson;
import org.apsa.render.AssessmentMarkdown;
import org.apsa.render.AssessmentText;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** {@code assess}: one fact set in, the assessment out. */
@Command(group = "Assessment")
public class AssessCommands extends Commands {

    AssessCommands(RuleBases ruleBases, Workbench bench, Output out) {
        super(ruleBases, bench, out);
    }

    @Command(command = "assess", description = "Assess a fact set: the four outlooks ranked with score and ICD 203 likelihood, "
            + "the article's evaluation of the leader, judgments and prescriptions. "
            + "Example: assess facts/baseline-2014-12.json --format json")
    void assess(
            @Option(longNames = "file", description = "the fact set, a .json file (or a .jsonl file of one line), or - for standard input; "
                    + "in the shell, the current fact set when left out") @OptionValues(provider = "factFiles") String file,
            @Option(longNames = "format", defaultValue = "text", description = "text, json or markdown") String format,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        Format chosen = Format.parse(format, "assess", Format.TEXT, Format.JSON, Format.MARKDOWN);
        FactSet facts = facts(file, rules);
        Assessor assessor = ruleBases.assessor(rules);
        Assessment assessment = assessor.assess(facts);
        if (file == null) {
            bench.record(assessment);
        }
        out.print(switch (chosen) {
            case JSON -> AssessmentJson.pretty(assessment, Provenance.of(assessor.rules(), null));
            case MARKDOWN -> AssessmentMarkdown.render(assessment);
            case TEXT -> AssessmentText.render(assessment, out.style());
        });
    }
}
