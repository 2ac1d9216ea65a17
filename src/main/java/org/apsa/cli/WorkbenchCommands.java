package org.apsa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.engine.Recommendation;
import org.apsa.engine.ScenarioScore;
import org.apsa.explain.Change;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.FactSetSchema;
import org.apsa.fact.FactSetWriter;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;
import org.apsa.io.AtomicFiles;
import org.apsa.render.Comparison;
import org.apsa.render.Literal;
import org.apsa.render.Style;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The analyst's workbench: a current fact set to load, edit, compare and save. */
@Command(group = "Workbench")
@ShellOnly
public class WorkbenchCommands extends Commands {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** When an assessment was made, for history: always with its seconds (LocalTime's own text drops ":00"). */
    static String clock(LocalTime at) {
        return CLOCK.format(at);
    }

    WorkbenchCommands(Workbench bench, RuleBases ruleBases, Output out) {
        super(ruleBases, bench, out);
    }

    @Command(command = "load", description = "Open a fact set as the current one. Example: load facts/baseline-2014-12.json")
    void load(@Option(longNames = "file", required = true, description = "a .json fact file") @OptionValues(provider = "factFiles") String file,
              @Option(longNames = "discard", description = "drop the current fact set's unsaved changes") boolean discard) {
        bench.requireSavedOr(discard, "load another");
        Path path = UserPaths.of(file);
        FactSet facts = ruleBases.reader(null).readOne(path);
        bench.open(facts, path);
        out.print("Loaded " + facts.id() + " from " + file + ": " + facts.indicators().size() + " of "
                + vocabulary().indicators().size() + " indicators known.");
    }

    @Command(command = "new", description = "Start an empty fact set (every indicator unknown). Example: new my-view-2015")
    void newFactSet(@Option(longNames = "id", defaultValue = "untitled", description = "the fact set's id") String id,
                    @Option(longNames = "discard", description = "drop the current fact set's unsaved changes") boolean discard) {
        bench.requireSavedOr(discard, "start a new one");
        FactSetReader.idProblem(id).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        FactSet facts = FactSet.empty(id, vocabulary());
        bench.open(facts, null);
        bench.change(facts);
        out.print("New fact set " + id + ": all " + vocabulary().indicators().size() + " indicators unknown; 'set' states them.");
    }

    @Command(command = "show", description = "Show the current fact set: stated indicators, then the unknown ones. Example: show")
    void show() {
        FactSet facts = bench.current();
        Style style = out.style();
        StringBuilder text = new StringBuilder();
        text.append(style.bold(facts.id())).append(facts.title() == null ? "" : "  " + Literal.oneLine(facts.title()))
                .append(facts.asOf() == null ? "" : "  (as of " + facts.asOf() + ")")
                .append(bench.file() == null ? "" : "  [" + bench.file() + (bench.dirty() ? ", unsaved changes" : "") + "]")
                .append(bench.file() == null && bench.dirty() ? "  [unsaved]" : "").append("\n\n");
        // Columns as wide as their widest entry, so that notes have room on a narrow terminal.
        int idWidth = Math.max("Indicator".length(), facts.indicators().keySet().stream().mapToInt(String::length).max().orElse(0));
        int levelWidth = Math.max("Level".length(), facts.indicators().values().stream().mapToInt(r -> r.level().length()).max().orElse(0));
        String row = "  %-" + idWidth + "s  %-" + levelWidth + "s  %-5s  %s%n";
        text.append(String.format(Locale.ROOT, row, "Indicator", "Level", "Conf.", "Note"));
        facts.indicators().forEach((id, r) -> text.append(String.format(Locale.ROOT, row,
                id, r.level(), String.format(Locale.ROOT, "%.2f", r.confidence()), r.note() == null ? "" : Literal.oneLine(r.note()))));
        List<String> unknown = vocabulary().indicators().stream().map(IndicatorDef::id)
                .filter(id -> !facts.indicators().containsKey(id)).toList();
        text.append('\n').append(style.dim("Unknown (" + unknown.size() + "): " + (unknown.isEmpty() ? "none" : String.join(", ", unknown))))
                .append('\n');
        out.print(text.toString());
    }

    @Command(command = "set", description = "State an indicator's level ('vocabulary' lists the ids and their levels). "
            + "Example: set ID LEVEL --confidence 0.7 --note \"¶9\"")
    void set(
            @Option(longNames = "id", required = true, description = "an indicator id") @OptionValues(provider = "indicatorIds") String id,
            @Option(longNames = "level", required = true, description = "a level of its scale") @OptionValues(provider = "indicatorLevels") String level,
            @Option(longNames = "confidence", description = "in (0, 1]; 1 when left out") Double confidence,
            @Option(longNames = "note", description = "why, e.g. the paragraph or source, in quotes when it is several words; "
                    + "when left out the indicator's note stays, and --note '' drops it") String note) {
        FactSet facts = bench.current();
        Reading before = facts.indicators().get(id);
        String kept = before == null ? null : before.note();
        // The analyst's note is kept unless replaced or dropped: a new level is not a reason to lose it.
        Reading reading = reading(vocabulary(), id, level, confidence, note == null ? kept : note);
        bench.change(facts.with(id, reading));
        out.print(id + ": " + (before == null ? "unknown" : Change.describe(before)) + " -> " + Change.describe(reading)
                + noteChange(kept, note, reading.note()));
    }

    /** What became of the note, said since the change shows only level and confidence: nothing when there was none and is none. */
    private static String noteChange(String before, String given, String after) {
        if (before == null) {
            return after == null ? "" : "  (note added)";
        }
        if (after == null) {
            return "  (note dropped)";
        }
        return given == null || after.equals(before) ? "  (note kept)" : "  (note replaced)";
    }

    @Command(command = "unset", description = "Make an indicator unknown again. Example: unset ID")
    void unset(@Option(longNames = "id", required = true, description = "an indicator id") @OptionValues(provider = "indicatorIds") String id) {
        known(vocabulary(), id);
        FactSet facts = bench.current();
        if (!facts.indicators().containsKey(id)) {
            out.print(id + " is unknown already.");
            return;
        }
        bench.change(facts.without(id));
        out.print(id + ": " + Change.describe(facts.indicators().get(id)) + " -> unknown");
    }

    @Command(command = "save", description = "Save the current fact set (atomically; an existing file only with --force, "
            + "the file it was loaded from too until it has been saved once). "
            + "Example: save facts/my-view.json")
    void save(
            @Option(longNames = "file", description = "where; the file it was loaded from when left out") @OptionValues(provider = "factFiles") String file,
            @Option(longNames = "force", description = "overwrite an existing file") boolean force) {
        FactSet facts = bench.current();
        Path target = file != null ? UserPaths.of(file) : bench.file();
        if (target == null) {
            throw new UsageException("this fact set has no file yet; give one: save FILE");
        }
        if (!target.getFileName().toString().endsWith(".json")) {
            throw new UsageException("save to a .json file, e.g. save facts/" + facts.id() + ".json");
        }
        boolean itsFile = bench.file() != null && target.toAbsolutePath().normalize().equals(bench.file().toAbsolutePath().normalize());
        if (itsFile && !force && !bench.savedHere() && Files.exists(target)) {
            // A file only loaded may be a shipped example or another's work: overwriting it is said, not assumed.
            throw new UsageException(target + " was loaded, not saved, in this session; add --force to overwrite it, "
                    + "or save it under another name: save FILE");
        }
        boolean overwrite = force || itsFile;
        List<Path> created;
        try {
            created = AtomicFiles.write(target, FactSetWriter.json(facts, itsFile ? schemaOf(target).orElseGet(() -> schemaFor(target))
                    : schemaFor(target)), overwrite);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(target + " exists; add --force to overwrite it, or choose another name");
        } catch (IOException e) {
            throw new UsageException("cannot save to " + target + ": " + AtomicFiles.reason(e) + "; nothing was changed");
        }
        bench.saved(target);
        out.print("Saved " + facts.id() + " to " + target + AtomicFiles.created(created) + ".");
    }

    @Command(command = "recommend", description = "The unmet prescriptions for the current fact set, "
            + "most gain for the most desirable outlook first. Example: recommend")
    void recommend() {
        Assessment a = ruleBases.assessor(null).assess(bench.current());
        List<PrescriptionResult> unmet = a.prescriptions().stream().filter(p -> !p.met()).toList();
        // The actors' column is as wide as the longest actor id the knowledge base addresses.
        int actorWidth = Math.max("Actor".length(),
                a.knowledgeBase().actorIds().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d of %d prescriptions met.%n", a.prescriptions().size() - unmet.size(), a.prescriptions().size()));
        if (!unmet.isEmpty()) {
            text.append(String.format(Locale.ROOT, "  %7s  %-" + actorWidth + "s %-4s %-50s %s%n", "Gain", "Actor", "¶", "Indicator -> level", "Prescription"));
        }
        for (PrescriptionResult p : unmet) {
            text.append(String.format(Locale.ROOT, "  %+7.3f  %-" + actorWidth + "s %-4s %-50s %s%n", p.gain(), p.actor(), p.source(),
                    p.indicator() + " -> " + p.target(), p.text()));
        }
        out.print(text.toString());
    }

    @Command(command = "what-if", description = "Assess a variant of the current fact set without changing it, and show what "
            + "would differ. A stated indicator keeps its confidence unless ID=LEVEL@CONFIDENCE gives another, as why-not "
            + "and sensitivity move it. Example: what-if ID=LEVEL ID=LEVEL@0.6")
    void whatIf(@Option(longNames = "change", required = true, arityMin = 1, arityMax = 28,
            description = "ID=LEVEL or ID=LEVEL@CONFIDENCE pairs") @OptionValues(provider = "indicatorAssignments") List<String> changes) {
        FactSet facts = bench.current();
        FactSet variant = variant(vocabulary(), facts, changes);
        var assessor = ruleBases.assessor(null);
        out.print(Comparison.render(assessor.assess(facts), assessor.assess(variant), new Comparison.Side("now", null),
                new Comparison.Side("what if", null), out.style()));
    }

    /**
     * The fact set with each {@code ID=LEVEL[@CONFIDENCE]} applied: a stated indicator keeps its
     * confidence (and note) unless a confidence is given; one not stated gets the confidence given, else 1.
     */
    static FactSet variant(Vocabulary vocabulary, FactSet facts, List<String> changes) {
        FactSet variant = facts;
        Map<String, String> given = new HashMap<>();
        for (String assignment : changes) {
            int eq = assignment.indexOf('=');
            if (eq <= 0 || eq == assignment.length() - 1) {
                String example = example(vocabulary);
                throw new UsageException("\"" + assignment + "\" is not ID=LEVEL; e.g. what-if " + example + " or " + example + "@0.7");
            }
            String id = assignment.substring(0, eq);
            String value = assignment.substring(eq + 1);
            int at = value.indexOf('@');
            String level = at < 0 ? value : value.substring(0, at);
            Double confidence = at < 0 ? null : confidence(vocabulary, assignment, value.substring(at + 1));
            String before = given.put(id, value);
            if (before != null && !before.equals(value)) {
                throw new UsageException(id + " is given twice, as " + before + " and as " + value + "; give each indicator once");
            }
            if (level.equals("unknown")) {
                if (confidence != null) {
                    throw new UsageException("\"" + assignment + "\": an unknown indicator has no confidence; write " + id + "=unknown");
                }
                variant = variant.without(known(vocabulary, id).id());
                continue;
            }
            Reading stated = facts.indicators().get(id);
            variant = variant.with(id, reading(vocabulary, id, level,
                    confidence != null ? confidence : stated == null ? null : stated.confidence(),
                    stated == null ? null : stated.note()));
        }
        return variant;
    }

    /** {@code ID=LEVEL} of the vocabulary's first indicator at the top of its scale, for the messages' examples. */
    private static String example(Vocabulary vocabulary) {
        IndicatorDef def = vocabulary.indicators().get(0);
        return def.id() + "=" + def.scale().levels().get(def.scale().levels().size() - 1);
    }

    private static Double confidence(Vocabulary vocabulary, String assignment, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + assignment + "\": the confidence after @ must be a number greater than 0 and at most 1,"
                    + " e.g. " + example(vocabulary) + "@0.6");
        }
    }

    @Command(command = "diff", description = "Compare the current fact set with another: indicators and outcomes side by side. "
            + "Example: diff facts/analyst-b-2015-06.json")
    void diff(@Option(longNames = "file", required = true, description = "the other fact set") @OptionValues(provider = "factFiles") String file) {
        FactSet current = bench.current();
        FactSet other = ruleBases.reader(null).readOne(UserPaths.of(file));
        var assessor = ruleBases.assessor(null);
        // The ids in full above the tables, whose columns are headed "current" and "other": ids may be long, or the same.
        String where = bench.file() == null ? "not saved" : bench.file() + (bench.dirty() ? ", with unsaved changes" : "");
        out.print(Comparison.render(assessor.assess(current), assessor.assess(other),
                new Comparison.Side("current", current.id() + " (" + where + ")"),
                new Comparison.Side("other", other.id() + " (" + file + ")"), out.style()));
    }

    @Command(command = "history", description = "The assessments of this session, with what changed before each. Example: history")
    void history() {
        List<Workbench.Entry> entries = bench.history();
        if (entries.isEmpty()) {
            out.print("No assessments yet; 'assess' makes one.");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Workbench.Entry e : entries) {
            Assessment a = e.assessment();
            text.append(String.format(Locale.ROOT, "%3d  %s  %-24s %-22s %s%n", e.number(), clock(e.at()), a.factSet().id(),
                    a.leading() == null ? "(insufficient evidence)" : a.leading(), scores(a.scenarios())));
            if (e.opened() != null) {
                text.append("       ").append(e.opened()).append(e.changes().isEmpty() ? ", no change since" : ", then:").append('\n');
            }
            for (Change c : e.changes()) {
                text.append("       ").append(c).append('\n');
            }
        }
        out.print(text.toString());
    }

    /** The vocabulary of the session's rules. */
    private Vocabulary vocabulary() {
        return ruleBases.knowledgeBase(null).vocabulary();
    }

    private String scores(List<ScenarioScore> scores) {
        Map<String, Double> byId = scores.stream().collect(Collectors.toMap(ScenarioScore::scenario, ScenarioScore::score));
        return ruleBases.knowledgeBase(null).outlooks().stream()
                .map(o -> String.format(Locale.ROOT, "%s %.2f", o.id(), byId.get(o.id())))
                .collect(Collectors.joining(", "));
    }

    /** The {@code $schema} a fact file names, kept when it is saved again; empty when it names none or cannot be read. */
    private static Optional<String> schemaOf(Path file) {
        try {
            JsonNode schema = new ObjectMapper().readTree(file.toFile()).get("$schema");
            return schema != null && schema.isTextual() ? Optional.of(schema.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The schema reference for a file saved inside the project (the folder holding
     * facts/fact-set.schema.json), relative to the file; none for a file elsewhere.
     */
    private static String schemaFor(Path target) {
        Path project = Path.of("").toAbsolutePath();
        Path schema = project.resolve(FactSetSchema.COMMITTED);
        Path folder = target.toAbsolutePath().normalize().getParent();
        if (!Files.exists(schema) || !folder.startsWith(project)) {
            return null;
        }
        return folder.relativize(schema).toString().replace('\\', '/');
    }
}
