/**
 * The commands, for the interactive shell and one-shot use alike: thin classes that parse
 * options, call the core and print through {@link org.apsa.cli.Output}. Spring Shell runs
 * them all, one-shot ({@code OneShotCommand}), in scripts and interactively; the one reading
 * of a command's words ({@code CommandWords}, through {@code ToolShell}); the one mapping
 * from failures to messages and exit statuses ({@code Failures}).
 */
package org.apsa.cli;
