package org.apsa.cli;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.shell.boot.SpringShellProperties;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code help}, Spring Shell's way of replacing its own: a bean of its {@code Help.Command}
 * makes the framework's help back off. It renders the templates Spring Shell's properties
 * name ({@code spring.shell.command.help.commands-template} and {@code command-template}, in
 * {@code application.properties}) with the tool's model ({@link Help}), and writes through
 * {@link Output}, so a script's or a one-shot run's help goes to standard output with its
 * other results. {@code COMMAND --help} comes here too, as the framework sends it.
 */
@Command(group = Help.SHELL)
public class HelpCommand implements org.springframework.shell.standard.commands.Help.Command {

    private final ObjectProvider<CommandCatalog> catalog;
    private final Output out;
    private final Help.Templates templates;
    /** Whether this is a one-shot run, whose overview leaves out what works only in the shell. */
    private final boolean oneShot;

    HelpCommand(ObjectProvider<CommandCatalog> catalog, Output out, Workbench workbench, SpringShellProperties properties,
                ResourceLoader resources) {
        this.catalog = catalog;
        this.out = out;
        this.oneShot = workbench.run() == Workbench.Run.COMMAND;
        SpringShellProperties.HelpCommand help = properties.getCommand().getHelp();
        this.templates = Help.Templates.load(resources, help.getCommandsTemplate(), help.getCommandTemplate());
    }

    @Command(command = "help", description = "List the commands, or describe one (help assess) or a group (help rules): what "
            + "it does, its options and their defaults, an example. Example: help rules test")
    void help(@Option(longNames = "command", arity = OptionArity.ZERO_OR_MORE,
            description = "a command or a group of commands, e.g. assess, rules test, rules") String[] command) {
        String topic = command == null ? "" : String.join(" ", command).strip();
        Collection<CommandRegistration> commands = catalog.getObject().getRegistrations().values();
        Help help = help(commands, templates);
        if (topic.isEmpty()) {
            // One-shot, the overview is of the tool's commands: the framework's own (clear, quit) mean nothing there.
            out.print((oneShot ? help(commands.stream().filter(Help::tools).toList(), templates) : help)
                    .overview(oneShot, out.width()));
            return;
        }
        out.print(help.topic(topic, out.width()).orElseThrow(() -> new UsageException(help.unknown(topic))));
    }

    /**
     * Every command the shell has now: the tool's described from their annotations, as
     * one-shot describes them; the framework's own from their registrations. A command with
     * other names ({@code quit}, {@code exit}) is registered once under each; described once.
     */
    static Help help(Collection<CommandRegistration> registrations, Help.Templates templates) {
        Set<CommandRegistration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Help.Entry> entries = registrations.stream().filter(seen::add).filter(r -> !r.isHidden())
                .map(HelpCommand::entry).toList();
        return new Help(entries, templates);
    }

    /** What help says of a command: from its annotations when it is the tool's, else from its registration. */
    private static Help.Entry entry(CommandRegistration registration) {
        return Help.tools(registration) ? Help.entry(registration.getTarget().getMethod()) : Help.entry(registration);
    }
}
