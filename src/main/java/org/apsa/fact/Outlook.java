package org.apsa.fact;

/**
 * One outlook of a knowledge base, as its {@code knowledge-base.json} declares it. The
 * outlooks are listed best first: the order is the source's order of desirability, and it
 * also breaks ties when two outlooks have the same score, so results never depend on
 * insertion order.
 *
 * @param id      the stable id used in rules, fact files and machine output
 * @param title   what the reports call it
 * @param source  the paragraph that describes it
 * @param reach   the most support the rules can give it at once, all its mechanisms at
 *                confidence 1; the scoring counts support as a share of it
 * @param ordinal its position in the knowledge base's list, 0 for the best
 * @param abbreviation two or three capitals that head its column in a report's tables
 * @param heading      at most seven characters that head its column in narrow text tables
 */
public record Outlook(String id, String title, String source, double reach, int ordinal, String abbreviation, String heading) {

    /** The initials of the title's first two words, or the first two letters of a one-word title: "DI", "PO". */
    static String abbreviate(String title) {
        String[] words = title.strip().split("\\s+");
        String letters = words.length > 1 ? words[0].substring(0, 1) + words[1].substring(0, 1)
                : words[0].substring(0, Math.min(2, words[0].length()));
        return letters.toUpperCase(java.util.Locale.ROOT);
    }
}
