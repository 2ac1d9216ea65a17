package org.apsa.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The exploration formats that explore and the Spark job take: a name or its file's extension, and the file written. */
class ExplorationFormatTest {

    @Test
    void aFormatIsNamedByItsNameOrItsExtensionInAnyCase() {
        assertThat(ExplorationFormat.of(" Markdown ")).contains(ExplorationFormat.MARKDOWN);
        assertThat(ExplorationFormat.of("md")).contains(ExplorationFormat.MARKDOWN);
        assertThat(ExplorationFormat.of("TXT")).contains(ExplorationFormat.TEXT);
        assertThat(ExplorationFormat.of("html")).contains(ExplorationFormat.HTML);
        assertThat(ExplorationFormat.of("jsn")).isEmpty();
        assertThat(ExplorationFormat.NAMES).containsExactly("text", "json", "markdown", "html");
    }

    @Test
    void eachIsWrittenToItsOwnFile() {
        assertThat(ExplorationFormat.values()).extracting(ExplorationFormat::fileName)
                .containsExactly("exploration.txt", "exploration.json", "exploration.md", "exploration.html");
    }
}
