/**
 * Where log lines go. Code logs through the Log4j2 API only; the interactive shell writes
 * them with Log4j2's core, configured by {@code log4j2.xml}. A command given on the command
 * line writes the same lines to the same file through {@link org.apsa.log.FileLog}, which
 * does not start Log4j2's core: that start costs about half a second, a third of a one-shot
 * run.
 */
package org.apsa.log;
