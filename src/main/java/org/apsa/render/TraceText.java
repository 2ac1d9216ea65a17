package org.apsa.render;

import org.apsa.engine.TraceNode;

import java.util.List;
import java.util.Locale;

/**
 * Proof trees as indented text for a terminal: each conclusion on a line, the rule that drew
 * it (title and paragraph) on the next, and what it rested on below, down to the indicators
 * with their confidence and the analyst's note.
 */
public final class TraceText {

    private TraceText() {
    }

    public static String render(List<TraceNode> roots, Style style) {
        StringBuilder out = new StringBuilder();
        for (TraceNode root : roots) {
            node(root, "", "", style, out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void node(TraceNode n, String lead, String indent, Style style, StringBuilder out) {
        out.append(lead).append(headline(n, style)).append('\n');
        boolean hasChildren = !n.because().isEmpty();
        if (n.rule() != null) {
            out.append(indent).append(hasChildren ? "│  " : "   ")
                    .append(style.dim("by \"" + n.rule() + "\"" + (n.source() == null ? "" : " (¶" + n.source() + ")")
                            + (n.title() == null ? "" : ": " + Literal.oneLine(n.title()))))
                    .append('\n');
        }
        for (int i = 0; i < n.because().size(); i++) {
            boolean last = i == n.because().size() - 1;
            node(n.because().get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), style, out);
        }
    }

    private static String headline(TraceNode n, Style style) {
        String confidence = String.format(Locale.ROOT, " (confidence %.2f)", n.confidence() == null ? 1.0 : n.confidence());
        return switch (n.kind()) {
            case "indicator" -> style.accent(n.conclusion()) + confidence + (n.note() == null ? "" : " - " + Literal.oneLine(n.note()));
            case "judgment" -> "judgment " + style.bold(n.conclusion()) + confidence;
            case "scenario", "leading" -> style.bold(n.conclusion());
            default -> n.conclusion();
        };
    }
}
