package org.apsa.report;

import org.apsa.engine.Assessment;
import org.apsa.engine.Assessment.PrescriptionResult;
import org.apsa.fact.KnowledgeBase;

import java.util.Arrays;
import java.util.List;

/** Report rows made by hand, so report tests need no rules. */
final class Rows {

    private Rows() {
    }

    /** The row with another title, as an analyst may write one. */
    static Row titled(Row r, String title) {
        return new Row(r.number(), r.id(), title, r.asOf(), r.status(), r.leading(), r.scores(), r.likelihoods(), r.topUnmet(),
                r.levels(), r.brief(), r.knowledgeBase());
    }

    static Row row(long number, String id, String asOf, String leading, double di, double sd, double po, double ch, String... levels) {
        byte[] ranks = new byte[KnowledgeBase.embedded().vocabulary().indicators().size()];
        Arrays.fill(ranks, (byte) -1);
        for (String level : levels) {
            String[] parts = level.split("=");
            int i = KnowledgeBase.embedded().vocabulary().indicators().indexOf(KnowledgeBase.embedded().vocabulary().find(parts[0]).orElseThrow());
            ranks[i] = (byte) KnowledgeBase.embedded().vocabulary().indicators().get(i).scale().rank(parts[1]);
        }
        double[] scores = {di, sd, po, ch};
        String[] terms = Arrays.stream(scores).mapToObj(s -> org.apsa.engine.Likelihood.of(s).term()).toArray(String[]::new);
        return new Row(number, id, "View " + id, asOf, leading == null ? Assessment.INSUFFICIENT_EVIDENCE : Assessment.ASSESSED, leading,
                scores, terms, new PrescriptionResult("us.transparentPresence", "us", "9", "Make the US presence transparent",
                "us.presence.transparency", "high", false, 0.125, "r"),
                ranks, List.of("for +2.00: Containment fears push toward blocs (¶5, 9); from us.reassurance.consistency = low"),
                org.apsa.fact.KnowledgeBase.embedded());
    }
}
