package org.apsa.cli;

import org.springframework.shell.test.ShellTestClient.InteractiveShellSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Typing into the shell under test and waiting for the screen to show a result. */
final class ShellTestSupport {

    private ShellTestSupport() {
    }

    /**
     * Types a command once the screen has been still for a moment, as a person would: the
     * shell has finished the previous command and waits for input.
     */
    static void type(InteractiveShellSession session, String command) {
        awaitQuiet(session);
        session.write(session.writeSequence().text(command).carriageReturn().build());
    }

    static void awaitQuiet(InteractiveShellSession session) {
        String last = String.join("\n", session.screen().lines());
        Instant stillSince = Instant.now();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            sleep(50);
            String now = String.join("\n", session.screen().lines());
            if (!now.equals(last)) {
                last = now;
                stillSince = Instant.now();
            } else if (Duration.between(stillSince, Instant.now()).toMillis() >= 400) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the screen shows {@code text}, failing with the screen when it never does. */
    static String awaitScreen(InteractiveShellSession session, String text) {
        return awaitScreen(session, screen -> screen.contains(text), "a screen containing \"" + text + "\"");
    }

    static String awaitScreen(InteractiveShellSession session, Predicate<String> ready, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        String screen = "";
        while (Instant.now().isBefore(deadline)) {
            screen = String.join("\n", session.screen().lines());
            if (ready.test(screen)) {
                return screen;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + what + ", screen was:\n" + screen);
    }

    static List<String> lines(InteractiveShellSession session) {
        return session.screen().lines();
    }
}
