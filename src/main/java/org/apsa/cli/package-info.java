/**
 * The commands, for the interactive shell and one-shot use alike: thin classes that parse
 * options, call the core and print through {@link org.apsa.cli.Output}; the one reading of
 * a command's words, one-shot's, which the shell uses too ({@code ToolShell}); the one
 * mapping from failures to messages and exit statuses ({@code Failures}).
 */
package org.apsa.cli;
