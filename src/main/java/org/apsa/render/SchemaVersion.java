package org.apsa.render;

/**
 * The version of the JSON outputs' format, written as {@code "schemaVersion"} first in every
 * JSON object the tool prints or writes (assessments, explanations, batch lines, errors, the
 * vocabulary). The schemas under {@code schemas/} describe this version. The minor number
 * grows when keys are added, the major one when a key is removed or changes its meaning, so
 * a reader that ignores keys it does not know needs to check the major number only.
 */
public final class SchemaVersion {

    public static final String KEY = "schemaVersion";
    public static final String CURRENT = "1.1";

    private SchemaVersion() {
    }
}
