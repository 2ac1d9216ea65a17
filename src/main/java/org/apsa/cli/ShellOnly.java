package org.apsa.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command (or a class of commands) that works only where a session lasts from one command
 * to the next: the interactive shell and {@code @FILE} scripts. One-shot it is a usage error
 * that says so, and the one-shot {@code help} names it without listing it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface ShellOnly {
}
