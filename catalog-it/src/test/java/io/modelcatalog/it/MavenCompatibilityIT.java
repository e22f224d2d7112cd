package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin on Maven 3.9 and Maven 4 (both unpacked from Maven Central by the build) beside the Maven 3.8.7 that
 * runs the build: the same forked run on each (one per Maven and case, several goals in it), the same bytes out,
 * and nothing Maven warns about: no plugin validation issue (reported in full with
 * {@code -Dmaven.plugin.validation=VERBOSE}), no missing root directory (the quickstart carries {@code .mvn/}).
 */
class MavenCompatibilityIT {

    /** Warnings that come from the machine's network, not from the build: Maven 4 asks each repository for prefixes. */
    private static final Pattern ENVIRONMENT_WARNING = Pattern.compile(
            "Could not transfer metadata /\\.meta/prefixes\\.txt|/\\.meta/prefixes\\.txt failed to transfer");

    /** The site plugin's own remark on a project without a URL (the quickstart has none on purpose). */
    private static final String NO_PROJECT_URL = "No project URL defined - site links will not be relativized!";

    /** The models whose configs the goals run writes and merges: a few of several providers. */
    private static final String INCLUDE = "claude-sonnet-4*,llama-3.3-70b*,Meta-Llama-3.3-70B*,*/Llama-3.3-70B*";

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    @TempDir
    Path work;

    /** The Mavens by version: the build's own first, the reference for every byte. */
    private static Map<String, Path> mavens() {
        Map<String, Path> mavens = new LinkedHashMap<>();
        mavens.put("build", Path.of(System.getProperty("maven.home", "missing")));
        mavens.put("3.9", Path.of(System.getProperty("it.maven39.home", "missing")));
        mavens.put("4", Path.of(System.getProperty("it.maven4.home", "missing")));
        mavens.forEach((name, home) ->
                assertTrue(Files.isRegularFile(home.resolve("bin/mvn")), "Maven " + name + " not unpacked at " + home));
        return mavens;
    }

    @Test
    void theGoalsWithoutAPomWriteTheSameBytesOnEveryMaven() throws Exception {
        Path settings = work.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><servers><server><id>catalog-groq</id><password>sk-from-settings-" + "compat-0123456789"
                        + "</password></server></servers></settings>");
        corpus.env().remove("GROQ_API_KEY");
        Path reference = work.resolve("reference");
        Files.createDirectories(reference);
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : new String[] {"json", "txt", "toml"}) {
                String name = "models_" + p + "." + ext;
                Files.write(reference.resolve(name), LegacyCorpus.bak(name));
            }
        }
        Path samples = Path.of(System.getProperty("it.quickstartDir", "../examples/quickstart"))
                .resolve("src/catalog/sample-configs");

        Map<String, Map<String, byte[]>> outputs = new LinkedHashMap<>();
        Map<String, List<String>> diffs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> maven : mavens().entrySet()) {
            Path dir = work.resolve("maven-" + maven.getKey());
            Path home = dir.resolve("home");
            Path aichat = copy(samples.resolve("aichat/config.yaml"), home.resolve(".config/aichat/config.yaml"));
            Path mods = copy(samples.resolve("mods/mods.yml"), home.resolve(".config/mods/mods.yml"));
            // fetch from the loopback server (groq's key from settings.xml), configs, the catalog against the
            // legacy files, a dry run of update-configs on a temporary home, the providers overview
            ForkedMaven.Result run = new ForkedMaven(dir)
                    .mavenHome(maven.getValue())
                    .showVersion(true)
                    .goals(
                            ForkedMaven.goal("fetch"),
                            ForkedMaven.goal("generate-configs"),
                            ForkedMaven.goal("verify-compat"),
                            ForkedMaven.goal("update-configs"),
                            ForkedMaven.goal("providers"))
                    .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                    .property("catalog.referenceDirectory", reference)
                    .property("catalog.compat.ignoreBaseUrl", true)
                    // configs of a few models (the dry run's diff of all 36 providers is 90,000 lines)
                    .property("catalog.include", INCLUDE)
                    .property("catalog.tools", "aichat,mods")
                    .property("catalog.dryRun", true)
                    .property("catalog.backupDirectory", home.resolve("backups"))
                    .property("maven.plugin.validation", "VERBOSE")
                    .settings(settings)
                    .env(corpus.env())
                    .env("HOME", home.toString())
                    .env("XDG_CONFIG_HOME", home.resolve(".config").toString())
                    .env("AICHAT_CONFIG_DIR", aichat.getParent().toString())
                    .env("XDG_CACHE_HOME", home.resolve(".cache").toString())
                    .run();
            String name = "Maven " + maven.getKey();
            assertEquals(0, run.exitCode(), name + ": " + run.text());
            assertTrue(isVersion(run, maven.getKey()), name + " is the Maven it says: " + run.text());
            assertEquals(List.of(), warnings(run), name + " warns: " + run.text());
            assertFalse(run.text().contains("sk-from-settings-"), name);
            assertTrue(run.logContains("openrouter"), "providers ran: " + run.text());
            for (String p : LegacyCorpus.providerNames()) {
                assertArrayEquals(
                        LegacyCorpus.bak("models_" + p + ".json"),
                        Files.readAllBytes(dir.resolve("models/models_" + p + ".json")),
                        name + ": " + p);
            }
            assertArrayEquals(
                    Files.readAllBytes(samples.resolve("aichat/config.yaml")), Files.readAllBytes(aichat), "dry run");
            assertArrayEquals(
                    Files.readAllBytes(samples.resolve("mods/mods.yml")), Files.readAllBytes(mods), "dry run");
            assertFalse(Files.exists(home.resolve("backups")), name + ": a dry run takes no backup");
            outputs.put(name, files(dir.resolve("models")));
            diffs.put(name, diffLines(run, dir));
        }
        corpus.server()
                .requestsTo("/groq/v1/models")
                .forEach(
                        r -> assertEquals("Bearer sk-from-settings-" + "compat-0123456789", r.header("authorization")));
        assertEquals(3, corpus.server().requestsTo("/groq/v1/models").size(), "one fetch of groq per Maven");
        assertSame(outputs);
        assertSame(diffs);
        assertFalse(diffs.values().iterator().next().isEmpty(), "the dry run printed its diff");
    }

    @Test
    void theQuickstartBuildsTheSameCatalogConfigsAndReportOnEveryMaven() throws Exception {
        Path source = Path.of(System.getProperty("it.quickstartDir", "../examples/quickstart"));
        assertTrue(Files.isDirectory(source.resolve(".mvn")), "the quickstart marks its root for Maven 4");
        Map<String, Map<String, byte[]>> outputs = new LinkedHashMap<>();
        Map<String, List<String>> diffs = new LinkedHashMap<>();
        Map<String, String> sitePages = new LinkedHashMap<>();
        for (Map.Entry<String, Path> maven : mavens().entrySet()) {
            Path project = work.resolve("quickstart-" + maven.getKey());
            Files.createDirectories(project);
            ProjectCopy.sources(source, project);
            boolean reference = maven.getKey().equals("build");
            // the build's own Maven renders the site in QuickstartIT; here it gives the reference bytes
            ForkedMaven.Result run = new ForkedMaven(project)
                    .unsetProperty("catalog.cacheDirectory")
                    .mavenHome(maven.getValue())
                    .showVersion(true)
                    .goals(reference ? new String[] {"verify"} : new String[] {"verify", "site"})
                    .property("maven.plugin.validation", "VERBOSE")
                    .run();
            String name = "Maven " + maven.getKey();
            assertEquals(0, run.exitCode(), name + ": " + run.text());
            assertTrue(isVersion(run, maven.getKey()), name + " is the Maven it says: " + run.text());
            assertEquals(List.of(), warnings(run), name + " warns: " + run.text());
            assertFalse(run.logContains("Unable to find the root directory"), name + ": .mvn/ marks the root");
            assertTrue(run.logContains("18 files compared: 18 identical"), name + ": " + run.text());
            Map<String, byte[]> files = files(project.resolve("target/models"));
            files.put(
                    "reports/catalog-report.html",
                    Files.readAllBytes(project.resolve("target/reports/catalog-report.html")));
            outputs.put(name, files);
            diffs.put(name, diffLines(run, project));
            if (!reference) {
                String page =
                        Files.readString(project.resolve("target/site/catalog-report.html"), StandardCharsets.UTF_8);
                assertTrue(
                        page.contains("<section class=\"mcr-provider\" id=\"mcr-p-groq\">"), name + ": the site page");
                sitePages.put(name, report(page));
            }
        }
        assertSame(outputs);
        assertSame(diffs);
        assertEquals(
                1,
                sitePages.values().stream().distinct().count(),
                "the site's report on Maven 3.9 and 4: " + sitePages.keySet());
    }

    /** Whether the run's first line, which {@code mvn -V} prints, names the version that Maven must be. */
    private static boolean isVersion(ForkedMaven.Result run, String key) {
        String property = switch (key) {
            case "3.9" -> "it.maven39.version";
            case "4" -> "it.maven4.version";
            default -> "it.maven.version";
        };
        String line = "Apache Maven " + System.getProperty(property, "missing");
        return run.log().stream()
                .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")) // -V prints its line in bold, even with -B
                .anyMatch(l -> l.equals(line) || l.startsWith(line + " "));
    }

    /** Every line Maven marks WARNING or ERROR, but for the machine's network and the site plugin's URL remark. */
    private static List<String> warnings(ForkedMaven.Result run) {
        return run.log().stream()
                .filter(l -> l.startsWith("[WARNING]") || l.startsWith("[ERROR]"))
                .filter(l -> !ENVIRONMENT_WARNING.matcher(l).find())
                .filter(l -> !l.contains(NO_PROJECT_URL))
                .toList();
    }

    /** update-configs' dry-run diff as printed, with the run's own folder replaced by a placeholder. */
    private static List<String> diffLines(ForkedMaven.Result run, Path dir) {
        String folder = dir.toString();
        return run.log().stream()
                .filter(l -> l.startsWith("[INFO] +") || l.startsWith("[INFO] -") || l.startsWith("[INFO] @@"))
                // Maven's own rules and goal headings, which differ between versions ("--- resources:3.3.1:...")
                .filter(l -> !l.endsWith("---"))
                .map(l -> l.replace(folder, "<dir>"))
                .toList();
    }

    /** The report's own part of a site page: from its {@code div} to the end of its script. */
    private static String report(String page) {
        int start = page.indexOf("<div class=\"mcr\"");
        int end = page.indexOf("</script>", start);
        assertTrue(start >= 0 && end > start, "the report's fragment in the site page");
        return page.substring(start, end);
    }

    /** Every file under a folder, by relative path. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** Each Maven's files equal the first Maven's, file for file and byte for byte. */
    private static <T> void assertSame(Map<String, T> byMaven) {
        Map.Entry<String, T> first = byMaven.entrySet().iterator().next();
        byMaven.forEach((name, value) -> {
            if (value instanceof Map<?, ?> files) {
                Map<?, ?> expected = (Map<?, ?>) first.getValue();
                assertEquals(expected.keySet(), files.keySet(), name + " wrote the files " + first.getKey() + " wrote");
                expected.forEach((path, bytes) ->
                        assertArrayEquals((byte[]) bytes, (byte[]) files.get(path), name + ": " + path));
            } else {
                assertEquals(first.getValue(), value, name + " against " + first.getKey());
            }
        });
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }
}
