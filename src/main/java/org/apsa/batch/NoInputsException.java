package org.apsa.batch;

/** The inputs of a batch hold no fact file: nothing was assessed and nothing written. */
public final class NoInputsException extends RuntimeException {

    public NoInputsException(String message) {
        super(message, null);
    }
}
