package org.apsa.rulebase;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.fact.InputProblem;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.PlainText;
import org.apsa.io.Utf8Text;
import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Compiles every {@code *.drl} file under a rules folder into a {@link RuleBase}, at run
 * time, so rule authors change rules without rebuilding the tool. Compile errors come back
 * as {@code path:line:col: message} against the files the author edits.
 */
public final class RuleBaseLoader {

    private static final Logger LOG = LogManager.getLogger(RuleBaseLoader.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The kjar entry listing the model classes (under META-INF/kie/GROUP/ARTIFACT/). */
    private static final String MODEL_LIST = "drools-model";
    private static final String CACHE_FORMAT = "apsa compiled rules 1";


    private RuleBaseLoader() {
    }

    /**
     * Loads the rules of a folder, from the compiled-rule cache the settings name when it
     * holds these exact texts, compiled otherwise (and then saved there).
     *
     * @throws RuleBaseException when the folder holds no rules or they do not compile
     */
    public static RuleBase load(Path folder) {
        return load(folder, RuleCache.standard(), RuleChecks.NONE);
    }

    /**
     * Loads the rules of a folder through the given cache, refusing them when {@code checks}
     * finds an error. The checks' verdict is kept in the cache beside the compiled rules, so a
     * run from the cache does not check again.
     *
     * @throws RuleBaseException when the folder holds no rules, they do not compile, or the
     *                           checks find errors (then the message lists them)
     */
    public static RuleBase load(Path folder, RuleCache cache, RuleChecks checks) {
        long started = System.nanoTime();
        Map<Path, String> sources = sources(folder);
        Optional<KnowledgeBase.Reading> reading = KnowledgeBase.read(folder);
        KnowledgeBase knowledgeBase = knowledgeBase(reading);
        String fingerprint = fingerprint(folder, sources);
        Entry entry = entry(cache, fingerprint);
        KieBase kieBase = entry.cache().read(entry.key()).map(kjar -> fromCache(entry, kjar)).orElse(null);
        boolean fromCache = kieBase != null;
        // From the cache, only the rules' descriptions are read now; the rest of the model when asked for.
        String modelKey = entry.key() + MODEL_SUFFIX;
        String notAModel = "a DRL model; reading the rules again";
        Optional<byte[]> kept = fromCache ? entry.cache().read(modelKey) : Optional.empty();
        List<RuleInfo> cachedRules = kept.map(bytes -> readable(entry.cache(), modelKey, notAModel, () -> DrlModel.ruleInfos(bytes)))
                .orElse(null);
        DrlModel parsed = cachedRules == null ? DrlModel.parse(folder, sources) : null;
        List<RuleInfo> rules = parsed != null ? parsed.ruleInfos() : cachedRules;
        Supplier<DrlModel> model = parsed != null ? () -> parsed
                : once(() -> Optional.ofNullable(readable(entry.cache(), modelKey, notAModel, () -> DrlModel.of(kept.get())))
                        .orElseGet(() -> DrlModel.parse(folder, sources)));
        if (!fromCache) {
            byte[] kjar = compile(folder, sources, parsed);
            kieBase = fromKjar(kjar);
            // Saved only once it has loaded, so a bad build is never kept.
            entry.cache().write(entry.key(), kjar);
        }
        if (parsed != null && entry.cache().enabled()) {
            entry.cache().write(modelKey, parsed.bytes());
        }
        RuleChecks.Verdict verdict = verdict(entry, folder, sources, model, checks, reading);
        if (!verdict.errors().isEmpty()) {
            int n = verdict.errors().size();
            throw new RefusedRulesException(verdict.errors(), String.join("\n", verdict.errors()) + "\nThe rules have "
                    + PlainText.count(n, "error") + ", so they are not used; fix " + (n == 1 ? "it" : "them")
                    + " ('rules validate' shows warnings too).");
        }
        LOG.info("{} {} rules from {} files in {} in {} ms", fromCache ? "loaded (compiled-rule cache)" : "compiled",
                rules.size(), sources.size(), folder, (System.nanoTime() - started) / 1_000_000);
        return new RuleBase(kieBase, folder, rules, fingerprint, fromCache, model, verdict.warnings(), knowledgeBase);
    }

    /**
     * The domain of a rules folder: its {@value KnowledgeBase#FILE}, or the embedded one's when
     * it has none.
     *
     * @throws RuleBaseException when the file has errors (then the message lists them)
     */
    public static KnowledgeBase knowledgeBase(Path folder) {
        return knowledgeBase(KnowledgeBase.read(folder));
    }

    private static KnowledgeBase knowledgeBase(Optional<KnowledgeBase.Reading> reading) {
        if (reading.isEmpty()) {
            return KnowledgeBase.embedded();
        }
        if (!reading.get().problems().isEmpty()) {
            throw new RuleBaseException(reading.get().problems());
        }
        return reading.get().knowledgeBase().orElseThrow();
    }

    /** How the cache key of the DRL model of a compiled-rule entry ends. */
    static final String MODEL_SUFFIX = "-model";

    /** What {@code reading} reads of a cache entry; null, and a line in the log, when the entry does not read. */
    private static <T> T readable(RuleCache cache, String key, String notRead, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            LOG.warn("compiled-rule cache entry {} is not {}", cache.file(key).map(Path::toString).orElse(key), notRead);
            return null;
        }
    }

    /** {@code value}, computed on first use only. */
    private static <T> Supplier<T> once(Supplier<T> value) {
        return new Supplier<>() {
            private T computed;

            @Override
            public synchronized T get() {
                if (computed == null) {
                    computed = value.get();
                }
                return computed;
            }
        };
    }

    /**
     * What the checks say of these texts: from the cache when it holds their verdict for this
     * build of the tool, else computed and saved there. A verdict that does not read is computed again.
     */
    private static RuleChecks.Verdict verdict(Entry entry, Path folder, Map<Path, String> sources, Supplier<DrlModel> model,
                                              RuleChecks checks, Optional<KnowledgeBase.Reading> reading) {
        if (checks == RuleChecks.NONE) {
            return RuleChecks.Verdict.CLEAN;
        }
        String key = entry.cache().enabled() ? checksKey(entry.key(), folder, reading) : null;
        RuleChecks.Verdict kept = key == null ? null : entry.cache().read(key).map(bytes -> readable(entry.cache(), key,
                "a verdict of the rule checks; checking the rules again",
                () -> DrlModel.fromJson(bytes, RuleChecks.Verdict.class, "a verdict of the rule checks"))).orElse(null);
        if (kept != null) {
            return kept;
        }
        long started = System.nanoTime();
        RuleChecks.Verdict verdict = checks.check(folder, sources, model.get(), reading);
        LOG.info("checked the rules of {} in {} ms: {} errors, {} warnings", folder, (System.nanoTime() - started) / 1_000_000,
                verdict.errors().size(), verdict.warnings().size());
        if (key != null) {
            entry.cache().write(key, DrlModel.toJson(verdict));
        }
        return verdict;
    }

    /**
     * The cache key of the checks' verdict on the texts of a compiled-rule entry: the checks
     * are this build's code, and read, beyond the texts, the knowledge base and the claims file
     * beside them; the findings name the files as the folder was given. It begins with the
     * entry's key, so that the cache keeps or drops them together.
     */
    private static String checksKey(String entryKey, Path folder, Optional<KnowledgeBase.Reading> reading) {
        MessageDigest digest = sha256();
        digest.update((folder + "\0").getBytes(StandardCharsets.UTF_8));
        Optional<String> named = reading.flatMap(KnowledgeBase.Reading::knowledgeBase).flatMap(KnowledgeBase::claims);
        try {
            for (Path read : List.of(folder.resolve("claims.csv"), folder.resolve(KnowledgeBase.FILE),
                    folder.resolve(named.orElse("claims.csv")))) {
                if (Files.isRegularFile(read)) {
                    digest.update(Files.readAllBytes(read));
                }
            }
        } catch (IOException e) {
            digest.update(("unreadable " + e).getBytes(StandardCharsets.UTF_8));
        }
        return entryKey + CHECKS_SUFFIX + "-" + HexFormat.of().formatHex(digest.digest());
    }

    /** How the cache key of a verdict of the rule checks ends. */
    public static final String CHECKS_SUFFIX = "-checks";

    /**
     * Compiles DRL texts as if they were the files of a folder, exactly as {@link #load} does,
     * without making a rule base: the compile errors, placed and worded as every load reports
     * them. The texts need not be the files' current content. What compiles is saved in the
     * cache, unless it holds it already, so the next load skips it.
     *
     * @param sources file (under {@code folder}) to its DRL text, in the order to compile
     * @param model   the texts as {@link DrlModel#parse(Path, Map)} reads them, kept beside what compiles
     */
    public static List<Finding> check(Path folder, Map<Path, String> sources, DrlModel model) {
        // Exactly as loading compiles: to the executable model, the DRL compile only saying
        // where when that fails. A text the DRL compile alone rejects but loading runs (Java
        // unicode escapes, say) is no error here either.
        Entry entry = entry(RuleCache.standard(), fingerprint(folder, sources));
        if (entry.cache().file(entry.key()).filter(Files::isRegularFile).isPresent()) {
            return List.of();
        }
        try {
            entry.cache().write(entry.key(), compile(folder, sources, model));
            if (entry.cache().enabled()) {
                entry.cache().write(entry.key() + MODEL_SUFFIX, model.bytes());
            }
        } catch (RuleBaseException e) {
            return e.findings();
        }
        return List.of();
    }

    private record Build(ReleaseId release, KieBuilder builder, List<InputProblem> errors) {
    }

    /**
     * Compiles to the executable model, whose kjar bytes come back. When that fails, the DRL
     * compile says why against the author's files; only a construct the executable model
     * alone rejects is reported with the executable model's own words.
     */
    private static synchronized byte[] compile(Path folder, Map<Path, String> sources, DrlModel model) {
        // One at a time: the builds pass through Drools' global module repository.
        KieServices kie = KieServices.Factory.get();
        Build build;
        try {
            build = build(kie, folder, sources, model, ExecutableModelProject.class);
        } catch (RuntimeException thrown) {
            // The executable model's Java parser throws on some errors (one in a DRL function,
            // say) instead of reporting them; the DRL compile reports them against the file.
            LOG.debug("the executable model's build threw", thrown);
            throw compileErrors(kie, folder, sources, model, List.of(new InputProblem(folder.toString(), 0, 0,
                    DroolsErrors.EXECUTABLE_MODEL_ERROR + firstLine(thrown) + "; run 'rules validate' and fix the Java in the rules' functions and consequences")));
        }
        try {
            if (!build.errors().isEmpty()) {
                throw compileErrors(kie, folder, sources, model, DroolsErrors.executableModelErrors(folder, model, build.errors()));
            }
            return ((InternalKieModule) build.builder().getKieModule()).getBytes();
        } finally {
            // The global repository would otherwise keep every build alive.
            kie.getRepository().removeKieModule(build.release());
        }
    }

    /**
     * The errors of texts the executable model does not compile: the DRL compile's, which name
     * the author's files, or {@code otherwise} when the DRL compiles. A parse error hides the
     * other errors of its file, so then the texts are compiled again without the rules that do
     * not parse, and those errors show too.
     */
    private static RuleBaseException compileErrors(KieServices kie, Path folder, Map<Path, String> texts, DrlModel model,
                                                   List<InputProblem> otherwise) {
        List<InputProblem> errors = drlErrors(kie, folder, texts, model);
        Map<Path, String> again = DroolsErrors.withoutRulesThatDoNotParse(texts, errors);
        if (again != null) {
            errors = new ArrayList<>(errors.stream().filter(DroolsErrors::isParseError).toList());
            if (!again.isEmpty()) {
                errors.addAll(drlErrors(kie, folder, again, DrlModel.parse(folder, again)));
            }
        }
        return RuleBaseException.compileErrors(DroolsErrors.findings(errors.isEmpty() ? otherwise : errors, texts, model));
    }

    private static List<InputProblem> drlErrors(KieServices kie, Path folder, Map<Path, String> texts, DrlModel model) {
        Build drl = build(kie, folder, texts, model, DrlProject.class);
        kie.getRepository().removeKieModule(drl.release());
        return drl.errors();
    }

    private static String firstLine(Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** A rule base from saved bytes; null (and the entry deleted) when they do not load. */
    private static KieBase fromCache(Entry entry, byte[] kjar) {
        try {
            return fromKjar(kjar);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("compiled-rule cache entry {} does not load ({}); deleting it and compiling the rules",
                    entry.cache().file(entry.key()).map(Path::toString).orElse(entry.key()), e.toString());
            entry.cache().discard(entry.key());
            return null;
        }
    }

    /** Where the compiled rules of some texts are kept: a cache and the key there. */
    private record Entry(RuleCache cache, String key) {
    }

    /** The entry for texts with this fingerprint; no cache when this build cannot be identified. */
    private static Entry entry(RuleCache cache, String fingerprint) {
        String build = buildId();
        return build == null || !cache.enabled() ? new Entry(RuleCache.off(), "") : new Entry(cache, cacheKey(fingerprint, build));
    }


    /**
     * A rule base straight from executable-model bytes: the model classes are defined (by
     * Drools' own class loader, one for each rule base, so an old one is collected with it) and
     * instantiated, and the network built from them, without the module machinery (project
     * descriptors, builder configuration) a container would start; that is most of the
     * start-up a cached run saves.
     */
    static KieBase fromKjar(byte[] kjar) {
        Map<String, byte[]> classes = new HashMap<>();
        String list = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), zip.readAllBytes());
                } else if (entry.getName().endsWith("/" + MODEL_LIST)) {
                    list = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (list == null) {
            throw new IllegalArgumentException("no " + MODEL_LIST + " entry: not an executable-model kjar");
        }
        ClassLoader loader = ProjectClassLoader.createProjectClassLoader(RuleBaseLoader.class.getClassLoader(), classes);
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
     * Where a file goes in the module compiled: in the folder of the package it declares, as
     * Drools expects (it warns of every file elsewhere); a file that declares none, at the
     * root. Its path in the rules folder becomes its name, {@code ~} written {@code ~7E} and
     * {@code /} written {@code ~2F}, so that no two files share a name. Errors name the
     * author's file all the same.
     */
    static String resource(String relative, String packageName) {
        String name = relative.replace("~", "~7E").replace("/", "~2F");
        return packageName == null || packageName.isEmpty() ? name : packageName.replace('.', '/') + "/" + name;
    }

    private static Build build(KieServices kie, Path folder, Map<Path, String> sources, DrlModel model,
                               Class<? extends KieBuilder.ProjectType> project) {
        KieFileSystem fs = kie.newKieFileSystem();
        Map<String, Path> byResource = new LinkedHashMap<>();
        Map<String, String> packages = new HashMap<>();
        model.files().forEach(f -> packages.put(f.file(), f.packageName()));
        sources.forEach((file, text) -> {
            String resource = resource(relative(folder, file), packages.get(relative(folder, file)));
            fs.write(RESOURCES + resource, text.getBytes(StandardCharsets.UTF_8));
            byResource.put(RESOURCES + resource, file);
            byResource.put(resource, file);
        });
        ReleaseId release = kie.newReleaseId("org.apsa.rules", "rules", "1.0." + BUILDS.incrementAndGet());
        fs.generateAndWritePomXML(release);
        // Written out so that saved bytes load again as a module of their own.
        fs.writeKModuleXML(kie.newKieModuleModel().toXML());
        KieBuilder builder = kie.newKieBuilder(fs, RuleBaseLoader.class.getClassLoader()).buildAll(project);
        List<InputProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.addAll(DroolsErrors.problems(message, byResource, RESOURCES));
        }
        return new Build(release, builder, DroolsErrors.refined(errors, sources, folder, model));
    }

    /**
     * The fingerprint of the rules of a folder as they are now, without compiling them: the
     * one their {@link RuleBase#fingerprint()} will have.
     *
     * @throws RulesFolderException when the folder holds no rules
     */
    public static String fingerprint(Path folder) {
        return fingerprint(folder, sources(folder));
    }

    /**
     * The DRL files of a folder and their texts, in compile order.
     *
     * @throws RuleBaseException when the folder holds no rules or a file cannot be read as text
     */
    public static Map<Path, String> sources(Path folder) {
        Map<Path, String> sources = new LinkedHashMap<>();
        drlFiles(folder).forEach(file -> sources.put(file, readText(file)));
        return sources;
    }

    private static String fingerprint(Path folder, Map<Path, String> sources) {
        MessageDigest digest = sha256();
        sources.forEach((file, text) -> {
            digest.update(relative(folder, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The cache key of a set of DRL texts: everything the compiled classes depend on. The
     * texts and their names; this build of the tool, which holds every class a rule can use
     * that is not Java's own or a library's (and names the libraries' versions); Drools' and
     * Java's versions.
     */
    static String cacheKey(String fingerprint, String buildId) {
        MessageDigest digest = sha256();
        for (String part : List.of(CACHE_FORMAT, buildId, Drools.getFullVersion(),
                System.getProperty("java.specification.version"), fingerprint)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A digest of this build of the tool: the bytes of its jar (whose manifest names each
     * library with its version), or, run from a classes folder, of every file there and the
     * class path. Any rebuild that changes a class gives another value. Null when it cannot
     * be read, and then nothing is cached.
     */
    static String buildId() {
        return BuildId.VALUE;
    }

    /** Computed once, on first use. */
    private static final class BuildId {
        static final String VALUE = computeBuildId();
    }

    private static String computeBuildId() {
        try {
            Path code = Path.of(RuleBaseLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = sha256();
            if (Files.isRegularFile(code)) {
                digest.update(Files.readAllBytes(code));
            } else if (Files.isDirectory(code)) {
                try (Stream<Path> walk = Files.walk(code)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(Files.readAllBytes(file));
                    }
                }
                digest.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
            } else {
                throw new IOException("no such file: " + code);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warn("the tool's own classes cannot be read ({}); compiled rules are not cached", e.toString());
            return null;
        }
    }

    /** The DRL files of a folder, recursively, in a stable order. */
    public static List<Path> drlFiles(Path folder) {
        if (folder.toString().isEmpty()) {
            // Path.of("") is the current folder: an empty --rules would quietly use whatever rules lie below it.
            throw new RulesFolderException("--rules is empty; give the folder holding the .drl files, or leave the option "
                    + "out for the default");
        }
        if (!Files.isDirectory(folder)) {
            throw new RulesFolderException(folder, (Files.exists(folder) ? "is a file, not a folder of rules" : "no such rules folder")
                    + "; give the folder holding the .drl files with --rules DIR");
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
            throw new RulesFolderException(folder, "holds no .drl files; give the folder holding the rules with --rules DIR");
        }
        return files;
    }

    /** A rule file's name under its folder, with '/' between names on every system (the cache and the model key files by it). */
    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/");
    }

    /**
     * A rule file's text, read as every command reads a file a user writes ({@link Utf8Text}):
     * UTF-8, without a byte-order mark the parser would take for a character.
     */
    static String readText(Path file) {
        try {
            return Utf8Text.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RuleBaseException(List.of(new InputProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage())));
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new RuleBaseException(List.of(new InputProblem(file.toString(), e.line(), e.column(), e.getMessage())));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
