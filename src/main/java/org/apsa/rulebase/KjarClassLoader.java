package org.apsa.rulebase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The classes of a compiled rule base (executable-model kjar bytes), defined on demand. Its
 * parent is the tool's class loader, where the fact classes the rules use live; each rule
 * base gets a loader of its own, so an old one is collected with the rule base.
 */
final class KjarClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> entries;

    private KjarClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
        super("apsa-rules", parent);
        this.entries = entries;
    }

    static KjarClassLoader of(byte[] kjar, ClassLoader parent) {
        Map<String, byte[]> entries = new ConcurrentHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KjarClassLoader(entries, parent);
    }

    /** The text of the first entry whose name ends with {@code suffix}, if any. */
    String text(String suffix) {
        return entries.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst()
                .map(e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
    }

    /** Lets go of everything but the classes (the DRL texts, descriptors): kept as long as the rule base. */
    void keepClassesOnly() {
        entries.keySet().removeIf(name -> !name.endsWith(".class"));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entries.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = entries.get(name);
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }
}
