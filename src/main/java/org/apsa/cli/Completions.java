package org.apsa.cli;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Vocabulary;
import org.apsa.ruletest.RuleTestReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.shell.CompletionProposal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tab completion: indicator ids, their levels and outlook ids, all read from the knowledge base
 * of the rules in use; fact files, scripts and rule tests; and a value given by position.
 */
@Configuration(proxyBeanMethods = false)
class Completions {

    /** Offered while the knowledge base cannot be read: nothing. */
    private static final Vocabulary NO_INDICATORS = new Vocabulary("0", List.of());

    /**
     * The knowledge base of the session's rules; empty while its file has errors: completion
     * never fails, and never offers the ids of another knowledge base.
     */
    private static Optional<KnowledgeBase> knowledgeBase(RuleBases ruleBases) {
        try {
            return Optional.of(ruleBases.knowledgeBase(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Vocabulary vocabulary(RuleBases ruleBases) {
        return knowledgeBase(ruleBases).map(KnowledgeBase::vocabulary).orElse(NO_INDICATORS);
    }

    static List<String> outlooks(RuleBases ruleBases) {
        return knowledgeBase(ruleBases).map(KnowledgeBase::outlookIds).orElse(List.of());
    }

    @Bean
    CompletionProvider indicatorIds(RuleBases ruleBases) {
        return context -> vocabulary(ruleBases).indicators().stream()
                .map(d -> new CompletionProposal(d.id()).description(d.meaning()))
                .toList();
    }

    /** The levels of the indicator already typed on the line, or of every scale when none is. */
    @Bean
    CompletionProvider indicatorLevels(RuleBases ruleBases) {
        return context -> {
            Vocabulary vocabulary = vocabulary(ruleBases);
            Optional<IndicatorDef> typed = context.getWords().stream().map(vocabulary::find)
                    .flatMap(Optional::stream).findFirst();
            List<String> levels = typed.map(d -> d.scale().levels())
                    .orElseGet(() -> vocabulary.indicators().stream().flatMap(d -> d.scale().levels().stream()).distinct().toList());
            return levels.stream().map(CompletionProposal::new).toList();
        };
    }

    /** {@code ID=LEVEL}: every id, and once an id and '=' are typed, its levels. */
    @Bean
    CompletionProvider indicatorAssignments(RuleBases ruleBases) {
        return context -> {
            Vocabulary vocabulary = vocabulary(ruleBases);
            String word = context.currentWord() == null ? "" : context.currentWord();
            int eq = word.indexOf('=');
            if (eq <= 0) {
                return vocabulary.indicators().stream().map(d -> new CompletionProposal(d.id() + "=").complete(false)).toList();
            }
            return vocabulary.find(word.substring(0, eq)).stream()
                    .flatMap(d -> Stream.concat(d.scale().levels().stream(), Stream.of("unknown"))
                            .map(level -> new CompletionProposal(d.id() + "=" + level)))
                    .toList();
        };
    }

    /** Fact files (.json, .jsonl) under the path typed so far, and the folders that hold some. */
    @Bean
    CompletionProvider factFiles() {
        return context -> files(context.currentWord(), List.of(".json", ".jsonl"));
    }

    /** Scripts of shell commands (.apsa) under the path typed so far, and the folders that hold some. */
    @Bean
    CompletionProvider scriptFiles() {
        return context -> files(context.currentWord(), List.of(".apsa"));
    }

    /**
     * Files named with one of {@code extensions} in the folder of the path typed so far, and
     * the folders there that lead to such a file: a folder of none (docs/) would be a Tab to
     * nowhere. Hidden files and folders are left out.
     */
    static List<CompletionProposal> files(String typed, List<String> extensions) {
        String word = typed == null ? "" : typed;
        int slash = word.lastIndexOf('/');
        String prefix = slash < 0 ? "" : word.substring(0, slash + 1);
        Path folder = UserPaths.of(slash < 0 ? "." : prefix);
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) ? leadsTo(p, extensions) : named(p, extensions))
                    .map(p -> Files.isDirectory(p) ? new CompletionProposal(prefix + p.getFileName() + "/").complete(false)
                            : new CompletionProposal(prefix + p.getFileName()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** How deep, and through how many entries, a folder is searched for a file worth offering. */
    private static final int SEARCH_DEPTH = 4;
    private static final int SEARCH_ENTRIES = 2_000;

    /**
     * Whether {@code folder} holds a file named with one of {@code extensions}, hidden folders
     * aside. The search is bounded so that Tab answers at once; a folder too large to tell is
     * offered.
     */
    static boolean leadsTo(Path folder, List<String> extensions) {
        boolean[] found = {false};
        int[] seen = {0};
        try {
            Files.walkFileTree(folder, Set.of(), SEARCH_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && named(file, extensions)) {
                        found[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    return ++seen[0] >= SEARCH_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return found[0] || seen[0] >= SEARCH_ENTRIES;
    }

    private static boolean named(Path file, List<String> extensions) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && extensions.stream().anyMatch(name::endsWith);
    }

    /** Fact files, or outlook ids, for commands that take either in first position. */
    @Bean
    CompletionProvider factFilesOrOutlooks(CompletionProvider factFiles, RuleBases ruleBases) {
        return context -> {
            List<CompletionProposal> proposals = new ArrayList<>(factFiles.apply(context));
            outlooks(ruleBases).forEach(id -> proposals.add(new CompletionProposal(id)));
            return proposals;
        };
    }

    /** The names of the rule tests of the rules folder on the line ({@code --rules DIR}), or of the one in use. */
    @Bean
    CompletionProvider ruleTestNames(RuleBases ruleBases) {
        return context -> testNames(context.getWords(), ruleBases.folder(null)).stream().map(CompletionProposal::new).toList();
    }

    static List<String> testNames(List<String> words, Path rulesInUse) {
        Path folder = rulesInUse;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--rules") && i + 1 < words.size()) {
                folder = UserPaths.of(words.get(i + 1));
            } else if (word.startsWith("--rules=")) {
                folder = UserPaths.of(word.substring("--rules=".length()));
            }
        }
        try {
            return List.copyOf(RuleTestReader.names(folder.resolve("tests")));
        } catch (RuntimeException e) {
            // No tests folder there (yet): nothing to offer.
            return List.of();
        }
    }

    @Bean
    CompletionProvider outlookIds(RuleBases ruleBases) {
        return context -> outlooks(ruleBases).stream().map(CompletionProposal::new).toList();
    }

    /**
     * Completion for options given by position ({@code set us.presence.tr<TAB>}): the shell
     * completes option values only after {@code --name}, so this finds which option the word
     * under the cursor fills by its position and asks that option's own completion.
     */
    @Bean
    CompletionResolver positionalCompletion() {
        return context -> {
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
        };
    }
}
