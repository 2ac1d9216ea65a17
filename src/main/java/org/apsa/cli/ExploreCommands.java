package org.apsa.cli;

import org.apsa.explore.Exploration;
import org.apsa.explore.Explorer;
import org.apsa.explore.Vary;
import org.apsa.fact.FactSet;
import org.apsa.fact.Suggestions;
import org.apsa.fact.Vocabulary;
import org.apsa.io.AtomicFiles;
import org.apsa.render.ExplorationFormat;
import org.apsa.render.ExplorationText;
import org.apsa.render.Style;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code explore}: an ensemble over the analyst's uncertainty (docs/explore.md). */
@Command(group = "Explanation")
public class ExploreCommands extends Commands {

    static final int MAX_SAMPLES = 10_000_000;

    ExploreCommands(RuleBases ruleBases, Workbench bench, Output out) {
        super(ruleBases, bench, out);
    }

    @Command(command = "explore", description = "How sure the leader is, over many fact sets drawn around this one by its "
            + "confidences and unknowns. Gives the share of samples each outlook leads, score quantiles, each indicator's "
            + "share of the variance of each score, and the conditions under which each outlook leads with the rules that "
            + "fire there (docs/explore.md). Example: explore facts/baseline-2014-12.json --samples 20000")
    void explore(
            @Option(longNames = "file", description = "the fact set (in the shell: the current one when left out)") @OptionValues(provider = "factFiles") String file,
            @Option(longNames = "samples", defaultValue = "10000", description = "how many fact sets to draw") Integer samples,
            @Option(longNames = "seed", defaultValue = "1", description = "the seed; the same seed gives the same result") Long seed,
            @Option(longNames = "vary", defaultValue = "all", description = "what moves: stated, unknown, all, or indicator ids, comma-separated") String vary,
            @Option(longNames = "out", description = "a folder to write the results into (exploration.txt, .json, ...); "
                    + "standard output when left out") String outFolder,
            @Option(longNames = "format", defaultValue = "text", description = "text, json, markdown or html; with --out, a comma-separated list") String format,
            @Option(longNames = "threads", description = "samples assessed at once (default: the number of processors)") Integer threads,
            @Option(longNames = "rules", description = RuleBases.RULES_OPTION) String rules) {
        List<ExplorationFormat> formats = formats(format, outFolder != null);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new UsageException("--samples must be between 1 and " + String.format(Locale.ROOT, "%,d", MAX_SAMPLES) + ", was " + samples);
        }
        int workers = BatchCommands.workers(threads);
        Vary chosen = vary(vary, ruleBases.knowledgeBase(rules).vocabulary());
        Path target = outFolder == null ? null : BatchCommands.resultsFolder(outFolder);
        FactSet facts = facts(file, rules);
        Exploration e = new Explorer(ruleBases.assessor(rules)).explore(facts, new Explorer.Options(samples, seed, chosen, workers));
        if (target == null) {
            out.print(formats.get(0).render(e, out.style()));
            return;
        }
        StringBuilder written = new StringBuilder();
        for (ExplorationFormat f : formats) {
            Path path = target.resolve(f.fileName());
            try {
                List<Path> created = AtomicFiles.write(path, f.render(e, Style.PLAIN), true);
                written.append("Wrote ").append(path).append(AtomicFiles.created(created)).append('\n');
            } catch (IOException failure) {
                throw new UsageException("cannot write " + path + ": " + AtomicFiles.reason(failure)
                        + "; give --out a folder that can be written");
            }
        }
        out.print(ExplorationText.render(e, out.style()) + "\n" + written);
    }

    /** {@code --format}: one format, or with --out a comma-separated list of them. */
    static List<ExplorationFormat> formats(String format, boolean toFolder) {
        Set<ExplorationFormat> chosen = new LinkedHashSet<>();
        for (String item : (format == null ? "" : format).split(",")) {
            chosen.add(ExplorationFormat.of(item).orElseThrow(() -> new UsageException("unknown format \"" + item.trim()
                    + "\" for explore" + Suggestions.didYouMean(item.trim().toLowerCase(Locale.ROOT), ExplorationFormat.NAMES)
                    + "; use " + String.join(", ", ExplorationFormat.NAMES) + (toFolder ? ", or a comma-separated list of them" : ""))));
        }
        if (chosen.size() > 1 && !toFolder) {
            throw new UsageException("explore prints one format on standard output; give --out DIR to write "
                    + String.join(", ", chosen.stream().map(ExplorationFormat::id).toList()) + " at once");
        }
        return new ArrayList<>(chosen);
    }

    /** {@code --vary}: stated, unknown, all, or indicator ids, comma-separated ({@link Vary#parse}). */
    static Vary vary(String vary, Vocabulary vocabulary) {
        try {
            return Vary.parse(vary, vocabulary);
        } catch (Vary.Invalid e) {
            throw new UsageException("--vary: " + e.getMessage() + " ('vocabulary' lists them)");
        }
    }
}
