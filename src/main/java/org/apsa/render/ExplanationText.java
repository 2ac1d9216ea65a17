package org.apsa.render;

import org.apsa.fact.KnowledgeBase;
import org.apsa.engine.ScenarioScore;
import org.apsa.engine.TraceNode;
import org.apsa.explain.Change;
import org.apsa.explain.JudgmentQuery;
import org.apsa.explain.Sensitivity;
import org.apsa.explain.WhyNot;
import org.apsa.fact.Reading;
import org.apsa.rulebase.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.apsa.fact.PlainText.capitalized;
import static org.apsa.fact.PlainText.count;

/** Why-not, sensitivity and what {@code explain} says of a judgment, as text for a terminal. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static String whyNot(WhyNot.Result r, Style style) {
        StringBuilder out = new StringBuilder();
        String title = r.knowledgeBase().outlookTitle(r.scenario());
        out.append(style.bold(String.format(Locale.ROOT, "Why not %s? Score %.2f (%s), rank %s", title,
                r.current().score(), r.current().likelihood(), r.current().shownRank(r.scores())))).append('\n');
        if (r.alreadyLeading()) {
            out.append("It is the leading outlook already; 'explain' shows why.\n");
            return out.toString();
        }
        if (r.leading() != null) {
            out.append("The leading outlook is " + r.knowledgeBase().outlookTitle(r.leading()) + ".\n");
        } else {
            out.append(r.insufficient() == null ? "No outlook leads.\n" : String.format(Locale.ROOT,
                    "No outlook leads: the evidence in all is %.2f, less than the %.2f it takes to name a leader.%n",
                    r.insufficient().evidence(), r.insufficient().threshold()));
            out.append(r.ranksFirst() ? capitalized(title) + " ranks first already: more evidence in all would make it lead.\n"
                    : capitalized(title) + " does not rank first either.\n");
        }
        out.append('\n').append(style.bold("Evidence against " + title)).append('\n');
        if (r.against().isEmpty()) {
            out.append(r.current().net() <= 0 ? "  none: it lacks support rather than facing evidence against it\n"
                    : String.format(Locale.ROOT, "  none: it has support (net %+.2f), %s%n", r.current().net(), r.leading() == null
                            ? "but the evidence in all is too little to name a leader" : "only less than the leader's"));
        } else {
            out.append(indent(TraceText.render(r.against(), style)));
        }
        if (!r.leaderSupport().isEmpty()) {
            out.append(style.bold("What the leader, " + r.knowledgeBase().outlookTitle(r.leading()) + ", rests on")).append('\n');
            out.append(indent(TraceText.render(r.leaderSupport(), style)));
        }
        if (!r.putsFirst().isEmpty()) {
            out.append(style.bold("Single changes that put " + title + " first, with too little evidence to name it leader"))
                    .append('\n');
            if (r.putsFirstFound() > r.putsFirst().size()) {
                out.append(String.format(Locale.ROOT, "  %d found, the smallest %d:%n", r.putsFirstFound(), r.putsFirst().size()));
            }
            candidates(r, r.putsFirst(), style, out);
        }
        out.append(style.bold("Smallest changes that would make " + title + " lead")).append('\n');
        if (r.changes().isEmpty()) {
            out.append("  none of one or two indicators: it needs broader change than that\n");
        } else {
            out.append(String.format(Locale.ROOT, "  %s of %s found%s:%n", count(r.found(), "set"), count(r.searched(), "change"),
                    r.found() > r.changes().size() ? ", the smallest " + r.changes().size() : ""));
            candidates(r, r.changes(), style, out);
            if (r.changes().stream().anyMatch(c -> !c.evidenceOnly().isEmpty())) {
                out.append(style.dim("  (adds evidence only): " + title + " ranks first without it and it adds nothing to "
                        + title + ";")).append('\n')
                        .append(style.dim("  it brings the evidence in all up to what naming a leader takes")).append('\n');
            }
        }
        return out.toString();
    }

    private static void candidates(WhyNot.Result r, List<WhyNot.Candidate> candidates, Style style, StringBuilder out) {
        String title = r.knowledgeBase().outlookTitle(r.scenario());
        for (WhyNot.Candidate c : candidates) {
            out.append("  ").append(c.changes().stream()
                            .map(ch -> change(ch) + (c.evidenceOnly().contains(ch) ? style.dim(" (adds evidence only)") : ""))
                            .collect(Collectors.joining(" and ")))
                    .append(r.addsEvidence(c) || r.leading() == null ? ""
                            : style.dim("  (adds nothing for " + title + ": the leader loses ground)"))
                    .append('\n')
                    .append("      ").append(style.dim(scores(c.scores()))).append('\n');
        }
    }

    /**
     * What {@code explain} says of an id asked about as a judgment: the proof trees of one that
     * holds, why one does not, or that the id is an indicator's.
     */
    public static String judgment(JudgmentQuery.Answer answer, Style style) {
        if (answer instanceof JudgmentQuery.Holds h) {
            return TraceText.render(h.trees(), style);
        }
        if (answer instanceof JudgmentQuery.IsIndicator i) {
            return i.id() + " is an indicator, not a judgment: " + i.factSet() + (i.reading() == null ? " leaves it unknown"
                    : " states it " + reading(i.reading()) + (i.reading().note() == null ? "" : " - " + i.reading().note()))
                    + ".\n'assess' lists the judgments that hold; 'explain' shows one's proof tree.\n";
        }
        JudgmentQuery.DoesNotHold d = (JudgmentQuery.DoesNotHold) answer;
        StringBuilder out = new StringBuilder();
        out.append(style.bold(d.id() + " does not hold for " + d.factSet())).append(": no rule drew it.\n\n");
        out.append(style.bold("Rules that can draw it")).append('\n');
        if (d.drawnBy().isEmpty()) {
            out.append(d.complete() ? "  none in a rule's own consequence: a function of the rules makes it\n"
                    : "  not known: some rules compute the judgment ids they draw\n");
        }
        for (JudgmentQuery.Drawer drawer : d.drawnBy()) {
            RuleInfo rule = drawer.rule();
            out.append("  \"").append(rule.name()).append('"')
                    .append(style.dim((rule.source() == null ? "" : " (¶" + rule.source() + ")")
                            + (rule.title() == null ? "" : ": " + rule.title())))
                    .append('\n');
            for (int i = 0; i < drawer.conditions().size(); i++) {
                out.append(i == 0 ? "    when  " : "          ").append(drawer.conditions().get(i)).append('\n');
            }
            List<String> now = new ArrayList<>();
            drawer.indicators().forEach((id, r) -> now.add(id + (r == null ? " unknown" : " = " + reading(r))));
            drawer.judgments().forEach((id, holds) -> now.add("judgment " + id + (holds ? " holds" : " does not hold")));
            for (int i = 0; i < now.size(); i++) {
                out.append(i == 0 ? "    now   " : "          ").append(now.get(i)).append('\n');
            }
        }
        if (!d.complete() && !d.drawnBy().isEmpty()) {
            out.append(style.dim("  (some rules compute the judgment ids they draw; others than these may draw it)")).append('\n');
        }
        return out.toString();
    }

    /** A reading in a few words: its level, with the confidence when below 1. */
    private static String reading(Reading r) {
        return r.confidence() == Reading.CERTAIN ? r.level() : String.format(Locale.ROOT, "%s (confidence %.2f)", r.level(), r.confidence());
    }

    /** @param kb the knowledge base of the rules: a column for each of its outlooks, its titles for the leaders named */
    public static String sensitivity(KnowledgeBase kb, List<Sensitivity.Row> rows, List<Sensitivity.InformationValue> information,
                                     Style style) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("Sensitivity: how far each indicator moves each outlook across its scale")).append('\n');
        out.append("  (a stated indicator at the confidence stated for it, an unknown one at confidence 1)\n");
        out.append(String.format(Locale.ROOT, "  %-36s %-20s", "Indicator", "Now"));
        kb.outlooks().forEach(o -> out.append(String.format(Locale.ROOT, " %7s", o.heading())));
        out.append(String.format(Locale.ROOT, "  %s%n", "largest"));
        for (Sensitivity.Row r : rows) {
            out.append(String.format(Locale.ROOT, "  %-36s %-20s", r.indicator(),
                    r.current() == null ? "unknown" : Change.describe(new Reading(r.current(), r.confidence(), null))));
            kb.outlooks().forEach(o -> out.append(String.format(Locale.ROOT, " %7.3f", r.swing().get(o.id()))));
            out.append(String.format(Locale.ROOT, "  %s%n", bar(r.largest())));
        }
        if (!information.isEmpty()) {
            out.append('\n').append(style.bold("Worth learning (unknown indicators, most informative first)")).append('\n');
            for (Sensitivity.InformationValue v : information) {
                out.append(String.format(Locale.ROOT, "  %-36s %s, moves a score up to %.3f%n", v.indicator(),
                        leaderChange(kb, v), v.largestSwing()));
            }
        }
        return out.toString();
    }

    /** What learning an unknown indicator does to the leader; with none now, whether a level would name one. */
    private static String leaderChange(KnowledgeBase kb, Sensitivity.InformationValue v) {
        if (v.leading() != null) {
            return v.couldChangeLeader() ? "could change the leader" : "leader stays";
        }
        if (!v.couldChangeLeader()) {
            return "names no leader at any level";
        }
        return "would name " + v.leaders().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> kb.outlookTitle(e.getValue()) + " leader at " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String bar(double swing) {
        return "#".repeat((int) Math.round(swing * 40));
    }

    private static String change(Change c) {
        return c.indicator() + " " + (c.from() == null ? "unknown" : c.from()) + " -> " + c.to();
    }

    private static String scores(List<ScenarioScore> scores) {
        return scores.stream().map(s -> String.format(Locale.ROOT, "%s %.2f", s.scenario(), s.score()))
                .collect(Collectors.joining(", "));
    }

    private static String indent(String text) {
        return text.lines().map(l -> l.isEmpty() ? "" : "  " + l).collect(Collectors.joining("\n")) + "\n";
    }
}
