package org.apsa.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdIndexTest {

    @Test
    void aNewIdHasNoEarlierPlaceAndARepeatedOneNamesTheFirst() {
        IdIndex ids = new IdIndex();

        assertThat(ids.add("baseline-2014-12", 0, 1)).isNull();
        assertThat(ids.add("hawk-2014-12", 2, 17)).isNull();
        assertThat(ids.add("baseline-2014-12", 3, 40)).isEqualTo(new IdIndex.Place(0, 1));
        assertThat(ids.add("hawk-2014-12", 5, 2)).isEqualTo(new IdIndex.Place(2, 17));
    }

    @Test
    void idsThatDifferOnlyInCaseAreDifferent() {
        IdIndex ids = new IdIndex();

        assertThat(ids.add("View", 0, 1)).isNull();
        assertThat(ids.add("view", 0, 2)).isNull();
    }

    @Test
    void everyPlaceSurvivesGrowth() {
        IdIndex ids = new IdIndex();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertThat(ids.add("gen-" + i, i % 7, 1L + i)).isNull();
        }
        for (int i = 0; i < n; i += 997) {
            assertThat(ids.add("gen-" + i, 9, 1)).isEqualTo(new IdIndex.Place(i % 7, 1L + i));
        }
    }
}
