package org.apsa.batch;

/** The output folder cannot be created or written, or is among the inputs; nothing of the run was kept. */
public final class OutputException extends RuntimeException {

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
