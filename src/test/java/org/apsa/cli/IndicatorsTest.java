package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What 'set' accepts: only what a saved fact set can hold and be read back from. */
class IndicatorsTest {

    @Test
    void aNoteTooLongToReadBackIsRefusedBeforeItIsSet() {
        assertThat(Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", "balanced", null, "x".repeat(65_536)).note()).hasSize(65_536);
        assertThatThrownBy(() -> Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", "balanced", null, "x".repeat(65_537)))
                .isInstanceOf(UsageException.class)
                .hasMessage("the note has 65537 characters; a note may have at most 65536, or the saved fact set could not be read again");
    }

    @Test
    void aNoteWithAControlCharacterIsRefusedAsTheReaderRefusesIt() {
        assertThatThrownBy(() -> Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", "balanced", null, "clears \u001b[2J the screen"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--note holds the control character escape (U+001B), which a terminal would act on; remove it");
        assertThatThrownBy(() -> Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", "balanced", null, "two\nlines"))
                .hasMessage("--note holds a line break (U+000A); it is one line of text: join the lines");
    }

    @Test
    void aMissingLevelIsAskedForWithTheScale() {
        assertThatThrownBy(() -> Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", null, null, null))
                .hasMessage("give a level for region.alignment: balanced | leaning | taking-sides, e.g. set region.alignment taking-sides");
    }

    @Test
    void anEmptyNoteIsNoNote() {
        assertThat(Commands.reading(KnowledgeBase.embedded().vocabulary(), "region.alignment", "balanced", 0.5, "")).isEqualTo(new Reading("balanced", 0.5, null));
    }
}
