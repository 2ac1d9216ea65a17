package org.apsa.batch;

/** The output folder cannot be created or written; nothing of the run was kept. */
public final class OutputException extends RuntimeException {

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
