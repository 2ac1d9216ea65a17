package org.apsa.render;

import org.apsa.ShippedRules;
import org.apsa.engine.Assessment;
import org.apsa.fact.FactSet;
import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.Reading;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fact set's title and notes are the analyst's text, shown literally in every format: the
 * reader refuses control characters in fact files, and a fact set built in code (by a job
 * that uses the core) gets the same treatment from the renderers, so that no text of it acts
 * on a terminal (clears the screen, retitles the window, recolours) or breaks a one-line layout
 * or a Markdown list item.
 */
class FreeTextRenderingTest {

    private static final String TITLE = "Line one\nLine two \u001b[31mRED\u001b[0m `code` | *star*";
    private static final String NOTE = "note \u001b]0;PWNED-TITLE\u0007 and \u001b[2J clear\r\n- fake item \u009b2J";

    private final Assessment assessment = ShippedRules.assessor().assess(new FactSet("hostile", TITLE, null, null, Map.of(
            "region.alignment", new Reading("leaning", 1.0, NOTE),
            "usChina.strategicDistrust", Reading.of("high")), KnowledgeBase.embedded().vocabulary()));

    @Test
    void terminalTextShowsTheTitleAndNotesOnTheirLineWithoutControlCharacters() {
        String summary = AssessmentText.render(assessment, Style.PLAIN);
        String trace = TraceText.render(assessment.trace(), Style.PLAIN);

        assertThat(summary.lines().findFirst()).contains("hostile  Line one Line two \uFFFD[31mRED\uFFFD[0m `code` | *star*");
        assertThat(trace).contains("region.alignment = leaning (confidence 1.00) - note \uFFFD]0;PWNED-TITLE\uFFFD and \uFFFD[2J clear"
                + "  - fake item \uFFFD2J\n");
        assertThat(List.of(summary, trace)).allSatisfy(text -> assertThat(controls(text)).isEmpty());
    }

    @Test
    void colourIsTheRenderersOwnEscapesOnly() {
        String summary = AssessmentText.render(assessment, Style.COLOUR);
        String trace = TraceText.render(assessment.trace(), Style.COLOUR);

        assertThat(List.of(summary, trace)).allSatisfy(text -> assertThat(text.replaceAll("\u001b\\[[0-9;]*m", ""))
                .doesNotContain("\u001b", "\u0007", "\u009b"));
        assertThat(summary + trace).doesNotContain("\u001b[31m", "\u001b[2J");
    }

    @Test
    void markdownKeepsTheTitleInItsHeadingAndTheNoteInItsListItem() {
        String summary = AssessmentMarkdown.render(assessment);
        String trace = TraceMarkdown.render(assessment.trace());

        assertThat(summary.lines().findFirst())
                .contains("## Line one Line two \uFFFD\\[31mRED\uFFFD\\[0m \\`code\\` \\| \\*star\\*");
        assertThat(trace.lines().filter(l -> l.contains("region.alignment")))
                .containsExactly("    - `region.alignment = leaning` (confidence 1.00): note \uFFFD\\]0;PWNED-TITLE\uFFFD and"
                        + " \uFFFD\\[2J clear  - fake item \uFFFD2J");
        assertThat(trace.lines()).noneMatch(l -> l.strip().startsWith("- fake item"));
        assertThat(List.of(summary, trace)).allSatisfy(text -> assertThat(controls(text)).isEmpty());
    }

    /** The control characters of {@code text} other than the line feeds that end its lines. */
    private static String controls(String text) {
        return text.codePoints().filter(c -> c != '\n' && Character.getType(c) == Character.CONTROL)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
