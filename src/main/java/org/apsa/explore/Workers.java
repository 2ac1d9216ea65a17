package org.apsa.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an exploration's tasks on daemon threads; a task's failure is the exploration's. */
public final class Workers {

    private Workers() {
    }

    /** The tasks' results in the tasks' order; the tasks still running are interrupted when one fails. */
    static <T> List<T> run(int threads, String name, List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(result(f, "exploration interrupted"));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits for a task's result: the task's own failure is thrown as the task threw it, and an
     * interrupt of the waiting thread as an {@link IllegalStateException} saying {@code interrupted}.
     * Explorations and batches alike.
     */
    public static <T> T result(Future<T> task, String interrupted) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
