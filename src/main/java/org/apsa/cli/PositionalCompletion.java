package org.apsa.cli;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Completion for options given by position ({@code set us.presence.tr<TAB>}): the shell
 * completes option values only after {@code --name}, so this finds which option the word
 * under the cursor fills by its position and asks that option's own completion.
 */
@Component
class PositionalCompletion implements CompletionResolver {

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        CommandRegistration registration = context.getCommandRegistration();
        if (registration == null) {
            return List.of();
        }
        List<String> words = context.getWords();
        int index = context.getWordIndex();
        String current = index < words.size() ? words.get(index) : "";
        if (current.startsWith("-") || (index > 0 && words.get(index - 1).startsWith("--"))) {
            return List.of();
        }
        int position = 0;
        for (int i = 0; i < index && i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--")) {
                i++;
            } else if (!word.isEmpty()) {
                position++;
            }
        }
        List<CommandOption> byPosition = registration.getOptions().stream()
                .filter(o -> o.getPosition() >= 0)
                .sorted(Comparator.comparingInt(CommandOption::getPosition))
                .toList();
        if (position >= byPosition.size()) {
            CommandOption last = byPosition.isEmpty() ? null : byPosition.get(byPosition.size() - 1);
            // A list option such as what-if's takes every remaining position.
            return last != null && last.getArityMax() > 1 && last.getCompletion() != null
                    ? last.getCompletion().apply(context.commandOption(last)) : List.of();
        }
        CommandOption option = byPosition.get(position);
        return option.getCompletion() == null ? List.of() : option.getCompletion().apply(context.commandOption(option));
    }
}
