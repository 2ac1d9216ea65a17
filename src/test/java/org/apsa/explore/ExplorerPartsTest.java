package org.apsa.explore;

import org.apsa.ShippedRules;
import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.Assessor;
import org.apsa.fact.FactSet;
import org.apsa.fact.FactSetReader;
import org.apsa.render.ExplorationJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run split into parts, as a cluster splits it: the parts of any split, sent over the wire and
 * combined in any order, are the run on one machine, to the byte of its JSON.
 */
class ExplorerPartsTest {

    private static Assessor shipped;
    private static FactSet baseline;

    @BeforeAll
    static void load() {
        shipped = ShippedRules.assessor();
        baseline = new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json"));
    }

    @Test
    void partsOfAnySplitCombineToTheSingleRun() throws Exception {
        // 2,600 samples: five whole blocks and a part of one, and the samples kept for discovery span them all.
        Explorer.Options options = new Explorer.Options(2_600, 11, Vary.ALL, 1);
        Explorer explorer = new Explorer(shipped);
        String alone = ExplorationJson.render(explorer.explore(baseline, options));
        int blocks = Explorer.blocks(options.samples());
        assertThat(blocks).isEqualTo(6);
        for (int[] cuts : new int[][] {{0, 6}, {0, 1, 6}, {0, 2, 3, 5, 6}}) {
            List<Explorer.Part> parts = new ArrayList<>();
            for (int c = 0; c + 1 < cuts.length; c++) {
                parts.add(overTheWire(explorer.part(baseline, options, cuts[c], cuts[c + 1])));
            }
            Collections.reverse(parts);
            assertThat(ExplorationJson.render(explorer.combine(baseline, options, parts))).isEqualTo(alone);
        }
    }

    @Test
    void partsThatMissSamplesAreRefused() {
        Explorer.Options options = new Explorer.Options(2_600, 11, Vary.ALL, 1);
        Explorer explorer = new Explorer(shipped);
        List<Explorer.Part> parts = List.of(explorer.part(baseline, options, 0, 2));
        assertThatThrownBy(() -> explorer.combine(baseline, options, parts)).hasMessageContaining("1024 samples of 2600");
    }

    private static Explorer.Part overTheWire(Explorer.Part part) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(part);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Explorer.Part) in.readObject();
        }
    }
}
