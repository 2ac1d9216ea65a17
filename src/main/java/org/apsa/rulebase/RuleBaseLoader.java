package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.fact.InputProblem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles every {@code *.drl} file under a rules folder into a {@link RuleBase}, at run
 * time, so rule authors change rules without rebuilding the tool. Compile errors come back
 * as {@code path:line:col: message} against the files the author edits.
 */
public final class RuleBaseLoader {

    private static final Logger LOG = LogManager.getLogger(RuleBaseLoader.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");

    /** The rules folder used when none is given. */
    public static final Path DEFAULT_FOLDER = Path.of("rules");

    private RuleBaseLoader() {
    }

    /**
     * @throws RuleBaseException when the folder holds no rules or they do not compile
     */
    public static RuleBase load(Path folder) {
        long started = System.nanoTime();
        List<Path> files = drlFiles(folder);
        Map<Path, byte[]> sources = new LinkedHashMap<>();
        for (Path file : files) {
            sources.put(file, read(file));
        }
        KieServices kie = KieServices.Factory.get();
        Build build = build(kie, folder, sources);
        if (!build.errors().isEmpty()) {
            kie.getRepository().removeKieModule(build.release());
            throw new RuleBaseException(build.errors());
        }
        KieBase kieBase;
        try {
            KieContainer container = kie.newKieContainer(build.release(), RuleBaseLoader.class.getClassLoader());
            kieBase = container.getKieBase();
        } finally {
            // The global repository would otherwise keep every build alive.
            kie.getRepository().removeKieModule(build.release());
        }
        List<RuleInfo> rules = describe(kieBase, folder, sources);
        LOG.info("compiled {} rules from {} files in {} in {} ms", rules.size(), files.size(), folder,
                (System.nanoTime() - started) / 1_000_000);
        return new RuleBase(kieBase, folder, rules, build.fingerprint());
    }

    /**
     * Compiles DRL texts as if they were the files of a folder, without making a rule base:
     * the compile errors, as Drools reports them (a validator refines their positions). The
     * texts need not be the files' current content.
     *
     * @param sources file (under {@code folder}) to its DRL text, in the order to compile
     */
    public static List<InputProblem> check(Path folder, Map<Path, String> sources) {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        sources.forEach((file, text) -> bytes.put(file, text.getBytes(StandardCharsets.UTF_8)));
        KieServices kie = KieServices.Factory.get();
        Build build = build(kie, folder, bytes);
        kie.getRepository().removeKieModule(build.release());
        return build.errors();
    }

    private record Build(ReleaseId release, List<InputProblem> errors, String fingerprint) {
    }

    private static Build build(KieServices kie, Path folder, Map<Path, byte[]> sources) {
        KieFileSystem fs = kie.newKieFileSystem();
        Map<String, Path> byResource = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        sources.forEach((file, bytes) -> {
            String relative = relative(folder, file);
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            fs.write(RESOURCES + relative, bytes);
            byResource.put(RESOURCES + relative, file);
            byResource.put(relative, file);
        });
        ReleaseId release = kie.newReleaseId("org.apsa.rules", "rules", "1.0." + BUILDS.incrementAndGet());
        fs.generateAndWritePomXML(release);
        KieBuilder builder = kie.newKieBuilder(fs, RuleBaseLoader.class.getClassLoader()).buildAll();
        List<InputProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(problem(message, byResource));
        }
        return new Build(release, errors, HexFormat.of().formatHex(digest.digest()));
    }

    /** The DRL files of a folder, recursively, in a stable order. */
    public static List<Path> drlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleBaseException(List.of(new InputProblem(folder.toString(), 0, 0,
                    "no such rules folder; give the folder holding the .drl files with --rules DIR")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> relative(folder, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new RuleBaseException(List.of(new InputProblem(folder.toString(), 0, 0,
                    "holds no .drl files; give the folder holding the rules with --rules DIR")));
        }
        return files;
    }

    /** The rules' metadata and positions, from the same texts that were compiled. */
    private static List<RuleInfo> describe(KieBase kieBase, Path folder, Map<Path, byte[]> sources) {
        Map<String, int[]> positions = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        int fileIndex = 0;
        for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
            Path file = source.getKey();
            List<String> lines = Arrays.asList(new String(source.getValue(), StandardCharsets.UTF_8).split("\n", -1));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RULE_HEADER.matcher(lines.get(i));
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    positions.putIfAbsent(name, new int[]{fileIndex, i + 1});
                    fileOf.putIfAbsent(name, relative(folder, file));
                }
            }
            fileIndex++;
        }
        List<RuleInfo> rules = new ArrayList<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                int[] at = positions.getOrDefault(rule.getName(), new int[]{Integer.MAX_VALUE, 0});
                rules.add(new RuleInfo(rule.getName(), fileOf.getOrDefault(rule.getName(), ""), at[1],
                        text(meta.get("title")), text(meta.get("source")), claims(meta.get("claim"))));
            }
        }
        rules.sort(Comparator.comparingInt((RuleInfo r) -> positions.getOrDefault(r.name(), new int[]{Integer.MAX_VALUE, 0})[0])
                .thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        return rules;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    static List<String> claims(Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static InputProblem problem(Message message, Map<String, Path> byResource) {
        String path = message.getPath();
        Path file = path == null ? null : byResource.get(path);
        String where = file != null ? file.toString() : path == null ? "rules" : path.replaceFirst("^" + RESOURCES, "");
        String text = message.getText() == null ? "error" : message.getText().strip().replaceAll("\\s*\\n\\s*", " ");
        int column = Math.max(0, message.getColumn());
        Matcher at = PARSER_POSITION.matcher(text);
        if (column == 0 && at.find() && Integer.parseInt(at.group(1)) == message.getLine()) {
            // The parser puts the (0-based) column in the text only.
            column = Integer.parseInt(at.group(2)) + 1;
        }
        return new InputProblem(where, Math.max(0, message.getLine()), column, text);
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RuleBaseException(List.of(new InputProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage())));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
