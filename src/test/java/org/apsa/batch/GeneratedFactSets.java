package org.apsa.batch;

import org.apsa.fact.IndicatorDef;
import org.apsa.fact.KnowledgeBase;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Fact sets made up from a seed, as {@code .jsonl} lines: each states about two thirds of the indicators. */
public final class GeneratedFactSets {

    private GeneratedFactSets() {
    }

    /** One fact set; {@code dates} distinct {@code asOf} dates are shared among the lines. */
    public static String line(Random random, long number, int dates) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\"id\":\"gen-").append(number).append('"');
        if (dates > 0) {
            out.append(",\"asOf\":\"").append(java.time.LocalDate.of(2014, 12, 9).plusDays(30L * random.nextInt(dates))).append('"');
        }
        out.append(",\"indicators\":{");
        boolean first = true;
        for (IndicatorDef def : KnowledgeBase.embedded().vocabulary().indicators()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            List<String> levels = def.scale().levels();
            out.append(first ? "" : ",").append('"').append(def.id()).append("\":");
            if (random.nextInt(4) == 0) {
                out.append(String.format(Locale.ROOT, "{\"level\":\"%s\",\"confidence\":%.2f}", levels.get(random.nextInt(levels.size())),
                        0.5 + random.nextInt(50) / 100.0));
            } else {
                out.append('"').append(levels.get(random.nextInt(levels.size()))).append('"');
            }
            first = false;
        }
        return out.append("}}").toString();
    }

    public static Path write(Path file, long count, long seed, int dates) {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 1; i <= count; i++) {
                out.write(line(random, i, dates));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
