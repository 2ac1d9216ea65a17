package org.apsa.spark;

import java.io.Serializable;

/**
 * One input of a batch, in input order.
 *
 * @param number  its place among the inputs, from 0
 * @param name    as messages name it: the path as given (or found below a folder given)
 * @param uri     where an executor reads it: a Hadoop path with a scheme, or null for a local file read by {@code name}
 * @param problem why it cannot be read, or null
 */
record FactFile(int number, String name, String uri, String problem) implements Serializable {

    boolean readable() {
        return problem == null;
    }
}
