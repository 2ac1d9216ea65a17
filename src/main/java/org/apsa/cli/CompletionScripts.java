package org.apsa.cli;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Completion scripts for bash and zsh, generated from the commands' own {@code @Command},
 * {@code @Option} and {@code @OptionValues}, so they offer what the tool takes: the one-shot
 * commands, each one's options, and for an option's value what its completion provider offers
 * in the shell (fact files, and the outlook ids and indicator ids of the knowledge base in use); a folder for {@code --rules} and
 * {@code --out}, files for {@code --path}, which have no provider in the shell, where their
 * completion is the framework's.
 */
final class CompletionScripts {

    /** The classes of the commands a one-shot run takes (the application context has them). */
    static final List<Class<?>> ONE_SHOT = List.of(AssessCommands.class, BatchCommands.class, ExplainCommands.class, ExploreCommands.class,
            VocabularyCommands.class, RulesCommands.class, ToolCommands.class);

    /** The longest description shown beside a command or an option. */
    private static final int SUMMARY = 72;

    /** What an option's value is completed with. */
    private enum Values { FILES, FOLDERS, WORDS, NONE }

    private record Opt(String name, String description, boolean flag, Values values, List<String> words, boolean positional) {
    }

    private record Cmd(String name, String description, List<Opt> options, Values positional, List<String> words) {
    }

    private final List<Cmd> commands;

    private CompletionScripts(List<Cmd> commands) {
        this.commands = commands;
    }

    /** The scripts for the one-shot commands, {@code help} and {@code version}, offering this knowledge base's ids. */
    static CompletionScripts standard(KnowledgeBase knowledgeBase) {
        List<Cmd> commands = new ArrayList<>();
        for (Class<?> type : ONE_SHOT) {
            Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Command.class) && !m.getAnnotation(Command.class).hidden() && !Help.shellOnly(m))
                    .sorted(Comparator.comparing(m -> Help.commandRank(Help.name(m))))
                    .forEach(m -> commands.add(command(m, knowledgeBase)));
        }
        commands.add(new Cmd("help", "List the commands, or describe one", List.of(), Values.WORDS, firstWords(commands)));
        return new CompletionScripts(commands);
    }

    /** A command as help describes it, with what each option's value is completed with. */
    private static Cmd command(Method method, KnowledgeBase knowledgeBase) {
        Help.Entry entry = Help.entry(method);
        List<OptionValues> providers = Arrays.stream(method.getParameters()).filter(p -> p.isAnnotationPresent(Option.class))
                .map(p -> p.getAnnotation(OptionValues.class)).toList();
        List<Opt> options = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            Help.Opt o = entry.options().get(i);
            options.add(new Opt(o.name(), summary(o.description()), o.flag(), values(o.name(), providers.get(i)),
                    words(providers.get(i), knowledgeBase), o.positional()));
        }
        Optional<Opt> positional = options.stream().filter(o -> o.positional() && o.values() != Values.NONE).findFirst();
        return new Cmd(entry.name(), summary(entry.description()), options, positional.map(Opt::values).orElse(Values.NONE),
                positional.map(Opt::words).orElse(List.of()));
    }

    private static Values values(String option, OptionValues provider) {
        if (option.equals("rules") || option.equals("out")) {
            return Values.FOLDERS;
        }
        if (option.equals("path")) {
            return Values.FILES;
        }
        if (provider == null) {
            return Values.NONE;
        }
        String name = String.join(",", provider.provider());
        return name.contains("File") ? Values.FILES : Values.WORDS;
    }

    private static List<String> words(OptionValues provider, KnowledgeBase knowledgeBase) {
        if (provider == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String name : provider.provider()) {
            if (name.contains("utlook")) {
                words.addAll(knowledgeBase.outlookIds());
            } else if (name.contains("indicator")) {
                knowledgeBase.vocabulary().indicators().stream().map(IndicatorDef::id).forEach(words::add);
            }
        }
        return words;
    }

    /** The first sentence of a description, without what a shell's quoting or zsh's specs would take apart. */
    private static String summary(String description) {
        String first = description.split("(?<=[.;])\\s|\\s*Example:")[0].replaceAll("[.;]$", "");
        String plain = first.replace(':', ',').replace('\'', '\u2019').replaceAll("[\\[\\]\"`$\\\\]", "")
                .replaceAll("\\s+", " ").strip();
        if (plain.length() <= SUMMARY) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', SUMMARY - 1);
        return plain.substring(0, cut > 0 ? cut : SUMMARY - 1).replaceAll("[,;(]$", "") + "\u2026";
    }

    /** Commands of two words, by their first word: "rules" to list, validate, ... */
    private Map<String, List<Cmd>> groups() {
        Map<String, List<Cmd>> groups = new LinkedHashMap<>();
        for (Cmd c : commands) {
            int space = c.name().indexOf(' ');
            if (space > 0) {
                groups.computeIfAbsent(c.name().substring(0, space), k -> new ArrayList<>()).add(c);
            }
        }
        return groups;
    }

    private static List<String> firstWords(List<Cmd> commands) {
        return commands.stream().map(c -> c.name().split(" ")[0]).distinct().toList();
    }

    String bash() {
        StringBuilder s = new StringBuilder();
        s.append("# bash completion for apsa, generated from its commands by 'apsa completion bash'.\n")
                .append("# Use: source this file, or copy it to ~/.local/share/bash-completion/completions/apsa\n")
                .append("_apsa() {\n")
                .append("  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]} first=2\n")
                .append("  if [ \"$COMP_CWORD\" -eq 1 ]; then\n")
                .append("    COMPREPLY=($(compgen -W \"").append(String.join(" ", firstWords(commands))).append(" --version --help\" -- \"$cur\"))\n")
                .append("    return\n  fi\n")
                .append("  case $cmd in\n");
        groups().forEach((group, members) -> s.append("    ").append(group).append(")\n")
                .append("      if [ \"$COMP_CWORD\" -eq 2 ]; then\n")
                .append("        COMPREPLY=($(compgen -W \"").append(members.stream().map(c -> c.name().substring(group.length() + 1))
                        .collect(Collectors.joining(" "))).append("\" -- \"$cur\"))\n")
                .append("        return\n      fi\n")
                .append("      cmd=\"").append(group).append(" ${COMP_WORDS[2]}\"; first=3 ;;\n"));
        s.append("  esac\n")
                .append("  local options= values=files words=\n")
                .append("  case $cmd in\n");
        for (Cmd c : commands) {
            s.append("    \"").append(c.name()).append("\") options=\"")
                    .append(c.options().stream().map(o -> "--" + o.name()).collect(Collectors.joining(" "))).append("\"");
            s.append(" values=").append(c.positional().name().toLowerCase(Locale.ROOT));
            if (!c.words().isEmpty()) {
                s.append(" words=\"").append(String.join(" ", c.words())).append("\"");
            }
            s.append(" ;;\n");
        }
        s.append("  esac\n")
                .append("  case $prev in\n");
        // An option's value is completed as the first command taking it completes it.
        Map<String, String> byOption = commands.stream().flatMap(c -> c.options().stream()).filter(o -> !o.flag())
                .collect(Collectors.toMap(o -> "--" + o.name(), o -> bashValues(o.values(), o.words()), (first, later) -> first,
                        LinkedHashMap::new));
        byOption.forEach((option, completion) -> s.append("    ").append(option).append(") ").append(completion).append(" return ;;\n"));
        s.append("  esac\n")
                .append("  if [[ $cur == -* ]]; then\n")
                .append("    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n")
                .append("  elif [ \"$values\" = words ]; then\n")
                .append("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n")
                .append("  elif [ \"$values\" = folders ]; then\n")
                .append("    COMPREPLY=($(compgen -d -- \"$cur\"))\n")
                .append("  elif [ \"$values\" = files ]; then\n")
                .append("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n")
                .append("  fi\n")
                .append("}\n")
                .append("complete -o filenames -o bashdefault -F _apsa apsa\n");
        return s.toString();
    }

    private static String bashValues(Values values, List<String> words) {
        return switch (values) {
            case FOLDERS -> "COMPREPLY=($(compgen -d -- \"$cur\"));";
            case FILES -> "COMPREPLY=($(compgen -f -- \"$cur\"));";
            case WORDS -> "COMPREPLY=($(compgen -W \"" + String.join(" ", words) + "\" -- \"$cur\"));";
            case NONE -> "COMPREPLY=();";
        };
    }

    String zsh() {
        StringBuilder s = new StringBuilder();
        s.append("#compdef apsa\n")
                .append("# zsh completion for apsa, generated from its commands by 'apsa completion zsh'.\n")
                .append("# Use: put this file, named _apsa, in a folder on $fpath before compinit runs.\n")
                .append("_apsa() {\n")
                .append("  local -a commands\n")
                .append("  commands=(\n");
        Map<String, List<Cmd>> groups = groups();
        for (String first : firstWords(commands)) {
            String description = groups.containsKey(first) ? "the " + first + " commands"
                    : commands.stream().filter(c -> c.name().equals(first)).findFirst().map(Cmd::description).orElse("");
            s.append("    '").append(first).append(':').append(description).append("'\n");
        }
        s.append("    '--version:the version and the rules in use'\n")
                .append("  )\n")
                .append("  if (( CURRENT == 2 )); then\n")
                .append("    _describe -t commands 'apsa command' commands\n")
                .append("    return\n  fi\n")
                .append("  local cmd=${words[2]}\n")
                .append("  shift words; (( CURRENT-- ))\n")
                .append("  case $cmd in\n");
        groups.forEach((group, members) -> {
            s.append("    ").append(group).append(")\n")
                    .append("      if (( CURRENT == 2 )); then\n")
                    .append("        local -a sub\n")
                    .append("        sub=(");
            for (Cmd c : members) {
                s.append(" '").append(c.name().substring(group.length() + 1)).append(':').append(c.description()).append('\'');
            }
            s.append(" )\n")
                    .append("        _describe -t commands '").append(group).append(" command' sub\n")
                    .append("        return\n      fi\n")
                    .append("      cmd=\"").append(group).append(" ${words[2]}\"; shift words; (( CURRENT-- )) ;;\n");
        });
        s.append("  esac\n")
                .append("  case $cmd in\n");
        for (Cmd c : commands) {
            s.append("    \"").append(c.name()).append("\")\n      _arguments -s");
            for (Opt o : c.options()) {
                s.append(" \\\n        '--").append(o.name()).append('[').append(o.description()).append(']');
                if (!o.flag()) {
                    s.append(':').append(o.name()).append(':').append(zshValues(o.values(), o.words()));
                }
                s.append('\'');
            }
            if (c.positional() != Values.NONE) {
                s.append(" \\\n        '*:").append(c.positional() == Values.WORDS ? "word" : "file").append(':')
                        .append(zshValues(c.positional(), c.words())).append('\'');
            }
            s.append(" ;;\n");
        }
        s.append("  esac\n")
                .append("}\n")
                .append("_apsa \"$@\"\n");
        return s.toString();
    }

    private static String zshValues(Values values, List<String> words) {
        return switch (values) {
            case FOLDERS -> "_files -/";
            case FILES -> "_files";
            case WORDS -> "(" + String.join(" ", words) + ")";
            case NONE -> " ";
        };
    }
}
