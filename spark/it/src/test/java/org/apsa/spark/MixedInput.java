package org.apsa.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inputs for the job's tests, made from the shipped example fact sets: JSON Lines files,
 * single-document files in a sub-folder, and records that are bad in each way a batch meets.
 */
final class MixedInput {

    static final Path FACTS = Path.of(System.getProperty("apsa.facts", "../../facts"));

    private MixedInput() {
    }

    /** The shipped fact sets, each on one line; the schema beside them is not one. */
    static List<String> examples() {
        try (Stream<Path> files = Files.list(FACTS)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().contains("schema"))
                    .sorted().toList()) {
                lines.add(Files.readString(f).replace('\n', ' ').replace('\r', ' '));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fact set on one line with its id replaced. */
    static String withId(String line, String id) {
        return line.replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": \"" + id + "\"");
    }

    /**
     * A batch of every kind of record: good ones across several files and a sub-folder, a
     * broken line, an invalid fact set, a repeated id (in another file than its first use),
     * blank lines, a lone-CR line end, a file that is no JSON, and a file that is not a fact file.
     */
    static Path write(Path folder) {
        try {
            List<String> examples = examples();
            Files.createDirectories(folder.resolve("single"));
            StringBuilder a = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                a.append(withId(examples.get(i % examples.size()), "a-" + i)).append('\n');
                if (i == 3) {
                    a.append("{\"id\": \"broken\", \"indicators\": {\n");
                }
                if (i == 5) {
                    a.append("\n   \n");
                }
                if (i == 7) {
                    a.append(withId(examples.get(0), "a-bad-level").replaceFirst("\"level\"\\s*:\\s*\"[a-z-]+\"", "\"level\": \"enormous\""))
                            .append("\r");
                }
            }
            Files.writeString(folder.resolve("a.jsonl"), a, StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                b.append(withId(examples.get((i + 3) % examples.size()), "b-" + i)).append("\r\n");
            }
            b.append(withId(examples.get(1), "a-2")).append('\n');
            Files.writeString(folder.resolve("b.jsonl"), b, StandardCharsets.UTF_8);
            for (int i = 0; i < examples.size(); i++) {
                Files.writeString(folder.resolve("single").resolve("s-" + i + ".json"), withId(examples.get(i), "s-" + i));
            }
            Files.writeString(folder.resolve("single").resolve("not-json.json"), "this is not JSON\n");
            Files.writeString(folder.resolve("single").resolve("readme.txt"), "not a fact file, not read\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of one output of the job, in order, as one file's bytes. */
    static byte[] joined(Path folder) {
        try (Stream<Path> parts = Files.list(folder)) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.writeBytes(Files.readAllBytes(p));
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
