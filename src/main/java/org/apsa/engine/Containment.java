package org.apsa.engine;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.drools.core.common.InternalAgenda;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps a rule that misbehaves at run time from ending a run silently or never ending it.
 * Rules are Java and run on the thread that fires them; nothing stops a consequence from
 * looping, waiting or ending the process. Two guards watch every firing of the rules:
 *
 * <ul>
 *   <li>A watchdog thread: a firing of the rules (the assessment, or one what-if question)
 *   that has run longer than {@link #deadline()} is stopped, and the rule in progress named.
 *   A consequence that loops never looks at an interrupt, so the watchdog stops its thread
 *   ({@link Thread#stop}, which Java 17 still performs): the firing fails with a
 *   {@link org.apsa.rulebase.RuleBaseException} naming the rule, the session is disposed and
 *   the command fails as for a rule that throws (exit status 3; the shell reports it and goes
 *   on). When the thread cannot be stopped (a Java that no longer stops threads, a rule that
 *   catches the stop), the message is printed and the process ends with status 3.</li>
 *   <li>A shutdown hook: when a rule calls {@code System.exit} (or {@code Runtime.exit})
 *   during a firing, the process ends with status 3 and a message naming the rule, whatever
 *   status the rule gave. {@code Runtime.halt} runs no hook and cannot be caught here; the
 *   rule base checks refuse rules that name it.</li>
 * </ul>
 *
 * <p>The rule in progress is read from the session's agenda when a guard acts, not recorded
 * at each firing, so the guards cost nothing per firing: a firing of the rules registers
 * itself and takes the time once.
 */
public final class Containment {

    private static final Logger LOG = LogManager.getLogger(Containment.class);

    /** The system property giving the deadline of one firing of the rules, in seconds. */
    public static final String DEADLINE_PROPERTY = "apsa.rules.deadline";
    /** The deadline when the property does not give one. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    /** How long a stopped thread has to leave the rule before the process ends. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** The exit status of a run ended by a misbehaving rule (as {@code ExitCode.RULES}). */
    static final int RULES_STATUS = 3;

    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Containment::onExit, "apsa-exit-guard"));
        Thread watchdog = new Thread(Containment::watchAll, "apsa-rule-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The last unusable deadline setting warned of. */
    private static volatile String warnedDeadline;

    /**
     * Whether sessions opened from now on go unguarded: not watched (the watchdog thread idles),
     * no halt check, no limit on firings. Only the containment benchmark sets it, in a process of its own, to measure
     * what the guards cost; the tool never does.
     */
    static boolean bypassed;

    private Containment() {
    }

    /** The deadline of one firing of the rules: {@value #DEADLINE_PROPERTY} seconds, 10 unless set. */
    public static Duration deadline() {
        String value = System.getProperty(DEADLINE_PROPERTY);
        if (value != null) {
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds > 0 && Double.isFinite(seconds)) {
                    return Duration.ofNanos((long) (seconds * 1e9));
                }
            } catch (NumberFormatException e) {
                // Read on every tick of the watchdog: said once a value, not once a second.
                if (!value.equals(warnedDeadline)) {
                    warnedDeadline = value;
                    LOG.warn("-D{}={} is not a number of seconds; using {} s", DEADLINE_PROPERTY, value, DEFAULT_DEADLINE.toSeconds());
                }
            }
        }
        return DEFAULT_DEADLINE;
    }

    /** Watches the firings of one session until closed; {@code where} names the fact set and question for messages. */
    static Watch watch(KieSession session, Supplier<String> where) {
        Watch watch = new Watch(session, where, deadline().toNanos());
        WATCHES.add(watch);
        return watch;
    }

    /**
     * The rule whose consequence is running in a session, or that was when a firing failed;
     * null when none is (the rules' conditions were being evaluated).
     */
    static String ruleInProgress(KieSession session) {
        try {
            InternalAgenda agenda = (InternalAgenda) ((InternalWorkingMemory) session).getAgenda();
            InternalMatch match = agenda.getKnowledgeHelper().getActivation();
            return match == null ? null : match.getRule().getName();
        } catch (RuntimeException | LinkageError e) {
            // Only for a message; a session of another kind, or one in the middle of changing.
            return null;
        }
    }

    /** Whether a session that returned from firing has nothing left to fire: true for a settled engine, false maybe for a halted one. */
    static boolean nothingPending(KieSession session) {
        InternalAgenda agenda = (InternalAgenda) ((InternalWorkingMemory) session).getAgenda();
        return agenda.peekNextRule() == null && !agenda.hasPendingPropagations();
    }

    /** One session under watch: whether it is firing, since when, on which thread. */
    static final class Watch implements AutoCloseable {

        private final KieSession session;
        private final Supplier<String> where;
        private final long deadline;
        private volatile Thread thread;
        private volatile long since;
        /** Set when the watchdog stopped the firing: the message to fail with. */
        private volatile String stopped;

        private Watch(KieSession session, Supplier<String> where, long deadline) {
            this.session = session;
            this.where = where;
            this.deadline = deadline;
        }

        /** A firing begins on the current thread; the watchdog stops a thread only under this lock. */
        synchronized void start() {
            stopped = null;
            since = System.nanoTime();
            thread = Thread.currentThread();
        }

        /** The firing is over. */
        synchronized void end() {
            thread = null;
        }

        /** The message of a firing the watchdog stopped; null when it did not stop it. */
        String stopped() {
            return stopped;
        }

        @Override
        public void close() {
            end();
            WATCHES.remove(this);
        }

        private String describe(String what) {
            String rule = ruleInProgress(session);
            String place;
            try {
                place = where.get();
            } catch (RuntimeException e) {
                place = "a fact set";
            }
            return (rule == null ? "the rules' conditions" : "rule \"" + rule + "\"") + " " + what + " on " + place;
        }
    }

    @SuppressWarnings("BusyWait")
    private static void watchAll() {
        while (true) {
            long period = Math.max(10_000_000L, Math.min(1_000_000_000L, deadline().toNanos() / 4));
            try {
                Thread.sleep(period / 1_000_000, (int) (period % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch w : WATCHES) {
                Thread t = w.thread;
                long since = w.since;
                if (t != null && w.stopped == null && now - since > w.deadline) {
                    stop(w, t, since);
                }
            }
        }
    }

    /** Stops a firing past its deadline; ends the process when its thread does not leave the rule. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Watch w, Thread t, long since) {
        String message = w.describe("has run for more than " + seconds(w.deadline) + " s without finishing") + "; it was "
                + "stopped. A rule must not loop or wait: fix its consequence ('then' part) or the functions it calls";
        // Only the firing that overran is stopped: not one that ended meanwhile, nor the next one.
        synchronized (w) {
            if (w.thread != t || w.since != since || w.stopped != null) {
                return;
            }
            w.stopped = message;
            LOG.error("{}", message);
            try {
                t.stop();
            } catch (UnsupportedOperationException | SecurityException e) {
                LOG.warn("the thread firing the rules cannot be stopped: {}", e.toString());
            }
        }
        long until = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < until) {
            if (w.thread != t || w.since != since) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("apsa: " + message + "; the rule could not be stopped, so the run ends (exit status "
                + RULES_STATUS + ")");
        System.err.flush();
        Runtime.getRuntime().halt(RULES_STATUS);
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /**
     * The shutdown hook: when the process is ending because a thread firing the rules called
     * {@code System.exit}, the rule in progress called it. The run then ends with status 3
     * and says so, whatever status the rule asked for.
     */
    private static void onExit() {
        for (Watch w : WATCHES) {
            Thread t = w.thread;
            if (t == null || !callsExit(t)) {
                continue;
            }
            String message = w.describe("ended the process (System.exit)") + "; a rule must not end the process: remove "
                    + "the call. The run failed";
            try {
                LOG.error("{}", message);
            } catch (RuntimeException e) {
                // The log may be shutting down too; the message goes to standard error all the same.
            }
            System.err.println("apsa: " + message + " (exit status " + RULES_STATUS + ")");
            System.err.flush();
            System.out.flush();
            Runtime.getRuntime().halt(RULES_STATUS);
        }
    }

    /** Whether a thread is inside {@code Runtime.exit}: it called for the end of the process itself. */
    private static boolean callsExit(Thread t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame.getClassName().equals("java.lang.Shutdown")
                || frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit"));
    }
}
