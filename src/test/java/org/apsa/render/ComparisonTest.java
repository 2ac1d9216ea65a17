package org.apsa.render;

import org.apsa.Golden;
import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two assessments side by side, as 'diff' and 'what-if' show them. */
class ComparisonTest {

    private static final Pattern SCORE_ROW = Pattern.compile("(\\S.*?)\\s+(\\d\\.\\d\\d)\\s+(\\d\\.\\d\\d)\\s+([+-]\\d\\.\\d\\d)");

    @Test
    void twoIdsAlikeInTheirFirstCharactersAreToldApartAndEveryTableHasColumnHeaders() {
        FactSet analyst = read("facts/analyst-a-2015-06.json");
        FactSet revised = new FactSet("analyst-a-2015-06-revised", null, null, null, analyst.indicators(), KnowledgeBase.embedded().vocabulary())
                .with("region.alignment", Reading.of("taking-sides")).without("mechanism.sco");

        String shown = Comparison.render(assess(analyst), assess(revised),
                new Comparison.Side("current", "analyst-a-2015-06 (facts/analyst-a-2015-06.json)"),
                new Comparison.Side("other", "analyst-a-2015-06-revised (revised.json)"), Style.PLAIN);

        assertThat(shown).doesNotContain("~");
        Golden.assertMatches("diff-analyst-a-revised.txt", shown);
    }

    @Test
    void theChangeIsTheDifferenceOfTheScoresAsShownAndNeverMinusZero() throws IOException {
        List<FactSet> sets = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            files.filter(p -> !p.toString().endsWith(".schema.json")).sorted().forEach(p -> sets.add(read(p.toString())));
        }
        // The what-if the analyst saw "0.58 -> 0.61 +0.04" on.
        FactSet analyst = read("facts/analyst-a-2015-06.json");
        List<String> rendered = new ArrayList<>();
        rendered.add(render(analyst, analyst.with("region.alignment", Reading.of("balanced"))
                .with("usChina.militaryExchanges", Reading.of("high"))));
        for (FactSet a : sets) {
            for (FactSet b : sets) {
                rendered.add(render(a, b));
            }
        }

        int rows = 0;
        for (String text : rendered) {
            for (String line : text.lines().toList()) {
                Matcher row = SCORE_ROW.matcher(line);
                if (row.matches()) {
                    rows++;
                    BigDecimal change = new BigDecimal(row.group(3)).subtract(new BigDecimal(row.group(2)));
                    assertThat(new BigDecimal(row.group(4))).as(line).isEqualByComparingTo(change);
                    assertThat(row.group(4)).as(line).isNotEqualTo("-0.00");
                }
            }
        }
        assertThat(rows).isEqualTo(4 * rendered.size());
    }

    private static String render(FactSet left, FactSet right) {
        return Comparison.render(assess(left), assess(right), new Comparison.Side("now", null),
                new Comparison.Side("what if", null), Style.PLAIN);
    }

    private static Assessment assess(FactSet facts) {
        return ShippedRules.assessor().assess(facts);
    }

    private static FactSet read(String file) {
        return new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of(file));
    }
}
