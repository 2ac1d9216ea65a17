package org.apsa.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tells Spring Boot that a run which ended in a failure said to the user (an unknown
 * command, a usage error, a failed command of a script; see {@link Failures#exitStatus})
 * needs no report: without it Boot logs such a failure as "Application run failed" with its
 * stack trace. Any other failure is left to Boot's own report and to {@code Failures}, which logs it.
 * Registered in {@code META-INF/spring.factories}.
 */
class ReportedFailures implements SpringBootExceptionReporter {

    ReportedFailures(ConfigurableApplicationContext context) {
    }

    @Override
    public boolean reportException(Throwable failure) {
        return Failures.reportedStatus(failure) != 0 || Failures.known(failure).isPresent();
    }
}
