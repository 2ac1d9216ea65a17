package org.apsa.rulebase;

import java.util.List;

/**
 * What a rule author wrote about a rule: where it is and what it encodes.
 *
 * @param name   the rule's name, unique in the rule base
 * @param file   the DRL file, relative to the rules folder
 * @param line   the line of the rule in that file, 0 when not known
 * @param title  one human line ({@code @title})
 * @param source the article's paragraph(s) ({@code @source})
 * @param claims the claim ids it encodes ({@code @claim}), possibly none
 */
public record RuleInfo(String name, String file, int line, String title, String source, List<String> claims) {

    public RuleInfo {
        claims = List.copyOf(claims);
    }
}
