package org.apsa.cli;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code help} in the shell and in scripts, in place of the shell framework's own: the same
 * text as one-shot (one renderer, {@link Help}), through {@link Output}, so a script's help
 * goes to standard output with its other results. {@code COMMAND --help} comes here too.
 */
@Command(group = Help.SHELL)
public class HelpCommand {

    private final ObjectProvider<CommandCatalog> catalog;
    private final Output out;
    /** Whether this is a one-shot run, whose overview leaves out what works only in the shell. */
    private final boolean oneShot;

    HelpCommand(ObjectProvider<CommandCatalog> catalog, Output out,
                Workbench workbench) {
        this.catalog = catalog;
        this.out = out;
        this.oneShot = workbench.run() == Workbench.Run.COMMAND;
    }

    @Command(command = "help", description = "List the commands, or describe one (help assess) or a group (help rules): what "
            + "it does, its options and their defaults, an example. Example: help rules test")
    void help(@Option(longNames = "command", arity = OptionArity.ZERO_OR_MORE,
            description = "a command or a group of commands, e.g. assess, rules test, rules") String[] command) {
        String topic = command == null ? "" : String.join(" ", command).strip();
        Collection<CommandRegistration> commands = catalog.getObject().getRegistrations().values();
        Help help = help(commands);
        if (topic.isEmpty()) {
            // One-shot, the overview is of the tool's commands: the framework's own (clear, quit) mean nothing there.
            out.print((oneShot ? help(commands.stream().filter(HelpCommand::tools).toList()) : help).overview(oneShot, out.width()));
            return;
        }
        out.print(help.topic(topic, out.width()).orElseThrow(() -> new UsageException(help.unknown(topic))));
    }

    /**
     * Every command the shell has now: the tool's described from their annotations, as
     * one-shot describes them; the framework's own from their registrations. A command with
     * other names ({@code quit}, {@code exit}) is registered once under each; described once.
     */
    static Help help(Collection<CommandRegistration> registrations) {
        Set<CommandRegistration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Help.Entry> entries = registrations.stream().filter(seen::add).filter(r -> !r.isHidden())
                .map(HelpCommand::entry).toList();
        return new Help(entries);
    }

    /** What help says of a command: from its annotations when it is the tool's, else from its registration. */
    static Help.Entry entry(CommandRegistration registration) {
        return tools(registration) ? Help.entry(registration.getTarget().getMethod()) : Help.entry(registration);
    }

    /** Whether a command is the tool's, described by its annotations, rather than the framework's. */
    private static boolean tools(CommandRegistration registration) {
        Method method = registration.getTarget() == null ? null : registration.getTarget().getMethod();
        return method != null && method.isAnnotationPresent(Command.class);
    }
}
