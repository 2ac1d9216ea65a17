package org.apsa.explore;

import org.apsa.fact.KnowledgeBase;
import org.apsa.HeadlessChromium;
import org.apsa.ShippedRules;
import org.apsa.fact.FactSetReader;
import org.apsa.render.ExplorationHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exploration page in a real browser (Debian's headless {@code chromium}, as for the batch
 * report): it renders with its four charts, and a screenshot lands in
 * {@code target/browser/exploration.png} for a person to look at.
 */
class ExplorationHtmlInBrowserTest {

    @TempDir
    Path profiles;

    @Test
    void thePageRendersWithItsChartsAndTables() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.onThePathOrSkip(profiles);
        Exploration e = new Explorer(ShippedRules.assessor())
                .explore(new FactSetReader(KnowledgeBase.embedded().vocabulary()).readOne(Path.of("facts/baseline-2014-12.json")), new Explorer.Options(2_000, 1, Vary.ALL, 2));
        String page = ExplorationHtml.render(e);
        assertThat(page).doesNotContain("<script", "http://", "https://", "src=");
        Path html = HeadlessChromium.writePage("exploration.html", page);

        String dom = chromium.dumpDom(html);
        Path png = chromium.screenshot(html, "exploration.png");

        assertThat(dom).contains("<svg id=\"leader-shares\"", "<svg id=\"score-distributions\"", "<svg id=\"sensitivity-chart\"",
                "<div id=\"prim-boxes\"", "<table id=\"leaders\">", "<table id=\"sensitivity\">");
        assertThat(dom.split("class=\"interval\"", -1)).as("an interval per outlook and one for no leader").hasSize(6);
        assertThat(dom.split("<g class=\"histogram\"", -1)).as("a distribution per outlook").hasSize(5);
        assertThat(dom).contains("class=\"prim-box\"");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank page compresses to a few kilobytes").isGreaterThan(20_000);
    }
}
