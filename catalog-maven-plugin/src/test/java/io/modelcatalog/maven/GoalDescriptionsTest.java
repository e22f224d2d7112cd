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

    /**
     * A braced placeholder as the help and the goal pages must show it: {@code {provider}}, a Maven expression
     * {@code ${project.basedir}}, OpenCode's {@code {env:VAR}}, or a small JSON object. Javadoc's code tag
     * with braces inside comes out of the descriptor with its braces moved ({@code models_{provider.json}},
     * {@code ${project.basedir/models}}, {@code [model_providers.{id]}}), which none of these allows.
     */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{[A-Za-z][\\w.]*\\}|\\{[A-Za-z][\\w-]*\\}|\\{env:[A-Z_]+\\}|\\{\"[^{}]*\"\\}");

    @Test
    void everyBraceInTheDescriptionsEnclosesAPlaceholderAsWritten() throws Exception {
        List<String> found = new ArrayList<>();
        forEachDescription((where, description) -> {
            String rest = PLACEHOLDER.matcher(description).replaceAll("");
            int brace = Math.max(rest.indexOf('{'), rest.indexOf('}'));
            if (brace >= 0) {
                found.add(
                        where + ": ..." + rest.substring(Math.max(0, brace - 30), Math.min(rest.length(), brace + 20)));
            }
        });
        assertEquals(List.of(), found);
    }

    @Test
    void theGarbledFormsOfTheIssueAreCaught() {
        for (String garbled : List.of(
                "writes models_{provider.json}",
                "Default ${project.basedir/models}, or",
                "where catalog.{tool.config} says",
                "the [model_providers.{id]} tables")) {
            String rest = PLACEHOLDER.matcher(garbled).replaceAll("");
            assertTrue(rest.contains("{") || rest.contains("}"), garbled);
        }
        for (String fine : List.of(
                "models_{provider}.json", "${project.basedir}/models", "catalog.{tool}.config", "{env:GROQ_API_KEY}")) {
            assertEquals(-1, PLACEHOLDER.matcher(fine).replaceAll("").indexOf('{'), fine);
        }
    }

    private interface DescriptionCheck {
        void check(String where, String description);
    }

    private void forEachDescription(DescriptionCheck check) throws Exception {
        Document descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            descriptor =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        assertTrue(mojos.getLength() >= 9, "the goals are in the descriptor");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            if (NOT_OURS.contains(goal)) {
                continue;
            }
            check.check(goal, child(mojo, "description"));
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                String name = goal + "." + child(parameter, "name");
                if (!NOT_OURS.contains(name)) {
                    check.check(name, child(parameter, "description"));
                }
            }
        }
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
