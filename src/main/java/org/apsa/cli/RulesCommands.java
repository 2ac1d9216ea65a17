package org.apsa.cli;

import org.apsa.rulebase.RuleBase;
import org.apsa.rulebase.RuleInfo;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.Locale;

/** {@code rules ...}: the rule base in use. */
@Command(command = "rules", group = "Rules")
class RulesCommands {

    private final RuleBases ruleBases;
    private final Output out;

    RulesCommands(RuleBases ruleBases, Output out) {
        this.ruleBases = ruleBases;
        this.out = out;
    }

    @Command(command = "list", description = "List the rules: file and line, name, paragraph, title. Example: rules list")
    void list(@Option(longNames = "rules", description = "the folder of .drl rules (default: rules/)") String rules) {
        RuleBase base = ruleBases.ruleBase(rules);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d rules from %s%n", base.rules().size(), base.folder()));
        for (RuleInfo r : base.rules()) {
            text.append(String.format(Locale.ROOT, "  %-28s %-46s ¶%-10s %s%n", r.file() + ":" + r.line(), r.name(),
                    r.source() == null ? "?" : r.source(), r.title() == null ? "" : r.title()));
        }
        out.print(text.toString());
    }

    @Command(command = "reload", description = "Compile the rules again and use them if they compile; otherwise show the "
            + "errors and keep the rules in use. Example: rules reload")
    void reload(@Option(longNames = "rules", description = "the folder of .drl rules (default: the one in use)") String rules) {
        long started = System.nanoTime();
        RuleBase base = ruleBases.reload(rules);
        out.print(String.format(Locale.ROOT, "Reloaded %d rules from %s in %d ms.", base.rules().size(), base.folder(),
                (System.nanoTime() - started) / 1_000_000));
    }
}
