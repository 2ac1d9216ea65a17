package org.apsa.cli;

/** The command line asks for something the command cannot do; the message says what to write instead. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
