package org.apsa.cli;

/** The command line asks for something the command cannot do; the message says what to write instead. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
