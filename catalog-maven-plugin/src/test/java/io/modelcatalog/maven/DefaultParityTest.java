package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.artifact.CatalogInstall;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.clean.CleanRequest;
import io.modelcatalog.compat.CompatOptions;
import io.modelcatalog.configupdate.CodexMerger;
import io.modelcatalog.configupdate.MergeStrategy;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.toolconfigs.GenerateConfigsRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every default a goal's {@code @Parameter} declares is the core's default, read from the generated plugin
 * descriptor: a default changed on one side only fails here. Defaults that only the build has (skip flags,
 * whether a problem fails the build, where a project keeps its catalog) are listed as such.
 */
class DefaultParityTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    private static final FetchOptions FETCH =
            FetchOptions.builder(Path.of("models")).build();
    private static final NetworkPolicy NETWORK = NetworkPolicy.defaults();

    /** Property to the core's default, as Maven would read it from the POM. */
    private static final Map<String, String> CORE = Map.ofEntries(
            Map.entry("catalog.timeout", String.valueOf(NETWORK.timeout().toSeconds())),
            Map.entry("catalog.retries", String.valueOf(NETWORK.retries())),
            Map.entry(
                    "catalog.retryAfterCap",
                    String.valueOf(NETWORK.retryAfterCap().toSeconds())),
            Map.entry("catalog.maxResponseBytes", String.valueOf(NETWORK.maxResponseBytes())),
            Map.entry("catalog.concurrency", String.valueOf(NETWORK.concurrency())),
            Map.entry("catalog.fromMaxBytes", String.valueOf(CatalogInstall.DEFAULT_MAX_BYTES)),
            Map.entry("catalog.offline", String.valueOf(NETWORK.offline())),
            Map.entry("catalog.layout", FETCH.layout().name().toLowerCase(Locale.ROOT)),
            Map.entry("catalog.skipExisting", String.valueOf(FETCH.skipExisting())),
            Map.entry("catalog.failedRescan", String.valueOf(FETCH.failedRescan())),
            Map.entry("catalog.allowShrink", String.valueOf(FETCH.allowShrink())),
            Map.entry("catalog.backupKeep", String.valueOf(BackupStore.DEFAULT_KEEP)),
            Map.entry("catalog.strategy", MergeStrategy.DEFAULT.name().toLowerCase(Locale.ROOT)),
            Map.entry("catalog.codex.migrateProfiles", String.valueOf(CodexMerger.DEFAULT_MIGRATE_LEGACY_PROFILES)),
            Map.entry("catalog.force", String.valueOf(GenerateConfigsRequest.DEFAULT_FORCE)),
            Map.entry("catalog.clean.failures", String.valueOf(CleanRequest.DEFAULT_FAILURES)),
            Map.entry("catalog.clean.cache", String.valueOf(CleanRequest.DEFAULT_CACHE)),
            Map.entry(
                    "catalog.compat.ignoreBaseUrl",
                    String.valueOf(CompatOptions.strict().ignoreBaseUrl())));

    /** Defaults of the build alone. */
    private static final Set<String> BUILD_ONLY = Set.of(
            "catalog.skip",
            "catalog.failOnError",
            "catalog.compat.failOnDifference",
            "catalog.outputDirectory",
            "catalog.dryRun",
            "catalog.overwrite",
            "catalog.legacyScript",
            "${project}",
            "${session}");

    @Test
    void everyParameterDefaultIsTheCoresDefault() throws Exception {
        Document plugin =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            Element configuration =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element parameter) || !parameter.hasAttribute("default-value")) {
                    continue;
                }
                String value = parameter.getAttribute("default-value");
                String expression = parameter.getTextContent().trim();
                String property = expression.isEmpty() ? value : expression.replaceAll("^\\$\\{(.*)}$", "$1");
                String where = goal + " " + parameter.getTagName() + " (" + property + ")";
                // only the plugin's own settings: inherited parameters (the report's Maven-reporting ones, the
                // generated help goal's) have no core counterpart
                if (!property.startsWith("catalog.")
                        || BUILD_ONLY.contains(property)
                        || property.equals("catalog." + goal + ".skip")) {
                    continue;
                }
                if (!CORE.containsKey(property)) {
                    problems.add(where + ": default " + value + " has no core default in this test");
                } else if (!CORE.get(property).equals(value)) {
                    problems.add(where + ": default " + value + ", the core's is " + CORE.get(property));
                }
                checked.add(property);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked.containsAll(CORE.keySet()), "every core default has its parameter: " + checked);
    }
}
