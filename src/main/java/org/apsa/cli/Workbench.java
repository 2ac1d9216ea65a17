package org.apsa.cli;

import jakarta.annotation.PreDestroy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.engine.Assessment;
import org.apsa.explain.Change;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetWriter;
import org.apsa.io.AtomicFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyst's working state in the shell: the current fact set, where it came from,
 * whether it has unsaved changes, and the assessments made so far. Commands change it only
 * after they have succeeded, so an error never loses work.
 */
@Component
class Workbench {

    /**
     * One assessment of this session and what had changed since the one before, or, for the
     * first assessment of a fact set, since it was opened.
     *
     * @param opened how the fact set was opened ("loaded from FILE", "started empty") when this
     *               is its first assessment, so that its changes are read against that; otherwise null
     */
    public record Entry(int number, LocalTime at, Assessment assessment, String opened, List<Change> changes) {
    }

    /** Where the workbench serves, which decides what it says and what it keeps. */
    public enum Run {
        /** The interactive shell: unsaved changes are kept in a recovery file at the end. */
        SHELL,
        /** An {@code @FILE} script: a shell session that keeps nothing it did not save. */
        SCRIPT,
        /** A one-shot command: there is never a current fact set, only the file given. */
        COMMAND
    }

    private static final Logger LOG = LogManager.getLogger(Workbench.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Run run;
    private FactSet current;
    private Path file;
    private boolean dirty;
    /** Whether the current fact set's file was written by a save of this session, not only loaded. */
    private boolean savedHere;
    private final List<Entry> history = new ArrayList<>();
    /** What the next assessment's changes are counted from: the last one assessed, or the fact set as opened. */
    private FactSet since;
    /** How the current fact set was opened, until its first assessment; then null. */
    private String opened;

    /**
     * Outside the interactive shell there is no current fact set to begin with, and nothing
     * is kept at the end: what a script does not save, it did not mean to keep.
     */
    public Workbench(Run run) {
        this.run = run;
    }

    /** The application context's, for the run the program's arguments ask for: none, the shell; {@code @FILE}, a script; else one command. */
    @Autowired
    Workbench(ApplicationArguments arguments) {
        this(arguments.getSourceArgs().length == 0 ? Run.SHELL
                : arguments.getSourceArgs()[0].startsWith("@") ? Run.SCRIPT : Run.COMMAND);
    }

    /** The current fact set; a usage error when there is none. */
    public FactSet current() {
        if (current == null) {
            throw new UsageException(run == Run.COMMAND ? "give the fact file, e.g. assess facts/baseline-2014-12.json"
                    : "no fact set yet; 'load FILE' opens one, 'new' starts an empty one");
        }
        return current;
    }

    Run run() {
        return run;
    }

    public boolean hasCurrent() {
        return current != null;
    }

    /**
     * Replaces the state with a fact set just loaded from a file, or (without one) just
     * started empty; the history counts its changes from here.
     */
    public void open(FactSet facts, Path from) {
        current = facts;
        file = from;
        dirty = false;
        savedHere = false;
        since = facts;
        opened = from == null ? "started empty" : "loaded from " + from;
    }

    /** The current fact set has just been saved to {@code to}, which is now its file. */
    public void saved(Path to) {
        file = to;
        dirty = false;
        savedHere = true;
    }

    /** Whether the current fact set's file was written by this session (and may be saved over without --force). */
    public boolean savedHere() {
        return savedHere;
    }

    /** Changes the current fact set (set, unset, consult); marks it unsaved. */
    public void change(FactSet changed) {
        current = changed;
        dirty = true;
    }

    public Path file() {
        return file;
    }

    public boolean dirty() {
        return dirty;
    }

    /**
     * Refuses to replace a current fact set that has unsaved changes, unless {@code discard}.
     *
     * @param action what would replace it, e.g. "load another"
     */
    public void requireSavedOr(boolean discard, String action) {
        if (hasWorkToLose() && !discard) {
            throw new UsageException("the current fact set " + current.id() + " has unsaved changes; 'save' keeps them"
                    + (file == null ? " (save FILE)" : "") + ", or add --discard to " + action + " anyway");
        }
    }

    /**
     * When the shell ends (exit, quit, Ctrl-C or Ctrl-D at the prompt, a stop signal) with
     * unsaved changes, they are written to a recovery file rather than lost, and the
     * terminal is told where.
     */
    @PreDestroy
    void keepUnsaved() {
        if (run != Run.SHELL || !hasWorkToLose()) {
            return;
        }
        Path folder = unsavedFolder();
        String stamp = current.id() + "-" + LocalDateTime.now().format(STAMP);
        Path copy = folder.resolve(stamp + ".json");
        try {
            // Two sessions ending in the same second with the same fact set each keep theirs.
            for (int n = 2; ; n++) {
                try {
                    // Under ~/.apsa with the user's other files: readable by the user alone.
                    AtomicFiles.writePrivate(copy, FactSetWriter.json(current, null), false);
                    break;
                } catch (FileAlreadyExistsException taken) {
                    if (n > 1000) {
                        throw taken;
                    }
                    copy = folder.resolve(stamp + "-" + n + ".json");
                }
            }
            String kept = "Unsaved changes to " + current.id() + " were kept in " + copy + "; 'load " + copy
                    + "' goes on from them.";
            System.out.println(kept);
            if (System.out.checkError()) {
                // A stop signal: the terminal may have closed standard output before this ran.
                System.err.println(System.lineSeparator() + kept);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not keep the unsaved fact set {}", current.id(), e);
            System.err.println("Unsaved changes to " + current.id() + " could not be kept in " + folder + ": "
                    + (e instanceof IOException io ? AtomicFiles.reason(io) : e.toString()));
        }
    }

    /** Unsaved changes, other than a new fact set that states nothing yet. */
    private boolean hasWorkToLose() {
        return dirty && current != null && (file != null || !current.indicators().isEmpty());
    }

    /** {@code -Dapsa.unsaved.dir}, else {@code APSA_UNSAVED_DIR}, else {@code ~/.apsa/unsaved}. */
    static Path unsavedFolder() {
        String configured = System.getProperty("apsa.unsaved.dir", System.getenv("APSA_UNSAVED_DIR"));
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".apsa", "unsaved");
    }

    /**
     * Records an assessment of the current state in the history, with what changed since the
     * one before or, the first time, since the fact set was opened.
     */
    public void record(Assessment assessment) {
        List<Change> changes = since == null ? List.of() : Change.between(assessment.knowledgeBase().vocabulary(), since, assessment.factSet());
        history.add(new Entry(history.size() + 1, LocalTime.now().truncatedTo(ChronoUnit.SECONDS), assessment, opened, changes));
        since = assessment.factSet();
        opened = null;
    }

    public List<Entry> history() {
        return List.copyOf(history);
    }
}
