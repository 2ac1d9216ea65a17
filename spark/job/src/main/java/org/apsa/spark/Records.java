package org.apsa.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apsa.fact.FactSetReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The records of one fact file, read by the single-machine reader on a thread of their own and
 * handed over a few at a time, so that a task holds a bounded number of records whatever the
 * file's size, and the task's thread assesses while the next records are read.
 */
final class Records implements Iterator<FactSetReader.Entry>, AutoCloseable {

    private static final int AHEAD = 64;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private Object next;

    Records(FactSetReader parser, FactFile file, Configuration hadoop) {
        reader = new Thread(() -> {
            try {
                read(parser, file, hadoop);
                put(END);
            } catch (Stopped stopped) {
                // The task ended before the file did; nothing waits for the rest.
            } catch (Throwable t) {
                try {
                    put(t);
                } catch (Stopped stopped) {
                    // as above
                }
            }
        }, "apsa-read");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(FactSetReader parser, FactFile file, Configuration hadoop) throws Exception {
        if (file.uri() == null || file.uri().startsWith("/")) {
            parser.read(Path.of(file.uri() == null ? file.name() : file.uri()), file.name(), this::put);
            return;
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.uri());
        FileSystem fs = path.getFileSystem(hadoop);
        boolean lines = file.name().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        try (InputStream in = fs.open(path)) {
            parser.read(file.name(), in, lines, this::put);
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        if (next instanceof Throwable t) {
            throw new IllegalStateException(t);
        }
        return next != END;
    }

    @Override
    public FactSetReader.Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FactSetReader.Entry entry = (FactSetReader.Entry) next;
        next = null;
        return entry;
    }

    @Override
    public void close() {
        reader.interrupt();
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
