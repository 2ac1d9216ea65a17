package org.apsa.cli;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessor;
import org.apsa.explain.Sensitivity;
import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.render.Style;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code consult}: a consultation in the manner of MYCIN. It asks only for unknown
 * indicators that could move the assessment, the most informative first (value of
 * information), says why when asked, and re-assesses after every answer.
 */
@Command(group = "Workbench")
@ShellOnly
public class ConsultCommands extends Commands {

    private final ObjectProvider<Terminal> terminal;

    ConsultCommands(Workbench bench, RuleBases ruleBases, Output out, ObjectProvider<Terminal> terminal) {
        super(ruleBases, bench, out);
        this.terminal = terminal;
    }

    @Command(command = "consult", description = "Ask for the unknown indicators that matter, most informative first; answer "
            + "a level, 'skip', 'why' or 'stop'. In a script, give the answers with --answers. "
            + "Example: consult --max 3")
    void consult(
            @Option(longNames = "max", defaultValue = "5", description = "the most questions to ask") int max,
            @Option(longNames = "answers", description = "answers in order, comma-separated, instead of asking (for scripts)") String answers) {
        if (max < 1) {
            throw new UsageException("--max is the most questions to ask; give 1 or more, not " + max);
        }
        Deque<String> scripted = answers == null ? null
                : new ArrayDeque<>(List.of(answers.split(",")).stream().map(String::trim).toList());
        Terminal screen = scripted == null ? terminal.getIfAvailable() : null;
        if (scripted == null && (screen == null || Terminal.TYPE_DUMB.equals(screen.getType()))) {
            throw new UsageException("consult asks questions in the interactive shell; elsewhere give the answers: consult --answers high,skip,medium");
        }
        List<String> answersNow = new ArrayList<>();
        LineReader reader = scripted == null ? answerReader(screen, answersNow) : null;
        Style style = out.style();
        Assessor assessor = ruleBases.assessor(null);
        Set<String> skipped = new HashSet<>();
        int asked = 0;
        while (asked < max) {
            FactSet facts = bench.current();
            Assessment assessment = assessor.assess(facts);
            List<Sensitivity.InformationValue> worth = Sensitivity.valueOfInformation(assessment, Sensitivity.of(assessor, facts))
                    .stream().filter(v -> v.largestSwing() > 0 && !skipped.contains(v.indicator())).toList();
            if (worth.isEmpty()) {
                out.print("No unknown indicator left that would move the assessment.");
                break;
            }
            Sensitivity.InformationValue next = worth.get(0);
            IndicatorDef def = ruleBases.knowledgeBase(null).vocabulary().find(next.indicator()).orElseThrow();
            asked++;
            String question = String.format(Locale.ROOT, "Q%d. %s: %s (%s)?%n    levels: %s; or skip, why, stop", asked,
                    style.bold(def.id()), def.meaning(), def.source(), def.scale().describe());
            // The same question until it is answered: 'why' explains it, a level off the scale asks again.
            answersNow.clear();
            answersNow.addAll(def.scale().levels());
            answersNow.addAll(List.of("skip", "why", "stop"));
            String answer;
            Reading reading = null;
            while (true) {
                answer = ask(question, reader, scripted);
                if (answer == null || answer.equalsIgnoreCase("stop") || answer.equalsIgnoreCase("skip") || answer.isBlank()) {
                    break;
                }
                if (answer.equalsIgnoreCase("why")) {
                    out.print(why(next, assessment));
                    continue;
                }
                try {
                    reading = reading(ruleBases.knowledgeBase(null).vocabulary(), def.id(), answer, null, "answered in consultation");
                    break;
                } catch (UsageException e) {
                    if (scripted != null) {
                        // A script cannot answer again: it stops, with what it did so far kept.
                        throw new UsageException("answer \"" + answer + "\" to " + def.id() + ": " + e.getMessage());
                    }
                    out.print(e.getMessage() + "; answer again");
                }
            }
            if (answer == null || answer.equalsIgnoreCase("stop")) {
                out.print("Consultation stopped.");
                break;
            }
            if (reading == null) {
                skipped.add(def.id());
                out.print("Skipped " + def.id() + ".");
                continue;
            }
            bench.change(facts.with(def.id(), reading));
            Assessment now = assessor.assess(bench.current());
            bench.record(now);
            out.print(String.format(Locale.ROOT, "  %s = %s. Now: %s", def.id(), answer, brief(now)));
        }
    }

    /**
     * A reader of answers of its own, on the shell's terminal: Tab offers the answers the
     * question takes ({@code answers}, changed from one question to the next), not the shell's
     * commands, and no answer enters the shell's history of commands.
     */
    private static LineReader answerReader(Terminal terminal, List<String> answers) {
        return LineReaderBuilder.builder().terminal(terminal)
                .completer((reader, line, candidates) -> answers.forEach(a -> candidates.add(new Candidate(a))))
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
    }

    private String ask(String question, LineReader reader, Deque<String> scripted) {
        out.print(question);
        if (scripted != null) {
            String answer = scripted.pollFirst();
            out.print("> " + (answer == null ? "(no more answers)" : answer));
            return answer;
        }
        try {
            return reader.readLine("> ").trim();
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    /** MYCIN's WHY: which outlook the answer could move, and whether it could change the leader. */
    private static String why(Sensitivity.InformationValue v, Assessment assessment) {
        String leader = assessment.leading() == null ? "no leader (insufficient evidence)" : assessment.title(assessment.leading());
        String byLevel = v.leaders().entrySet().stream()
                .filter(e -> !e.getKey().equals(Sensitivity.UNKNOWN))
                .map(e -> e.getKey() + " -> " + (e.getValue() == null ? "no leader" : assessment.title(e.getValue())))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "    Why: knowing %s could move an outlook's score by up to %.2f%s.%n"
                        + "    Today: %s. By answer: %s.",
                v.indicator(), v.largestSwing(), !v.couldChangeLeader() ? ""
                        : assessment.leading() == null ? " and could name a leading outlook" : " and could change the leading outlook",
                leader, byLevel);
    }

    private static String brief(Assessment a) {
        String scores = a.scenarios().stream().map(s -> String.format(Locale.ROOT, "%s %.2f", s.scenario(), s.score()))
                .collect(Collectors.joining(", "));
        return (a.leading() == null ? "no leader yet" : a.title(a.leading()) + " leads") + " (" + scores + ")";
    }
}
