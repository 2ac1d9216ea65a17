package org.apsa.cli;

import org.apache.commons.io.output.ProxyOutputStream;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Standard output that keeps why a write failed. A {@link PrintStream} only records that one
 * did ({@link #checkError()}), yet the user needs to know whether the disk is full or the
 * reader of a pipe went away: the first is a failure to say, the second the usual end of
 * {@code apsa ... | head}. Installed as {@code System.out} at start; results are checked
 * through {@link #requireWritten} after each is printed, so a run stops at its first lost
 * result instead of working on for no one.
 *
 * <p>Once a write has failed, every later one fails at once: output with a hole in it is
 * worse than output cut short.
 */
public final class StandardOutput extends PrintStream {

    private final Recorder recorder;

    StandardOutput(OutputStream target, Charset charset) {
        this(new Recorder(target), charset);
    }

    private StandardOutput(Recorder recorder, Charset charset) {
        // Flushed at each line, as the JVM's own System.out is.
        super(recorder, true, charset);
        this.recorder = recorder;
    }

    /** Standard output of the process, in the charset the JVM gives its own {@code System.out}. */
    public static StandardOutput open() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding == null || !Charset.isSupported(encoding) ? Charset.defaultCharset() : Charset.forName(encoding);
        return new StandardOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192), charset);
    }

    /**
     * Flushes {@code stream} and throws when anything written to it was lost: with the reason
     * when the stream is a {@code StandardOutput}, without one otherwise.
     *
     * @throws Failed when a write failed
     */
    static void requireWritten(PrintStream stream) {
        if (stream.checkError()) {
            IOException reason = stream instanceof StandardOutput own ? own.recorder.failure : null;
            throw new Failed(reason == null ? "write error" : reason.getMessage());
        }
    }

    /** Results could not be written to standard output; nothing more is. */
    static final class Failed extends RuntimeException {

        private final String reason;

        Failed(String reason) {
            super("could not write to standard output: " + reason, null, false, false);
            this.reason = reason == null ? "write error" : reason;
        }

        /**
         * Whether the reader of a pipe went away ({@code | head} has what it wanted): the end
         * of the run, not a failure to report.
         */
        boolean closedPipe() {
            String r = reason.toLowerCase(Locale.ROOT);
            // Linux and macOS say "Broken pipe"; Windows "The pipe is being closed" or "... has been ended".
            return r.contains("broken pipe") || r.contains("pipe is being closed") || r.contains("pipe has been ended");
        }

        /** What the user reads: the system's reason, in words when it is a closed descriptor. */
        String reason() {
            return reason.equalsIgnoreCase("Bad file descriptor") ? "standard output is closed" : reason;
        }
    }

    /** Remembers the first failure and refuses every write after it. */
    private static final class Recorder extends ProxyOutputStream {

        private volatile IOException failure;

        Recorder(OutputStream target) {
            super(target);
        }

        @Override
        protected void beforeWrite(int length) throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void flush() throws IOException {
            beforeWrite(0);
            super.flush();
        }

        @Override
        protected void handleIOException(IOException e) throws IOException {
            failure = e;
            throw e;
        }
    }
}
