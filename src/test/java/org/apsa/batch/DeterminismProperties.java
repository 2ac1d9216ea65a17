package org.apsa.batch;

import org.apsa.fact.KnowledgeBase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apsa.ShippedRules;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.render.AssessmentJson;
import org.apsa.render.Detail;
import org.apsa.rulebase.RuleBaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same input gives the same bytes of output: across runs (a second rule base compiled
 * from the same files stands for a second run; BatchIT compares two processes), across the
 * order of keys in the file, across thread counts, and across the order in which files were
 * created on disk. (That the rules conclude the same whatever order the indicators are
 * inserted into a session is AssessmentProperties' insertion-order property.)
 */
class DeterminismProperties {

    private static final Assessor FIRST = ShippedRules.assessor();
    /** Another compile of the same rules: a fresh KieBase, as a new process would have. */
    private static final Assessor SECOND = new Assessor(RuleBaseLoader.load(ShippedRules.FOLDER));
    private static final FactSetReader READER = new FactSetReader(KnowledgeBase.embedded().vocabulary());

    private final List<Path> scratch = new ArrayList<>();

    @Provide
    Arbitrary<String> factSetLines() {
        return Arbitraries.longs().map(seed -> GeneratedFactSets.line(new Random(seed), 1, 5));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void theSameFactSetGivesTheSameJsonBytesWhateverTheKeyOrderAndTheCompile(
            @ForAll("factSetLines") String line, @ForAll Random random) {
        FactSet facts = READER.parse("generated.json", line).factSet();
        String expected = AssessmentJson.pretty(FIRST.assess(facts), null);

        String reordered = shuffledKeys(facts, random);
        FactSet again = READER.parse("reordered.json", reordered).factSet();

        assertEquals(facts, again, reordered);
        assertEquals(expected, AssessmentJson.pretty(FIRST.assess(again), null), "keys in the order " + reordered);
        assertEquals(expected, AssessmentJson.pretty(SECOND.assess(again), null), "a second compile of the rules");
        assertEquals(expected, AssessmentJson.pretty(FIRST.assess(facts), null), "a second assessment");
    }

    /**
     * Generated fact sets as single files and a .jsonl, written to two folders in two random
     * orders (so the directory order differs), then run on 1 and on 4 threads: every output
     * file has the same bytes.
     */
    @Property(tries = 6, edgeCases = EdgeCasesMode.NONE)
    void aBatchGivesTheSameBytesOnOneAndFourThreadsAndWhateverOrderTheFilesWereWritten(
            @ForAll long seed, @ForAll Random random) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Random generator = new Random(seed);
        for (int i = 0; i < 24; i++) {
            files.put(String.format("set-%02d.json", i), GeneratedFactSets.line(generator, i, 4));
        }
        StringBuilder jsonl = new StringBuilder();
        for (int i = 100; i < 160; i++) {
            jsonl.append(GeneratedFactSets.line(generator, i, 4)).append('\n');
        }
        files.put("nested/many.jsonl", jsonl.toString());
        files.put("nested/bad.json", "{\"id\": \"bad\", \"indicators\": {\"usChina.strategicDistrust\": \"hihg\"}}");

        Path root = Files.createTempDirectory("apsa-determinism");
        scratch.add(root);
        Path a = writeInOrder(root.resolve("in"), files, random);
        Path b = writeInOrder(root.resolve("in-again"), files, random);

        Map<String, byte[]> one = run(a, root.resolve("one"), 1);
        Map<String, byte[]> four = run(a, root.resolve("four"), 4);
        Map<String, byte[]> otherOrder = run(b, root.resolve("other-order"), 3);

        assertEquals(one.keySet(), four.keySet());
        for (String name : one.keySet()) {
            assertArrayEquals(one.get(name), four.get(name), name + " on 1 and 4 threads");
            if (!name.equals(Batch.ERRORS)) {
                // errors.jsonl names the input folder, which differs; the rest must not.
                assertArrayEquals(one.get(name), otherOrder.get(name), name + " with files written in another order");
            }
        }
        assertEquals(new String(one.get(Batch.ERRORS), StandardCharsets.UTF_8).replace(a.toString(), "IN"),
                new String(otherOrder.get(Batch.ERRORS), StandardCharsets.UTF_8).replace(b.toString(), "IN"));
        assertEquals(24 + 60, new String(one.get(Batch.ASSESSMENTS), StandardCharsets.UTF_8).lines().count());
    }

    @AfterProperty
    void removeScratch() throws IOException {
        for (Path dir : scratch) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        scratch.clear();
    }

    private static Map<String, byte[]> run(Path input, Path out, int threads) throws IOException {
        new Batch(FIRST).run(new Batch.Options(List.of(input), out, EnumSet.allOf(Report.class), threads, Detail.FULL, null), Batch.Progress.NONE);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static Path writeInOrder(Path dir, Map<String, String> files, Random random) {
        List<String> names = new ArrayList<>(files.keySet());
        Collections.shuffle(names, random);
        try {
            for (String name : names) {
                Path file = dir.resolve(name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, files.get(name), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The fact set as JSON with its top-level keys and its indicators in a random order. */
    private static String shuffledKeys(FactSet facts, Random random) {
        List<String> top = new ArrayList<>();
        top.add("\"id\": \"" + facts.id() + "\"");
        if (facts.asOf() != null) {
            top.add("\"asOf\": \"" + facts.asOf() + "\"");
        }
        List<String> indicators = new ArrayList<>();
        facts.indicators().forEach((id, r) -> indicators.add("\"" + id + "\": "
                + (r.confidence() == 1.0 ? "\"" + r.level() + "\""
                : "{\"confidence\": " + r.confidence() + ", \"level\": \"" + r.level() + "\"}")));
        Collections.shuffle(indicators, random);
        top.add("\"indicators\": {" + String.join(", ", indicators) + "}");
        Collections.shuffle(top, random);
        StringBuilder out = new StringBuilder("{");
        for (Iterator<String> it = top.iterator(); it.hasNext(); ) {
            out.append(it.next()).append(it.hasNext() ? ", " : "");
        }
        return out.append('}').toString();
    }
}
