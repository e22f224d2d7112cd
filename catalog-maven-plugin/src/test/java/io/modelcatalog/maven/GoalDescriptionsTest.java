package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code help:describe} reads the descriptions of the plugin descriptor as HTML, so a tag-like
 * placeholder is lost there ({@code models_<p>.json} showed as {@code models_↵.json}, {@code catalog-<provider>} as
 * {@code catalog-}). No goal or parameter of this plugin may describe itself with one; placeholders are written
 * {@code {provider}}.
 */
class GoalDescriptionsTest {

    /** A tag: {@code <p>}, {@code </x>}, {@code <providerNames>}; not an autolink ({@code <https://...>}). */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9_.-]*/?>");

    /** Parameters that the report inherits from Maven's reporting base class, and the generated help goal. */
    private static final Set<String> NOT_OURS = Set.of("help", "report.outputDirectory", "report.outputTimestamp");

    @Test
    void noDescriptionHoldsATagLikePlaceholder() throws Exception {
        Document descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            descriptor =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        List<String> found = new ArrayList<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        assertTrue(mojos.getLength() >= 9, "the goals are in the descriptor");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            if (NOT_OURS.contains(goal)) {
                continue;
            }
            check(goal, child(mojo, "description"), found);
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                String name = goal + "." + child(parameter, "name");
                if (!NOT_OURS.contains(name)) {
                    check(name, child(parameter, "description"), found);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static void check(String where, String description, List<String> found) {
        Matcher m = TAG.matcher(description);
        while (m.find()) {
            int from = Math.max(0, m.start() - 25);
            found.add(where + ": ..." + description.substring(from, Math.min(description.length(), m.end() + 10)));
        }
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent();
            }
        }
        return "";
    }
}
