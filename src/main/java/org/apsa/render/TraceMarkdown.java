package org.apsa.render;

import org.apsa.engine.TraceNode;
import org.apsa.explain.JudgmentQuery;
import org.apsa.fact.Reading;

import java.util.List;
import java.util.Locale;

/** Proof trees as nested Markdown lists, and what {@code explain} says of a judgment that does not hold. */
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

    /**
     * What {@code explain} says of an id asked about as a judgment: the proof trees of one that
     * holds, why one does not, or that the id is an indicator's.
     */
    public static String judgment(JudgmentQuery.Answer answer) {
        if (answer instanceof JudgmentQuery.Holds h) {
            return render(h.trees());
        }
        if (answer instanceof JudgmentQuery.IsIndicator i) {
            Reading r = i.reading();
            return "`" + i.id() + "` is an indicator, not a judgment: `" + i.factSet() + "` "
                    + (r == null ? "leaves it unknown." : String.format(Locale.ROOT, "states it %s (confidence %.2f)%s.", r.level(),
                    r.confidence(), r.note() == null ? "" : ": " + Literal.markdown(r.note()))) + "\n";
        }
        JudgmentQuery.DoesNotHold d = (JudgmentQuery.DoesNotHold) answer;
        StringBuilder out = new StringBuilder();
        out.append("**").append(Literal.markdown(d.id())).append("** does not hold for `").append(d.factSet())
                .append("`: no rule drew it.\n\nRules that can draw it:\n\n");
        if (d.drawnBy().isEmpty()) {
            out.append(d.complete() ? "- none in a rule's own consequence: a function of the rules makes it\n"
                    : "- not known: some rules compute the judgment ids they draw\n");
        }
        for (JudgmentQuery.Drawer drawer : d.drawnBy()) {
            out.append("- *").append(Literal.markdown(drawer.rule().name())).append('*');
            if (drawer.rule().source() != null) {
                out.append(" (¶").append(drawer.rule().source()).append(')');
            }
            if (drawer.rule().title() != null) {
                out.append(": ").append(Literal.markdown(drawer.rule().title()));
            }
            out.append('\n');
            drawer.conditions().forEach(c -> out.append("  - when `").append(c.replace("`", "'")).append("`\n"));
            drawer.indicators().forEach((id, r) -> out.append("  - now `").append(id).append('`')
                    .append(r == null ? " unknown" : String.format(Locale.ROOT, " = %s (confidence %.2f)", r.level(), r.confidence()))
                    .append('\n'));
            drawer.judgments().forEach((id, holds) -> out.append("  - now judgment `").append(id).append('`')
                    .append(holds ? " holds" : " does not hold").append('\n'));
        }
        return out.toString();
    }

    private static void node(TraceNode n, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append("- ");
        if (n.kind().equals("indicator")) {
            out.append('`').append(n.conclusion()).append('`')
                    .append(String.format(Locale.ROOT, " (confidence %.2f)", n.confidence() == null ? 1.0 : n.confidence()));
            if (n.note() != null) {
                out.append(": ").append(Literal.markdown(n.note()));
            }
        } else {
            out.append("**").append(Literal.markdown(n.conclusion())).append("**");
        }
        if (n.rule() != null) {
            out.append(" - by *").append(Literal.markdown(n.rule())).append('*');
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
