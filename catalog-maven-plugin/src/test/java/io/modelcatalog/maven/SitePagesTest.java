package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site pages that restate what the code defines, checked against it so they cannot drift: the table of
 * built-in providers, and the site menu's link to every goal page.
 */
class SitePagesTest {

    private static final Path SITE = Path.of("..", "src", "site");

    /** The table of {@code provider-list.md}, row for row, as the built-in registry defines it. */
    static List<String> providerRows() {
        List<String> rows = new ArrayList<>();
        rows.add("| provider | kind | key variable | settings.xml server id | base URL variable | default base URL |");
        rows.add("| --- | --- | --- | --- | --- | --- |");
        for (ProviderDefinition p : ProviderRegistry.builtIn().all()) {
            boolean key = p.kind().needsKey();
            rows.add("| `" + p.name() + "` | " + p.kind().id() + " | "
                    + (key && p.apiKeyEnv() != null ? "`" + p.apiKeyEnv() + "`" : "none") + " | "
                    + (key ? "`" + MavenNetwork.SERVER_ID_PREFIX + p.name() + "`" : "none") + " | "
                    + (p.baseUrlEnv() == null ? "none" : "`" + p.baseUrlEnv() + "`") + " | "
                    + p.baseUrl() + " |");
        }
        return rows;
    }

    @Test
    void providerListPageHoldsEveryBuiltInProviderWithItsVariablesAndServerId() throws IOException {
        List<String> lines = Files.readAllLines(SITE.resolve("markdown/provider-list.md"), StandardCharsets.UTF_8);
        List<String> table = lines.stream().filter(l -> l.startsWith("|")).toList();
        List<String> expected = providerRows();
        assertEquals(
                String.join("\n", expected),
                String.join("\n", table),
                "src/site/markdown/provider-list.md is out of date: replace its table with the expected one");
        assertEquals(40, expected.size() - 2);
    }

    @Test
    void siteMenuLinksEveryGoalPage() throws IOException {
        String site = Files.readString(SITE.resolve("site.xml"), StandardCharsets.UTF_8);
        String descriptor = Files.readString(
                Path.of("target", "classes", "META-INF", "maven", "plugin.xml"), StandardCharsets.UTF_8);
        List<String> goals = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<goal>([^<]+)</goal>").matcher(descriptor);
        while (m.find()) {
            goals.add(m.group(1));
        }
        assertTrue(goals.contains("report") && goals.contains("help"), goals.toString());
        for (String goal : goals) {
            assertTrue(
                    site.contains("href=\"catalog-maven-plugin/" + goal + "-mojo.html\""),
                    "site.xml links the page of goal " + goal);
        }
    }
}
