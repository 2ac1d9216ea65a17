package org.apsa.cli;

import org.apsa.engine.Outlook;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Vocabulary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.shell.CompletionProposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tab completion for indicator ids, their levels and outlook ids, all read from the vocabulary. */
@Configuration(proxyBeanMethods = false)
class Completions {

    @Bean
    CompletionProvider indicatorIds() {
        return context -> Vocabulary.indicators().stream()
                .map(d -> new CompletionProposal(d.id()).description(d.meaning()))
                .toList();
    }

    /** The levels of the indicator already typed on the line, or of every scale when none is. */
    @Bean
    CompletionProvider indicatorLevels() {
        return context -> {
            Optional<IndicatorDef> typed = context.getWords().stream().map(Vocabulary::find)
                    .flatMap(Optional::stream).findFirst();
            List<String> levels = typed.map(d -> d.scale().levels())
                    .orElseGet(() -> Vocabulary.indicators().stream().flatMap(d -> d.scale().levels().stream()).distinct().toList());
            return levels.stream().map(CompletionProposal::new).toList();
        };
    }

    /** {@code ID=LEVEL}: every id, and once an id and '=' are typed, its levels. */
    @Bean
    CompletionProvider indicatorAssignments() {
        return context -> {
            String word = context.currentWord() == null ? "" : context.currentWord();
            int eq = word.indexOf('=');
            List<CompletionProposal> proposals = new ArrayList<>();
            if (eq > 0) {
                Vocabulary.find(word.substring(0, eq)).ifPresent(d -> {
                    for (String level : d.scale().levels()) {
                        proposals.add(new CompletionProposal(d.id() + "=" + level));
                    }
                    proposals.add(new CompletionProposal(d.id() + "=unknown"));
                });
            } else {
                Vocabulary.indicators().forEach(d -> proposals.add(new CompletionProposal(d.id() + "=").complete(false)));
            }
            return proposals;
        };
    }

    /** Folders and fact files (.json, .jsonl) under the path typed so far. */
    @Bean
    CompletionProvider factFiles() {
        return context -> {
            String typed = context.currentWord() == null ? "" : context.currentWord();
            int slash = typed.lastIndexOf('/');
            java.nio.file.Path folder = UserPaths.of(slash < 0 ? "." : typed.substring(0, slash + 1));
            String prefix = slash < 0 ? "" : typed.substring(0, slash + 1);
            List<CompletionProposal> proposals = new ArrayList<>();
            try (var entries = java.nio.file.Files.list(folder)) {
                entries.sorted().forEach(p -> {
                    String name = p.getFileName().toString();
                    boolean dir = java.nio.file.Files.isDirectory(p);
                    if (!name.startsWith(".") && (dir || name.endsWith(".json") || name.endsWith(".jsonl"))) {
                        proposals.add(new CompletionProposal(prefix + name + (dir ? "/" : "")).complete(!dir));
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                return List.of();
            }
            return proposals;
        };
    }

    /** Fact files, or outlook ids, for commands that take either in first position. */
    @Bean
    CompletionProvider factFilesOrOutlooks(CompletionProvider factFiles) {
        return context -> {
            List<CompletionProposal> proposals = new ArrayList<>(factFiles.apply(context));
            Outlook.ids().forEach(id -> proposals.add(new CompletionProposal(id)));
            return proposals;
        };
    }

    @Bean
    CompletionProvider outlookIds() {
        return context -> Outlook.ids().stream().map(CompletionProposal::new).toList();
    }
}
