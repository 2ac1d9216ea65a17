package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.fact.InputProblem;
import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    private static final Object LOCK = new Object();
    /** The kjar entry listing the model classes (under META-INF/kie/GROUP/ARTIFACT/). */
    private static final String MODEL_LIST = "drools-model";
    private static final String CACHE_FORMAT = "apsa compiled rules 1";
    /** A qualified class name as DRL writes it in imports and expressions. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b((?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*)");

    /** A simple class name where DRL uses a type: a pattern or constructor {@code Name(}, a static call {@code Name.}. */
    private static final Pattern SIMPLE_CLASS_NAME = Pattern.compile("(?<![\\w$.])([A-Z][\\w$]*)\\s*[(.]");
    private static final Pattern WILDCARD_IMPORT = Pattern.compile(
            "^\\s*(?:import\\s+([\\w.]+)\\.\\*|package\\s+([\\w.]+))\\s*;?", Pattern.MULTILINE);

    /** How an error only the executable model reports begins. */
    public static final String EXECUTABLE_MODEL_ERROR = "the rules compile as DRL but not to the executable model that runs them: ";
    /** A class the executable model generates (lambdas named by a hash). */
    private static final Pattern GENERATED = Pattern.compile("Lambda(?:Predicate|Consequence|Extractor)[0-9A-F]{32}");
    private static final Pattern UNCALLABLE_METHOD = Pattern.compile("The method (\\w+)\\(");

    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");

    /** The rules folder used when none is given. */
    public static final Path DEFAULT_FOLDER = Path.of("rules");

    private RuleBaseLoader() {
    }

    /**
     * Loads the rules of a folder, from the compiled-rule cache the settings name when it
     * holds these exact texts, compiled otherwise (and then saved there).
     *
     * @throws RuleBaseException when the folder holds no rules or they do not compile
     */
    public static RuleBase load(Path folder) {
        return load(folder, RuleCache.standard());
    }

    /**
     * Loads the rules of a folder through the given cache.
     *
     * @throws RuleBaseException when the folder holds no rules or they do not compile
     */
    public static RuleBase load(Path folder, RuleCache cache) {
        long started = System.nanoTime();
        List<Path> files = drlFiles(folder);
        Map<Path, byte[]> sources = new LinkedHashMap<>();
        for (Path file : files) {
            sources.put(file, read(file));
        }
        String fingerprint = fingerprint(folder, sources);
        String key = cacheKey(fingerprint, sources);
        KieBase kieBase;
        boolean fromCache;
        synchronized (LOCK) {
            kieBase = cache.read(key).map(kjar -> fromCache(cache, key, kjar)).orElse(null);
            fromCache = kieBase != null;
            if (!fromCache) {
                byte[] kjar = compile(KieServices.Factory.get(), folder, sources);
                cache.write(key, kjar);
                kieBase = fromKjar(kjar);
            }
        }
        List<RuleInfo> rules = describe(kieBase, folder, sources);
        LOG.info("{} {} rules from {} files in {} in {} ms", fromCache ? "loaded (compiled-rule cache)" : "compiled",
                rules.size(), files.size(), folder, (System.nanoTime() - started) / 1_000_000);
        return new RuleBase(kieBase, folder, rules, fingerprint, fromCache);
    }

    /**
     * Compiles DRL texts as if they were the files of a folder, without making a rule base:
     * the compile errors, as Drools reports them (a validator refines their positions). The
     * texts need not be the files' current content. When the DRL compiles, the executable
     * model (what runs) is compiled too, unless the cache already holds it, and saved in the
     * cache: a construct only it rejects is reported here and not first at the next load.
     *
     * @param sources file (under {@code folder}) to its DRL text, in the order to compile
     */
    public static List<InputProblem> check(Path folder, Map<Path, String> sources) {
        List<InputProblem> errors = checkDrl(folder, sources);
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<Path, byte[]> bytes = bytes(sources);
        String key = cacheKey(fingerprint(folder, bytes), bytes);
        RuleCache cache = RuleCache.standard();
        synchronized (LOCK) {
            if (cache.file(key).filter(Files::isRegularFile).isPresent()) {
                return List.of();
            }
            try {
                cache.write(key, compile(KieServices.Factory.get(), folder, bytes));
            } catch (RuleBaseException e) {
                return e.problems();
            }
        }
        return List.of();
    }

    /** As {@link #check}, the DRL compile only: for texts that are not meant to run. */
    public static List<InputProblem> checkDrl(Path folder, Map<Path, String> sources) {
        synchronized (LOCK) {
            KieServices kie = KieServices.Factory.get();
            Build build = build(kie, folder, bytes(sources), DrlProject.class);
            kie.getRepository().removeKieModule(build.release());
            return build.errors();
        }
    }

    private record Build(ReleaseId release, KieBuilder builder, List<InputProblem> errors) {
    }

    /**
     * Compiles to the executable model, whose kjar bytes come back. When that fails, the DRL
     * compile says why against the author's files; only a construct the executable model
     * alone rejects is reported with the executable model's own words.
     */
    private static byte[] compile(KieServices kie, Path folder, Map<Path, byte[]> sources) {
        Build build = build(kie, folder, sources, ExecutableModelProject.class);
        try {
            if (!build.errors().isEmpty()) {
                Build drl = build(kie, folder, sources, DrlProject.class);
                kie.getRepository().removeKieModule(drl.release());
                throw new RuleBaseException(drl.errors().isEmpty() ? executableModelErrors(folder, sources, build.errors()) : drl.errors());
            }
            return ((InternalKieModule) build.builder().getKieModule()).getBytes();
        } finally {
            // The global repository would otherwise keep every build alive.
            kie.getRepository().removeKieModule(build.release());
        }
    }

    /** A rule base from saved bytes; null (and the entry deleted) when they do not load. */
    private static KieBase fromCache(RuleCache cache, String key, byte[] kjar) {
        try {
            return fromKjar(kjar);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("compiled-rule cache entry {} does not load ({}); deleting it and compiling the rules",
                    cache.file(key).map(Path::toString).orElse(key), e.toString());
            cache.discard(key);
            return null;
        }
    }

    /**
     * A rule base straight from executable-model bytes: the model classes are defined and
     * instantiated and the network built from them, without the module machinery (project
     * descriptors, builder configuration) a container would start; that is most of the
     * start-up a cached run saves.
     */
    static KieBase fromKjar(byte[] kjar) {
        KjarClassLoader loader = KjarClassLoader.of(kjar, RuleBaseLoader.class.getClassLoader());
        String list = loader.text("/" + MODEL_LIST);
        if (list == null) {
            throw new IllegalArgumentException("no " + MODEL_LIST + " entry: not an executable-model kjar");
        }
        List<Model> models = new ArrayList<>();
        for (String line : list.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.contains(":")) {
                continue;  // the header line, "Drools-Model-Version:..."
            }
            try {
                models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("model class " + name + " does not load: " + e, e);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model classes listed in " + MODEL_LIST);
        }
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader);
        return KieBaseBuilder.createKieBaseFromModel(models, configuration);
    }

    /**
     * The executable model's errors in the author's terms. They come against generated Java
     * files; a method it cannot call is looked up in the DRL texts, and each call of it is
     * reported at its position; otherwise the folder is named. Errors that only name
     * generated classes follow from another one and are left out.
     */
    private static List<InputProblem> executableModelErrors(Path folder, Map<Path, byte[]> sources, List<InputProblem> errors) {
        Set<InputProblem> problems = new LinkedHashSet<>();
        for (InputProblem e : errors) {
            if (e.message().startsWith("Java source of ") || GENERATED.matcher(e.message()).find()) {
                continue;
            }
            if (e.file().endsWith(".drl")) {
                problems.add(e);
                continue;
            }
            String message = EXECUTABLE_MODEL_ERROR + e.message()
                    + " (see docs/rule-authoring.md, \"Executable model\")";
            Matcher method = UNCALLABLE_METHOD.matcher(e.message());
            List<InputProblem> calls = new ArrayList<>();
            if (method.find()) {
                Pattern call = Pattern.compile("\\.\\s*" + Pattern.quote(method.group(1)) + "\\s*\\(");
                sources.forEach((file, bytes) -> {
                    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        Matcher m = call.matcher(lines[i]);
                        while (m.find()) {
                            calls.add(new InputProblem(file.toString(), i + 1, m.start() + 2, message));
                        }
                    }
                });
            }
            problems.addAll(calls.isEmpty() ? List.of(new InputProblem(folder.toString(), 0, 0, message)) : calls);
        }
        return problems.isEmpty() ? errors : List.copyOf(problems);
    }

    private static Build build(KieServices kie, Path folder, Map<Path, byte[]> sources,
                               Class<? extends KieBuilder.ProjectType> project) {
        KieFileSystem fs = kie.newKieFileSystem();
        Map<String, Path> byResource = new LinkedHashMap<>();
        sources.forEach((file, bytes) -> {
            String relative = relative(folder, file);
            fs.write(RESOURCES + relative, bytes);
            byResource.put(RESOURCES + relative, file);
            byResource.put(relative, file);
        });
        ReleaseId release = kie.newReleaseId("org.apsa.rules", "rules", "1.0." + BUILDS.incrementAndGet());
        fs.generateAndWritePomXML(release);
        // Written out so that saved bytes load again as a module of their own.
        fs.writeKModuleXML(kie.newKieModuleModel().toXML());
        KieBuilder builder = kie.newKieBuilder(fs, RuleBaseLoader.class.getClassLoader()).buildAll(project);
        List<InputProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(problem(message, byResource));
        }
        return new Build(release, builder, errors);
    }

    /** A digest of the DRL texts and their names: equal for equal rules. */
    private static String fingerprint(Path folder, Map<Path, byte[]> sources) {
        MessageDigest digest = sha256();
        sources.forEach((file, bytes) -> {
            digest.update(relative(folder, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The cache key of a set of DRL texts: everything the compiled classes depend on. The
     * texts and their names, the classes they name in full (their bytes, so a changed fact
     * class is never served rules compiled against the old one), this tool's, Drools' and
     * Java's versions.
     */
    static String cacheKey(String fingerprint, Map<Path, byte[]> sources) {
        MessageDigest digest = sha256();
        Package tool = RuleBaseLoader.class.getPackage();
        String toolVersion = tool == null || tool.getImplementationVersion() == null ? "development" : tool.getImplementationVersion();
        for (String part : List.of(CACHE_FORMAT, toolVersion, Drools.getFullVersion(),
                System.getProperty("java.specification.version"), fingerprint)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        Set<String> classes = new TreeSet<>();
        for (byte[] bytes : sources.values()) {
            classes.addAll(classesNamed(new String(bytes, StandardCharsets.UTF_8)));
        }
        ClassLoader loader = RuleBaseLoader.class.getClassLoader();
        for (String name : classes) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The classes a DRL text can use that are not Java's own: named in full, or by simple
     * name (as a pattern, constructor or static call) from its package or a package it
     * imports with {@code .*}. Names that are no class
     * (a word in a comment, say) are kept too; they only make the key stricter.
     */
    static Set<String> classesNamed(String text) {
        Set<String> classes = new TreeSet<>();
        Matcher qualified = CLASS_NAME.matcher(text);
        while (qualified.find()) {
            classes.add(qualified.group(1));
        }
        List<String> packages = new ArrayList<>();
        Matcher wildcard = WILDCARD_IMPORT.matcher(text);
        while (wildcard.find()) {
            packages.add(wildcard.group(1) != null ? wildcard.group(1) : wildcard.group(2));
        }
        ClassLoader loader = RuleBaseLoader.class.getClassLoader();
        Matcher simple = SIMPLE_CLASS_NAME.matcher(text);
        Set<String> seen = new HashSet<>();
        while (simple.find()) {
            if (seen.add(simple.group(1))) {
                for (String pkg : packages) {
                    String name = pkg + "." + simple.group(1);
                    if (loader.getResource(name.replace('.', '/') + ".class") != null) {
                        classes.add(name);
                    }
                }
            }
        }
        classes.removeIf(name -> name.startsWith("java.") || name.startsWith("javax."));
        return classes;
    }

    private static Map<Path, byte[]> bytes(Map<Path, String> sources) {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        sources.forEach((file, text) -> bytes.put(file, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
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
