package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion scripts offer the one-shot commands and their options as the commands define them, and work in bash. */
class CompletionScriptsTest {

    @TempDir
    Path temp;

    @Test
    void theScriptsCoverTheCommandsThatOneShotRuns() {
        assertThat(Arrays.stream(CommandHarness.standard().commandObjects()).map(Object::getClass))
                .containsExactlyInAnyOrderElementsOf(CompletionScripts.ONE_SHOT);
    }

    @Test
    void everyOptionOfEveryOneShotCommandIsOffered() {
        String bash = CompletionScripts.standard(KnowledgeBase.embedded()).bash();
        String zsh = CompletionScripts.standard(KnowledgeBase.embedded()).zsh();
        for (Class<?> type : CompletionScripts.ONE_SHOT) {
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(org.springframework.shell.command.annotation.Command.class) || Help.shellOnly(method)
                        || method.getAnnotation(org.springframework.shell.command.annotation.Command.class).hidden()) {
                    continue;
                }
                String name = Help.name(method);
                assertThat(bash).as(name).contains("\"" + name + "\") options=\"");
                assertThat(zsh).as(name).contains("\"" + name + "\")\n      _arguments");
                for (Help.Opt option : Help.entry(method).options()) {
                    assertThat(bash).as(name).containsPattern("\"" + name + "\"\\) options=\"[^\"]*--" + option.name() + "\\b");
                    assertThat(zsh).as(name).contains("'--" + option.name() + "[");
                }
            }
        }
    }

    @Test
    void bashCompletesCommandsSubcommandsOptionsAndOutlookIds() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        Path script = temp.resolve("apsa.bash");
        Files.writeString(script, CompletionScripts.standard(KnowledgeBase.embedded()).bash());

        assertThat(complete(script, "apsa", "as")).isEqualTo("assess");
        assertThat(complete(script, "apsa", "rules", "va")).isEqualTo("validate");
        assertThat(complete(script, "apsa", "rules", "validate", "--st")).isEqualTo("--strict");
        assertThat(complete(script, "apsa", "why-not", "--scenario", "pol")).isEqualTo("polarization");
        assertThat(complete(script, "apsa", "batch", "--th")).isEqualTo("--threads");
    }

    @Test
    void theZshScriptIsValidZsh() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/zsh")) || Files.isExecutable(Path.of("/usr/bin/zsh")), "zsh is installed");
        Path script = temp.resolve("_apsa");
        Files.writeString(script, CompletionScripts.standard(KnowledgeBase.embedded()).zsh());

        Process zsh = new ProcessBuilder("zsh", "-n", script.toString()).redirectErrorStream(true).start();
        String said = new String(zsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(zsh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(zsh.exitValue()).as(said).isZero();
    }

    /** What bash offers for the last word, the words joined by spaces. */
    private String complete(Path script, String... words) throws Exception {
        String line = "source '" + script + "'; COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD=" + (words.length - 1)
                + "; _apsa; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", line).directory(temp.toFile()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
