package org.apsa.explore;

import org.apsa.fact.KnowledgeBase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apsa.ShippedRules;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.render.ExplorationJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of an exploration over the shipped fact sets, seeds, sizes and what varies. */
class ExploreProperties {

    @Property(tries = 6)
    void sharesSumToOneAndOneThreadGivesTheBytesOfTwo(@ForAll("factSets") FactSet facts, @ForAll long seed,
                                                      @ForAll @IntRange(min = 1, max = 700) int samples,
                                                      @ForAll("varies") Vary vary) {
        Explorer explorer = new Explorer(ShippedRules.assessor());
        Exploration one = explorer.explore(facts, new Explorer.Options(samples, seed, vary, 1));
        Exploration two = explorer.explore(facts, new Explorer.Options(samples, seed, vary, 2));

        assertThat(one.leaders().stream().mapToLong(Exploration.Lead::count).sum()).isEqualTo(samples);
        assertThat(one.leaders().stream().mapToDouble(Exploration.Lead::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ExplorationJson.render(two)).isEqualTo(ExplorationJson.render(one));
    }

    @Provide
    Arbitrary<FactSet> factSets() {
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            List<FactSet> all = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")).sorted()
                    .map(f -> new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(f)).toList();
            return Arbitraries.of(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Vary> varies() {
        return Arbitraries.of(Vary.ALL, Vary.STATED, Vary.UNKNOWN,
                Vary.named(List.of("usChina.strategicDistrust", "hotspot.koreanPeninsula", "region.alignment")));
    }
}
