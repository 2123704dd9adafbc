// Applies an SRX 2.0 file the way CAT tools do (Java regular expressions; for
// each position the first rule whose beforebreak ends there and whose
// afterbreak matches from there decides) and prints one segment per line.
//
// Usage: java scripts/SRXCheck.java RULES.srx < text.txt
// Used to check `bgtext segment --export-srx` against `bgtext segment`.
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.*;

public class SRXCheck {
    public static void main(String[] args) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new java.io.File(args[0]));
        NodeList ruleNodes = document.getElementsByTagNameNS("http://www.lisa.org/srx20", "rule");
        List<Object[]> rules = new ArrayList<>();
        for (int i = 0; i < ruleNodes.getLength(); i++) {
            Element rule = (Element) ruleNodes.item(i);
            String before = text(rule, "beforebreak"), after = text(rule, "afterbreak");
            rules.add(new Object[] { !"no".equals(rule.getAttribute("break")),
                Pattern.compile(before.isEmpty() ? "(?=.)|$" : before), after.isEmpty() ? null : Pattern.compile(after) });
        }
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        TreeMap<Integer, Boolean> decided = new TreeMap<>();
        for (Object[] rule : rules) {
            Matcher before = ((Pattern) rule[1]).matcher(input);
            int from = 0;
            while (from <= input.length() && before.find(from)) {
                int position = before.end();
                from = before.start() + 1;
                if (position == 0 || position >= input.length() || decided.containsKey(position)) continue;
                if (rule[2] == null || ((Pattern) rule[2]).matcher(input).region(position, input.length()).lookingAt()) {
                    decided.put(position, (Boolean) rule[0]);
                }
            }
        }
        int start = 0;
        StringBuilder out = new StringBuilder();
        for (var entry : decided.entrySet()) {
            if (!entry.getValue()) continue;
            append(out, input.substring(start, entry.getKey()));
            start = entry.getKey();
        }
        append(out, input.substring(start));
        System.out.print(out);
    }

    static void append(StringBuilder out, String segment) {
        String trimmed = segment.strip();
        if (!trimmed.isEmpty()) out.append(trimmed.replaceAll("[\\r\\n]+", " ")).append('\n');
    }

    static String text(Element rule, String name) {
        NodeList nodes = rule.getElementsByTagNameNS("http://www.lisa.org/srx20", name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
