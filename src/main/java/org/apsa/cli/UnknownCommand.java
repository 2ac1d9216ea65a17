package org.apsa.cli;

import org.apsa.fact.Suggestions;
import org.springframework.shell.result.CommandNotFoundMessageProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** The message for a mistyped command: plain text, with the nearest command when there is one. */
@Component
class UnknownCommand implements CommandNotFoundMessageProvider {

    @Override
    public String apply(ProviderContext context) {
        List<String> words = context.commands();
        String typed = words == null || words.isEmpty() ? "" : words.get(0);
        List<String> known = context.registrations() == null ? List.of() : List.copyOf(context.registrations().keySet());
        String suggestion = Suggestions.closest(typed, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
        return "unknown command \"" + typed + "\"" + suggestion + "; 'help' lists the commands";
    }
}
