package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.fact.PlainText;
import org.apsa.rulebase.Finding;
import org.apsa.authoring.Validator;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RefusedRulesException;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesWatcher;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.apsa.fact.PlainText.count;

/**
 * In the interactive shell, reloads the session's rules when their files change, and says so
 * in one line above the prompt: the new rules in use, or why they were not taken and that
 * the old ones stay. Never started in a one-shot run, which must not leave a thread behind
 * or print anything it was not asked for.
 */
@Component
class LiveReload implements SmartLifecycle {

    private static final Logger LOG = LogManager.getLogger(LiveReload.class);

    private final RuleBases ruleBases;
    private final Consumer<String> notice;
    private final boolean enabled;
    private final Duration debounce;
    private volatile RulesWatcher watcher;

    @Autowired
    LiveReload(RuleBases ruleBases, Terminal terminal, ObjectProvider<LineReader> lineReader,
               @Value("${spring.shell.interactive.enabled:false}") boolean interactive,
               @Value("${apsa.one-shot:false}") boolean oneShot) {
        this(ruleBases, text -> print(terminal, lineReader.getIfAvailable(), text), interactive && !oneShot,
                RulesWatcher.DEBOUNCE);
    }

    LiveReload(RuleBases ruleBases, Consumer<String> notice, boolean enabled, Duration debounce) {
        this.ruleBases = ruleBases;
        this.notice = notice;
        this.enabled = enabled;
        this.debounce = debounce;
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        ruleBases.onFolderChange(this::watch);
        watch(ruleBases.sessionFolder());
    }

    /** Watches a folder instead of the one watched so far. */
    synchronized void watch(Path folder) {
        if (watcher != null) {
            if (watcher.folder().equals(folder)) {
                return;
            }
            watcher.close();
            watcher = null;
        }
        if (!Files.isDirectory(folder) || EmbeddedRules.isEmbedded(folder)) {
            // The embedded rules change only with the tool.
            return;
        }
        try {
            watcher = RulesWatcher.start(folder, debounce, () -> reload(folder));
        } catch (UncheckedIOException e) {
            LOG.warn("no live reload: {}", e.getMessage());
        }
    }

    private void reload(Path folder) {
        long started = System.nanoTime();
        try {
            RuleBase base = ruleBases.reload(folder.toString());
            List<String> warnings = base.warnings();
            notice.accept(String.format(Locale.ROOT, "Rules changed: reloaded %d rules from %s in %d ms.",
                    base.rules().size(), folder, (System.nanoTime() - started) / 1_000_000)
                    + (warnings.isEmpty() ? "" : " " + count(warnings.size(), "warning") + ", first: "
                            + warnings.get(0).lines().findFirst().orElse("") + "; 'rules validate' shows all."));
        } catch (RefusedRulesException e) {
            notice.accept("Rules changed but have " + count(e.errors().size(), "error") + " (first: "
                    + e.errors().get(0).lines().findFirst().orElse("") + "); still using the previous rules. "
                    + "'rules validate' shows all.");
        } catch (RuleBaseException e) {
            notice.accept("Rules changed but do not compile (" + firstError(folder, e)
                    + "); still using the previous rules. 'rules validate' shows all.");
        }
    }

    /** The first error as the validator places it (at the statement, not the rule's first line). */
    private static String firstError(Path folder, RuleBaseException e) {
        List<Finding> errors = new Validator().errorsAfterFailedLoad(folder, e);
        if (errors.isEmpty()) {
            return e.getMessage();
        }
        return PlainText.count(errors.size(), "error") + ", first: " + errors.get(0).position()
                + ": " + errors.get(0).message();
    }

    private static void print(Terminal terminal, LineReader reader, String text) {
        if (reader != null) {
            // Above the prompt and whatever the analyst is typing, which the reader redraws.
            reader.printAbove(text);
        } else {
            terminal.writer().println(text);
            terminal.writer().flush();
        }
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
