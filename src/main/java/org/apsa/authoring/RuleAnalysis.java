package org.apsa.authoring;

import org.apsa.authoring.DrlFile.Block;
import org.apsa.authoring.DrlFile.Literal;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one rule reads and concludes, found in its text: the indicator ids and levels its
 * patterns match, the judgments it matches and inserts, the support it gives and the
 * recommendations it states. Literal values only; a value computed in Java is not seen.
 */
final class RuleAnalysis {

    /** A pattern's constraint on an indicator's level or rank, with the ids that pattern names. */
    record LevelUse(Literal level, List<String> ids) {
    }

    /** {@code rank > 2}: the operator, the number compared with, and the ids the pattern names. */
    record RankUse(String operator, int rank, int offset, List<String> ids) {
    }

    /** {@code level == 2}: a level compared with a number, where levels are words. */
    record LevelNumberUse(String operator, String number, int offset, List<String> ids) {
    }

    record SupportUse(String scenario, String weight, int offset) {
    }

    /** A {@code new Recommendation(id, actor, source, text, indicator, levels...)}; each part null unless a literal. */
    record RecommendationUse(Literal id, Literal actor, Literal source, Literal indicator, List<Literal> levels) {
    }

    /** Where a pattern stands in the conditions, as far as whether it must match for the rule to fire. */
    enum Place {
        /** The rule fires only when the pattern matches (alone, in {@code exists}, or under two {@code not}s). */
        REQUIRED,
        /** Under {@code not}: the rule fires only when it does not match. */
        NEGATED,
        /** In an {@code or}, {@code accumulate}, {@code forall}, {@code collect}, ...: its effect on firing is not told. */
        OTHER
    }

    /** A judgment id a pattern matches, and where that pattern stands. */
    record JudgmentUse(Literal id, Place place) {
    }

    private static final Pattern INDICATOR = Pattern.compile("\\bIndicator\\s*\\(");
    private static final Pattern JUDGMENT = Pattern.compile("\\bJudgment\\s*\\(");
    private static final Pattern ID_EQ = Pattern.compile("\\bid\\s*==\\s*(?=\")");
    private static final Pattern ID_IN = Pattern.compile("\\bid\\s+in\\s*\\(");
    private static final Pattern LEVEL_EQ = Pattern.compile("\\blevel\\s*(?:==|!=)\\s*(?=\")");
    private static final Pattern LEVEL_IN = Pattern.compile("\\blevel\\s+(?:not\\s+)?in\\s*\\(");
    private static final Pattern RANK = Pattern.compile("\\brank\\s*(>=|<=|==|!=|>|<)\\s*(-?\\d+)");
    private static final Pattern LEVEL_NUMBER = Pattern.compile("\\blevel\\s*(==|!=)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.])");
    /** The fact types whose {@code scenario} is an outlook id. */
    private static final Pattern SCENARIO_FACT = Pattern.compile("\\b(Leading|ScenarioScore|Support|Evaluation)\\s*\\(");
    private static final Pattern SCENARIO_EQ = Pattern.compile("\\bscenario\\s*(?:==|!=)\\s*(?=\")");
    private static final Pattern SCENARIO_IN = Pattern.compile("\\bscenario\\s+(?:not\\s+)?in\\s*\\(");
    private static final Pattern NEW_SCENARIO_FACT = Pattern.compile("\\bnew\\s+(Leading|ScenarioScore|Support|Evaluation)\\s*\\(");
    private static final Pattern NEW_JUDGMENT = Pattern.compile("\\bnew\\s+Judgment\\s*\\(\\s*");
    private static final Pattern NEW_SUPPORT = Pattern.compile("\\bnew\\s+Support\\s*\\(\\s*kcontext\\s*,\\s*\"([^\"]*)\"\\s*,\\s*([-+]?[0-9.]+)");
    private static final Pattern NEW_RECOMMENDATION = Pattern.compile("\\bnew\\s+Recommendation\\s*\\(");
    private static final Pattern NEW_ANY = Pattern.compile("\\bnew\\s+([A-Z]\\w*)\\s*\\(");
    private static final Pattern INSERT_VAR = Pattern.compile("\\binsert(?:Logical)?\\s*\\(\\s*([a-z]\\w*)\\s*\\)");
    private static final Pattern DECLARED = Pattern.compile("\\b([A-Z]\\w*)\\s+(\\w+)\\s*(?::|=)");

    final DrlFile file;
    final Block block;
    final List<Literal> indicatorIds = new ArrayList<>();
    final List<LevelUse> levels = new ArrayList<>();
    final List<RankUse> ranks = new ArrayList<>();
    final List<LevelNumberUse> levelNumbers = new ArrayList<>();
    /** Outlook ids compared with a fact's {@code scenario} or given to one made. */
    final List<Literal> outlooks = new ArrayList<>();
    final List<JudgmentUse> judgmentsUsed = new ArrayList<>();
    final List<Literal> judgmentsInserted = new ArrayList<>();
    boolean insertsComputedJudgment;
    final List<SupportUse> supports = new ArrayList<>();
    final List<RecommendationUse> recommendations = new ArrayList<>();
    /** Fact types the consequence creates or inserts, in order of appearance. */
    final Set<String> concludes = new LinkedHashSet<>();

    private RuleAnalysis(DrlFile file, Block block) {
        this.file = file;
        this.block = block;
    }

    static RuleAnalysis of(DrlFile file, Block block) {
        RuleAnalysis a = new RuleAnalysis(file, block);
        a.readLhs();
        a.readRhs();
        return a;
    }

    private void readLhs() {
        int from = block.lhsFrom();
        int to = block.lhsTo();
        String code = file.code();
        Matcher m = INDICATOR.matcher(code).region(from, to);
        while (m.find()) {
            int close = file.closing(m.end() - 1, to);
            List<Literal> ids = ids(code, m.end(), close);
            indicatorIds.addAll(ids);
            List<String> idValues = ids.stream().map(Literal::value).toList();
            Matcher eq = LEVEL_EQ.matcher(code).region(m.end(), close);
            while (eq.find()) {
                levels.add(new LevelUse(file.literalAt(eq.end(), eq.end() + 1), idValues));
            }
            Matcher in = LEVEL_IN.matcher(code).region(m.end(), close);
            while (in.find()) {
                for (Literal l : file.literals(in.end(), file.closing(in.end() - 1, close))) {
                    levels.add(new LevelUse(l, idValues));
                }
            }
            Matcher rank = RANK.matcher(code).region(m.end(), close);
            while (rank.find()) {
                ranks.add(new RankUse(rank.group(1), Integer.parseInt(rank.group(2)), rank.start(2), idValues));
            }
            Matcher number = LEVEL_NUMBER.matcher(code).region(m.end(), close);
            while (number.find()) {
                levelNumbers.add(new LevelNumberUse(number.group(1), number.group(2), number.start(2), idValues));
            }
        }
        Matcher scenarioFact = SCENARIO_FACT.matcher(code).region(from, to);
        while (scenarioFact.find()) {
            outlooks.addAll(compared(SCENARIO_EQ, SCENARIO_IN, code, scenarioFact.end(), file.closing(scenarioFact.end() - 1, to)));
        }
        Matcher j = JUDGMENT.matcher(code).region(from, to);
        while (j.find()) {
            Place place = place(code, from, to, j.start());
            for (Literal id : ids(code, j.end(), file.closing(j.end() - 1, to))) {
                judgmentsUsed.add(new JudgmentUse(id, place));
            }
        }
    }

    /**
     * Where the pattern starting at {@code at} stands among the conditions in [from, to): the
     * {@code not}s around it (as a prefix, {@code not Judgment(...)}, or a group,
     * {@code not ( ... )}), and whether anything else encloses it or sits beside it in an {@code or}.
     */
    private Place place(String code, int from, int to, int at) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = from; i < at; i++) {
            if (code.charAt(i) == '(') {
                open.push(i);
            } else if (code.charAt(i) == ')' && !open.isEmpty()) {
                open.pop();
            }
        }
        int nots = 0;
        boolean other = hasOr(code, from, to);
        for (int paren : open) {
            String word = wordBefore(code, paren);
            if (word.equals("not")) {
                nots++;
            } else if (!word.equals("exists") && !word.isEmpty() && !word.equals("when") && !word.equals("and")) {
                other = true;
            }
            other |= hasOr(code, paren + 1, file.closing(paren, to) - 1);
        }
        String prefix = wordBefore(code, bindingStart(code, at));
        if (prefix.equals("not")) {
            nots++;
        } else if (prefix.equals("forall") || prefix.equals("accumulate") || prefix.equals("collect")) {
            other = true;
        }
        return other ? Place.OTHER : nots % 2 == 1 ? Place.NEGATED : Place.REQUIRED;
    }

    /** Whether {@code or} (or {@code ||}) joins conditions in [from, to), outside any parenthesis there. */
    private static boolean hasOr(String code, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '|' && i + 1 < to && code.charAt(i + 1) == '|'
                    || c == 'o' && code.startsWith("or", i) && !isWordChar(code, i - 1) && !isWordChar(code, i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Where a pattern starts with its binding: at {@code $j} of {@code $j : Judgment(...)}. */
    private static int bindingStart(String code, int type) {
        int i = type - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        if (i < 0 || code.charAt(i) != ':') {
            return type;
        }
        i--;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        while (i >= 0 && isWordChar(code, i)) {
            i--;
        }
        return i + 1;
    }

    /** The word just before {@code at}, blanks between skipped; empty when none. */
    private static String wordBefore(String code, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isWordChar(code, start - 1)) {
            start--;
        }
        return code.substring(start, end);
    }

    private static boolean isWordChar(String code, int i) {
        return i >= 0 && i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                || code.charAt(i) == '$');
    }

    private List<Literal> ids(String code, int from, int close) {
        return compared(ID_EQ, ID_IN, code, from, close);
    }

    /** The literals a field is compared with in a pattern's constraints [from, close): {@code f == "a"}, {@code f in ("a", "b")}. */
    private List<Literal> compared(Pattern equals, Pattern in, String code, int from, int close) {
        List<Literal> found = new ArrayList<>();
        Matcher eq = equals.matcher(code).region(from, close);
        while (eq.find()) {
            found.add(file.literalAt(eq.end(), eq.end() + 1));
        }
        Matcher list = in.matcher(code).region(from, close);
        while (list.find()) {
            found.addAll(file.literals(list.end(), file.closing(list.end() - 1, close)));
        }
        return found;
    }

    private void readRhs() {
        int from = block.rhsFrom();
        int to = block.end();
        String code = file.code();
        Matcher any = NEW_ANY.matcher(code).region(from, to);
        while (any.find()) {
            concludes.add(any.group(1));
        }
        Matcher var = INSERT_VAR.matcher(code).region(from, to);
        while (var.find()) {
            String type = declaredType(var.group(1));
            if (type != null) {
                concludes.add(type);
            }
        }
        Matcher j = NEW_JUDGMENT.matcher(code).region(from, to);
        while (j.find()) {
            Literal id = file.literalAt(j.end(), j.end() + 1);
            if (id == null) {
                insertsComputedJudgment = true;
            } else {
                judgmentsInserted.add(id);
            }
        }
        Matcher s = NEW_SUPPORT.matcher(file.text()).region(from, to);
        while (s.find()) {
            if (file.code().charAt(s.start()) == 'n') {
                supports.add(new SupportUse(s.group(1), s.group(2), s.start()));
            }
        }
        Matcher r = NEW_RECOMMENDATION.matcher(code).region(from, to);
        while (r.find()) {
            List<int[]> args = file.arguments(r.end() - 1, to);
            List<Literal> levels = new ArrayList<>();
            for (int[] level : args.subList(Math.min(5, args.size()), args.size())) {
                levels.addAll(file.literals(level[0], level[1]));
            }
            recommendations.add(new RecommendationUse(lone(args, 0), lone(args, 1), lone(args, 2), lone(args, 4), levels));
        }
        Matcher made = NEW_SCENARIO_FACT.matcher(code).region(from, to);
        while (made.find()) {
            List<int[]> args = file.arguments(made.end() - 1, to);
            // new Support(kcontext, "chaos", ...) in rules; new Support("chaos", "rule", ...) and the others: the first.
            boolean context = made.group(1).equals("Support") && !args.isEmpty()
                    && CONTEXT.matcher(code.substring(args.get(0)[0], args.get(0)[1])).matches();
            Literal outlook = lone(args, context ? 1 : 0);
            if (outlook != null) {
                outlooks.add(outlook);
            }
        }
    }

    private static final Pattern CONTEXT = Pattern.compile("\\s*(?:kcontext|drools)\\s*");

    private Literal lone(List<int[]> args, int index) {
        return index < args.size() ? file.lone(args.get(index)) : null;
    }

    /** The type of a variable declared in the consequence ({@code for (ScenarioScore s : ...)}). */
    private String declaredType(String variable) {
        Matcher d = DECLARED.matcher(file.code()).region(block.rhsFrom(), block.end());
        while (d.find()) {
            if (d.group(2).equals(variable)) {
                return d.group(1);
            }
        }
        return null;
    }
}
