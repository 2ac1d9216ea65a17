package org.apsa.bench;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds what a Drools user would ship: the rules folder compiled to an executable-model
 * KieModule and written as a kjar file, for {@link ReferenceProgram} to load without
 * compiling anything. The start-up benchmark runs it before it measures.
 *
 * <p>Usage: {@code ReferenceKjar RULES_DIR KJAR_FILE}
 */
public final class ReferenceKjar {

    /** The release the kjar is built as, and the reference program loads. */
    static final String GROUP = "org.apsa.bench";
    static final String ARTIFACT = "reference-rules";
    static final String VERSION = "1.0.0";

    private ReferenceKjar() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        Path kjar = Path.of(args[1]);
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId(GROUP, ARTIFACT, VERSION);
        KieFileSystem fs = kie.newKieFileSystem().generateAndWritePomXML(release);
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                fs.write("src/main/resources/" + rules.relativize(drl), Files.readAllBytes(drl));
            }
        }
        KieBuilder builder = kie.newKieBuilder(fs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            System.exit(3);
        }
        Files.createDirectories(kjar.toAbsolutePath().getParent());
        Files.write(kjar, ((InternalKieModule) builder.getKieModule()).getBytes());
    }
}
