package org.apsa.cli;

import org.apsa.engine.Assessment;
import org.apsa.explain.Change;
import org.apsa.fact.FactSet;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyst's working state in the shell: the current fact set, where it came from,
 * whether it has unsaved changes, and the assessments made so far. Commands change it only
 * after they have succeeded, so an error never loses work.
 */
@Component
public class Workbench {

    /** One assessment of this session and what had changed since the one before. */
    public record Entry(int number, LocalTime at, Assessment assessment, List<Change> changes) {
    }

    private final boolean oneShot;
    private FactSet current;
    private Path file;
    private boolean dirty;
    private final List<Entry> history = new ArrayList<>();

    /** The shell's workbench. */
    public Workbench() {
        this(false);
    }

    /** In a one-shot run there is no current fact set: commands need a file. */
    Workbench(boolean oneShot) {
        this.oneShot = oneShot;
    }

    /** The current fact set; a usage error when there is none. */
    public FactSet current() {
        if (current == null) {
            throw new UsageException(oneShot ? "give the fact file, e.g. assess facts/baseline-2014-12.json"
                    : "no fact set yet; 'load FILE' opens one, 'new' starts an empty one");
        }
        return current;
    }

    public boolean hasCurrent() {
        return current != null;
    }

    /** Replaces the state with a fact set just loaded from, or saved to, a file. */
    public void open(FactSet facts, Path from) {
        current = facts;
        file = from;
        dirty = false;
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

    /** Records an assessment of the current state in the history. */
    public void record(Assessment assessment) {
        FactSet before = history.isEmpty() ? null : history.get(history.size() - 1).assessment().factSet();
        List<Change> changes = before == null ? List.of() : Change.between(before, assessment.factSet());
        history.add(new Entry(history.size() + 1, LocalTime.now().truncatedTo(ChronoUnit.SECONDS), assessment, changes));
    }

    public List<Entry> history() {
        return List.copyOf(history);
    }
}
