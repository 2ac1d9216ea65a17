package org.apsa.spark;

/** A mistake on the command line: exit status 2, the message and how to fix it. */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}
