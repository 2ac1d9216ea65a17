package org.apsa.rulebase;

import org.apsa.fact.InputProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of the DRL texts is declared, read from the text. A rule's name must be
 * unique across the whole rules folder: traces, coverage, rule tests and the catalogue name
 * rules by it. Drools only refuses a name used twice in one package, so the rest is checked here.
 */
final class RuleHeaders {

    /** Where a rule is declared: its file (and that file's place among the sources), the position of its name, the name. */
    record Header(int fileIndex, Path file, int line, int column, String name) {

        String place() {
            return file + ":" + line;
        }
    }

    /** The keyword, first on a line of code (comments and strings blanked); only the line's own blanks before it. */
    private static final Pattern KEYWORD = Pattern.compile("^[ \\t]*rule\\b", Pattern.MULTILINE | Pattern.UNIX_LINES);
    /** The name after it: a string, or an identifier as Drools takes one unquoted. */
    private static final Pattern NAME = Pattern.compile("\\s+(?:\"([^\"\\n]+)\"|'([^'\\n]+)'|([\\p{L}_$][\\p{L}\\p{N}_$]*))");

    private RuleHeaders() {
    }

    /** Every rule's header, in file and line order. */
    static List<Header> of(Map<Path, byte[]> sources) {
        List<Header> headers = new ArrayList<>();
        int fileIndex = 0;
        for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
            String text = new String(source.getValue(), StandardCharsets.UTF_8);
            Matcher keyword = KEYWORD.matcher(RuleBaseLoader.codeOnly(text));
            Matcher name = NAME.matcher(text);
            int line = 1;
            int lineStart = 0;
            int counted = 0;
            while (keyword.find()) {
                if (!name.region(keyword.end(), text.length()).lookingAt()) {
                    continue;
                }
                int group = name.group(1) != null ? 1 : name.group(2) != null ? 2 : 3;
                int at = group == 3 ? name.start(3) : name.start(group) - 1;
                for (; counted < at; counted++) {
                    if (text.charAt(counted) == '\n') {
                        line++;
                        lineStart = counted + 1;
                    }
                }
                headers.add(new Header(fileIndex, source.getKey(), line, at - lineStart + 1, name.group(group)));
            }
            fileIndex++;
        }
        return headers;
    }

    /** A rule named as an earlier one of the folder, in any file or package. */
    record Repeat(Header later, Header first) {

        /** At the later one's name, naming the first. */
        InputProblem problem() {
            return new InputProblem(later.file().toString(), later.line(), later.column(),
                    duplicate(later.name(), List.of(first.place())));
        }
    }

    /** Each rule whose name an earlier one has, in file and line order. */
    static List<Repeat> repeats(List<Header> headers) {
        Map<String, Header> first = new HashMap<>();
        List<Repeat> repeats = new ArrayList<>();
        for (Header header : headers) {
            Header earlier = first.putIfAbsent(header.name(), header);
            if (earlier != null) {
                repeats.add(new Repeat(header, earlier));
            }
        }
        return repeats;
    }

    /** What to say of a rule's name that is also defined at other places. */
    static String duplicate(String name, List<String> elsewhere) {
        return "rule \"" + name + "\" is " + (elsewhere.isEmpty() ? "defined twice" : "also defined at " + String.join(", ", elsewhere))
                + "; a rule's name must be unique across the rules folder (traces, tests and the catalogue name rules by it), "
                + "so rename one";
    }
}
