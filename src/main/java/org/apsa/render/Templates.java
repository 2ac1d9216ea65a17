package org.apsa.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Locale;

/**
 * The HTML pages' templates ({@code src/main/jte}), compiled at build time to classes of
 * {@code org.apsa.report}: nothing is compiled at run time, and every value a template shows is
 * escaped.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.apsa.report");

    private Templates() {
    }

    /**
     * @param template the template's file name, e.g. {@code report.jte}
     * @param page     the record it shows
     * @param size     about the page's length, so that it is rarely copied
     */
    public static String render(String template, Object page, int size) {
        StringOutput out = new StringOutput(size);
        ENGINE.render(template, page, out);
        return out.toString();
    }

    /** A coordinate or length of the pages' drawings, to a tenth of a pixel. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
