package org.apsa.render;

import org.apsa.engine.TraceNode;

import java.util.List;
import java.util.Locale;

/** Proof trees as nested Markdown lists. */
public final class TraceMarkdown {

    private TraceMarkdown() {
    }

    public static String render(List<TraceNode> roots) {
        StringBuilder out = new StringBuilder();
        for (TraceNode root : roots) {
            node(root, 0, out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void node(TraceNode n, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append("- ");
        if (n.kind().equals("indicator")) {
            out.append('`').append(n.conclusion()).append('`')
                    .append(String.format(Locale.ROOT, " (confidence %.2f)", n.confidence() == null ? 1.0 : n.confidence()));
            if (n.note() != null) {
                out.append(": ").append(AssessmentMarkdown.escape(n.note()));
            }
        } else {
            out.append("**").append(AssessmentMarkdown.escape(n.conclusion())).append("**");
        }
        if (n.rule() != null) {
            out.append(" - by *").append(AssessmentMarkdown.escape(n.rule())).append('*');
            if (n.source() != null) {
                out.append(" (¶").append(n.source()).append(')');
            }
        }
        out.append('\n');
        for (TraceNode child : n.because()) {
            node(child, depth + 1, out);
        }
    }
}
