package org.apsa.rulebase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fact types a rule's consequence inserts, read from the DRL text, for the rules whose
 * consequence does nothing else: only {@code insert(new T(...));} and
 * {@code insertLogical(new T(...));} statements whose arguments are literals, variables or
 * constants, with {@code T} imported by name or written in full. Any other consequence (a loop, a helper call, {@code modify}, a named consequence,
 * anything this reading does not know) gets no entry: what it may do is unknown. A file this
 * reading cannot follow gives no entries at all.
 */
final class RuleOutputs {

    /** The words that may follow a rule's {@code end}: what can start the next part of a DRL file. */
    private static final Set<String> NEXT_PART = Set.of("rule", "query", "declare", "function", "global", "import",
            "package", "unit", "template");

    private RuleOutputs() {
    }

    /** The key of a rule: its package and name. */
    static String key(String packageName, String ruleName) {
        return packageName + '\u0000' + ruleName;
    }

    /**
     * @param sources the DRL texts
     * @return by {@link #key rule key}, the fully qualified names of the types its consequence
     *         inserts, for the rules whose consequence only inserts; a key seen twice is dropped
     */
    static Map<String, Set<String>> of(Iterable<byte[]> sources) {
        Map<String, Set<String>> outputs = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> ambiguous = new HashSet<>();
        for (byte[] source : sources) {
            List<Token> tokens = tokens(new String(source, StandardCharsets.UTF_8));
            if (tokens == null) {
                continue;
            }
            new FileReading(tokens).read(outputs, seen, ambiguous);
        }
        ambiguous.forEach(outputs::remove);
        return outputs;
    }

    private enum Kind { WORD, STRING, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {

        boolean is(String s) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(s);
        }
    }

    /** One DRL file: its package, its imports by simple name, and its rules. */
    private static final class FileReading {

        private final List<Token> tokens;
        private final Map<String, String> imports = new HashMap<>();
        private String packageName = "";

        FileReading(List<Token> tokens) {
            this.tokens = tokens;
        }

        void read(Map<String, Set<String>> outputs, Set<String> seen, Set<String> ambiguous) {
            // The parts of the file, as the DRL parser splits them: a rule, a query or a type
            // declaration ends at the first 'end' word outside strings and comments, a function
            // at the brace that closes its body.
            Map<String, Set<String>> found = new HashMap<>();
            List<String> keys = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                if (is(i, "package")) {
                    packageName = dottedName(i + 1);
                    i++;
                } else if (is(i, "import")) {
                    String name = dottedName(i + 1);
                    if (name != null) {
                        imports.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), name);
                    }
                    i++;
                } else if (is(i, "rule") && (kind(i + 1) == Kind.STRING || kind(i + 1) == Kind.WORD)) {
                    String key = key(packageName == null ? "" : packageName, tokens.get(i + 1).text());
                    keys.add(key);
                    int then = i + 2;
                    while (then < tokens.size() && !is(then, "then") && !is(then, "end")) {
                        then++;
                    }
                    Set<String> inserted = new LinkedHashSet<>();
                    int j = then + 1;
                    boolean simple = is(then, "then");
                    while (simple && j < tokens.size() && !is(j, "end")) {
                        j = insertion(j, inserted);
                        simple = j >= 0;
                    }
                    int end = is(then, "end") ? then : Math.max(j, then);
                    while (end < tokens.size() && !is(end, "end")) {
                        end++;
                    }
                    // The 'end' must close the rule: what follows starts the next part of the file, or nothing does.
                    boolean closes = end < tokens.size()
                            && (end + 1 == tokens.size() || kind(end + 1) == Kind.WORD && NEXT_PART.contains(tokens.get(end + 1).text()));
                    if (simple && closes && j == end) {
                        found.put(key, inserted);
                    }
                    i = end + 1;
                } else if (is(i, "query") || is(i, "declare")) {
                    while (i < tokens.size() && !is(i, "end")) {
                        i++;
                    }
                    i++;
                } else if (is(i, "function")) {
                    while (i < tokens.size() && !is(i, "{")) {
                        i++;
                    }
                    int depth = 0;
                    for (; i < tokens.size(); i++) {
                        if (is(i, "{")) {
                            depth++;
                        } else if (is(i, "}") && --depth == 0) {
                            break;
                        }
                    }
                    i++;
                } else {
                    i++;
                }
            }
            for (String key : keys) {
                if (!seen.add(key)) {
                    ambiguous.add(key);
                }
            }
            outputs.putAll(found);
        }

        /** A dotted name starting at {@code i}; a wildcard, static, function or accumulate import gives null. */
        private String dottedName(int i) {
            if (is(i, "static") || is(i, "function") || is(i, "accumulate")) {
                return null;
            }
            StringBuilder name = new StringBuilder();
            dotted(i, name);
            return complete(name) ? name.toString() : null;
        }

        /** Appends the words and dots of a dotted name starting at {@code i}; the index after them. */
        private int dotted(int i, StringBuilder name) {
            while (kind(i) == Kind.WORD) {
                name.append(tokens.get(i).text());
                i++;
                if (!is(i, ".")) {
                    break;
                }
                name.append('.');
                i++;
            }
            return i;
        }

        /** Whether a name {@link #dotted} read is whole: not empty and not ending in a dot. */
        private static boolean complete(StringBuilder name) {
            return !name.isEmpty() && name.charAt(name.length() - 1) != '.';
        }

        /** Reads {@code insert(new T(args));} or {@code insertLogical(new T(args));} at {@code i}; the index after it, or -1. */
        private int insertion(int i, Set<String> inserted) {
            if (!(is(i, "insert") || is(i, "insertLogical")) || !is(i + 1, "(") || !is(i + 2, "new")) {
                return -1;
            }
            StringBuilder type = new StringBuilder();
            i = dotted(i + 3, type);
            if (!complete(type) || !is(i, "(")) {
                return -1;
            }
            i++;
            if (!is(i, ")")) {
                while (true) {
                    i = argument(i);
                    if (i < 0) {
                        return -1;
                    }
                    if (is(i, ",")) {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            if (!is(i, ")") || !is(i + 1, ")") || !is(i + 2, ";")) {
                return -1;
            }
            String name = type.indexOf(".") >= 0 ? type.toString() : imports.get(type.toString());
            if (name == null) {
                return -1;
            }
            inserted.add(name);
            return i + 3;
        }

        /**
         * A literal, a variable or a constant ({@code Type.NAME}): nothing that runs code, so
         * that the consequence cannot fail; the index after it, or -1.
         */
        private int argument(int i) {
            if (is(i, "-") && kind(i + 1) == Kind.NUMBER) {
                return i + 2;
            }
            if (kind(i) == Kind.STRING || kind(i) == Kind.NUMBER) {
                return i + 1;
            }
            if (kind(i) != Kind.WORD || is(i, "new")) {
                return -1;
            }
            i++;
            while (is(i, ".") && kind(i + 1) == Kind.WORD) {
                i += 2;
            }
            return is(i, "(") || is(i, ".") ? -1 : i;
        }

        private boolean is(int i, String text) {
            return i < tokens.size() && tokens.get(i).is(text);
        }

        private Kind kind(int i) {
            return i < tokens.size() ? tokens.get(i).kind() : null;
        }
    }

    /** The file as tokens, comments dropped; null when it holds something this reading does not follow. */
    private static List<Token> tokens(String text) {
        if (text.contains("\"\"\"")) {
            return null;
        }
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return null;
                }
                i = close + 2;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\n') {
                        return null;
                    }
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i));
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i)));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }
}
