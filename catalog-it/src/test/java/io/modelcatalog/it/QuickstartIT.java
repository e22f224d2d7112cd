package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.report.CatalogReport;
import io.modelcatalog.report.CatalogReportReader;
import io.modelcatalog.report.ProviderEntry;
import io.modelcatalog.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * examples/quickstart as a user runs it: the folder copied out of the repository, {@code mvn verify site} in a
 * forked Maven whose local repository holds the freshly built plugin, no key and no network but Maven Central
 * for the build's own plugins. Then the report page it rendered, in headless Chromium.
 */
class QuickstartIT {

    /** The providers whose recorded responses the quickstart bundles. */
    static final List<String> PROVIDERS = List.of("anthropic", "baseten", "deepseek", "groq", "sambanova", "targon");

    /** A provider known to the quickstart only by its failure in the bundled run history. */
    static final String FAILED_ONLY = "xai";

    static Path project;
    static ForkedMaven.Result build;

    @BeforeAll
    static void runTheQuickstart() throws Exception {
        Path source = Path.of(System.getProperty("it.quickstartDir", "../examples/quickstart"));
        project = Files.createTempDirectory("catalog-quickstart-");
        ProjectCopy.sources(source, project);
        build = new ForkedMaven(project)
                .unsetProperty("catalog.cacheDirectory")
                .goals("verify", "site")
                .run();
    }

    /** Removes the copy unless -Dit.keepQuickstart is set (to look at what the build wrote). */
    @AfterAll
    static void removeTheCopy() throws IOException {
        if (project != null && System.getProperty("it.keepQuickstart") == null) {
            try (Stream<Path> files = Files.walk(project)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void replaysTheRecordedResponsesIntoTheLegacyFilesByteForByte() throws IOException {
        assertEquals(0, build.exitCode(), build.text());
        assertTrue(build.logContains("cache (offline)"), build.text());
        for (String p : PROVIDERS) {
            for (String ext : List.of("json", "txt", "toml")) {
                String name = "models_" + p + "." + ext;
                assertArrayEquals(
                        Files.readAllBytes(project.resolve("src/catalog/legacy").resolve(name)),
                        Files.readAllBytes(project.resolve("target/models").resolve(name)),
                        name);
            }
        }
        assertTrue(build.logContains("18 files compared: 18 identical"), "verify-compat ran: " + build.text());
    }

    @Test
    void generatesConfigsAndSaysWhereEverythingIs() {
        assertEquals(0, build.exitCode(), build.text());
        for (String p : PROVIDERS) {
            assertTrue(Files.isRegularFile(project.resolve("target/models/configs/aichat/models_" + p + ".yaml")), p);
            assertTrue(Files.isRegularFile(project.resolve("target/models/configs/mods/models_" + p + ".yml")), p);
            assertTrue(Files.isRegularFile(project.resolve("target/models/configs/codex/models_" + p + ".toml")), p);
            assertTrue(Files.isRegularFile(project.resolve("target/models/configs/opencode/models_" + p + ".json")), p);
        }
        // the goals' own lines, no Ant
        String target = project.resolve("target").toString();
        assertTrue(build.log().contains("[INFO] Catalog: " + target + "/models"), build.text());
        assertTrue(build.log().contains("[INFO] Configs: " + target + "/models/configs"), build.text());
        assertTrue(build.log().contains("[INFO] Report:  " + target + "/reports/catalog-report.html"), build.text());
        assertFalse(build.logContains("antrun"), build.text());
        assertFalse(build.logContains("[echo]"), build.text());
    }

    @Test
    void updateConfigsShowsItsDiffOnCopiesAndWritesNothing() throws IOException {
        assertEquals(0, build.exitCode(), build.text());
        Path copies = project.resolve("target/sample-configs");
        for (String file :
                List.of("aichat/config.yaml", "mods/mods.yml", "codex/config.toml", "opencode/opencode.jsonc")) {
            assertArrayEquals(
                    Files.readAllBytes(
                            project.resolve("src/catalog/sample-configs").resolve(file)),
                    Files.readAllBytes(copies.resolve(file)),
                    "dry run: " + file + " unchanged");
            assertTrue(build.logContains(copies.resolve(file) + ": would change"), file + ": " + build.text());
        }
        assertTrue(build.logContains("+        max_output_tokens: 32768"), "the diff is printed");
        assertTrue(build.logContains("+        \"timeout\": 60000, // my setting stays"), "the OpenCode diff too");
        assertFalse(Files.exists(project.resolve("target/backups")), "a dry run takes no backup");
    }

    @Test
    void theReportStandaloneAndInTheSiteListsEveryProvider() throws IOException {
        assertEquals(0, build.exitCode(), build.text());
        assertTrue(build.logContains("maven-site-plugin:3.21.0:site"), "the pinned site plugin: " + build.text());
        for (String page : List.of("target/reports/catalog-report.html", "target/site/catalog-report.html")) {
            String html = Files.readString(project.resolve(page), StandardCharsets.UTF_8);
            List<String> expected = new ArrayList<>(PROVIDERS);
            expected.add(FAILED_ONLY);
            expected.sort(null);
            assertEquals(expected, providerRows(html), page);
            for (String p : PROVIDERS) {
                assertTrue(html.contains("<section class=\"mcr-provider\" id=\"mcr-p-" + p + "\">"), page + " " + p);
            }
            assertTrue(html.contains("<td class=\"mcr-failed\">failed</td>"), page);
        }
        String index = Files.readString(project.resolve("target/site/index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("href=\"catalog-report.html\""), "the site menu links the report");
    }

    /** Headless Chromium at a window size; in CI it must be there, on a laptop without it the test is skipped. */
    private static WebDriver chromium(Path profile, int width, int height) {
        Path chromium = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
        Path driverBinary = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
        List<String> absent = Stream.of(chromium, driverBinary)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
        RequiredTool.require(
                "headless Chromium",
                absent.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", absent) + " not found"),
                ".ci/install-browser (as root: Debian's chromium and chromium-driver; .ci/install-tools runs it), or"
                        + " pass -Dit.chromium=<path> and -Dit.chromedriver=<path>");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void sortsByContextWindowAndFiltersByNameInChromium() throws Exception {
        assertEquals(0, build.exitCode(), build.text());
        CatalogReport report = CatalogReportReader.read(
                ProviderRegistry.builtIn(), project.resolve("target/models"), List.of(), "target/models");
        Path profile = Files.createTempDirectory("catalog-chromium-");
        WebDriver browser = chromium(profile, 1280, 1000);
        try {
            browser.get(
                    project.resolve("target/site/catalog-report.html").toUri().toString());

            // sort groq's table by context window: largest first, then smallest first; no value stays last
            ProviderEntry groq = entry(report, "groq");
            WebElement table = browser.findElement(By.cssSelector("#mcr-p-groq table"));
            WebElement context = table.findElement(By.xpath(".//thead//th[normalize-space()='Context']//button"));
            context.click();
            assertEquals("descending", context.findElement(By.xpath("..")).getAttribute("aria-sort"));
            assertEquals(byContext(groq.models(), false), shownIds(table));
            context.click();
            assertEquals(byContext(groq.models(), true), shownIds(table));

            // filter by a name: only matching rows stay, and providers without one disappear
            WebElement filter = browser.findElement(By.id("mcr-filter"));
            assertTrue(filter.isDisplayed(), "the filter shows once the script runs");
            filter.sendKeys("llama");
            List<String> expected = new ArrayList<>();
            List<String> providersWithMatches = new ArrayList<>();
            for (ProviderEntry p : report.providers()) {
                boolean any = false;
                for (ModelFacts m : p.models()) {
                    String text =
                            (m.id() + " " + (m.displayName() == null ? "" : m.displayName())).toLowerCase(Locale.ROOT);
                    if (text.contains("llama")) {
                        expected.add(p.name() + "/" + m.id());
                        any = true;
                    }
                }
                if (any) {
                    providersWithMatches.add(p.name());
                }
            }
            assertFalse(expected.isEmpty());
            List<String> shown = new ArrayList<>();
            List<String> sectionsShown = new ArrayList<>();
            for (WebElement section : browser.findElements(By.cssSelector("section.mcr-provider"))) {
                String name = section.getAttribute("id").substring("mcr-p-".length());
                if (section.isDisplayed()) {
                    sectionsShown.add(name);
                }
                for (WebElement row : section.findElements(By.cssSelector("tbody tr"))) {
                    if (row.isDisplayed()) {
                        shown.add(name + "/"
                                + row.findElement(By.cssSelector("td code")).getText());
                    }
                }
            }
            expected.sort(null);
            shown.sort(null);
            assertEquals(expected, shown);
            assertEquals(providersWithMatches, sectionsShown);
            assertEquals(
                    expected.size() + " of " + report.modelCount() + " models",
                    browser.findElement(By.id("mcr-count")).getText());
            // each provider's heading counts what the filter shows of its list, and its whole list again after
            for (String name : providersWithMatches) {
                long matches =
                        expected.stream().filter(e -> e.startsWith(name + "/")).count();
                int all = entry(report, name).models().size();
                assertEquals(
                        matches + " of " + all + " models",
                        browser.findElement(By.cssSelector("#mcr-p-" + name + " h3 small"))
                                .getText(),
                        name);
            }
            filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            assertEquals("", browser.findElement(By.id("mcr-count")).getText());
            assertEquals(
                    entry(report, "groq").models().size() + " models",
                    browser.findElement(By.cssSelector("#mcr-p-groq h3 small")).getText());
        } finally {
            browser.quit();
            delete(profile);
        }
    }

    @Test
    void onAPhoneATableThatScrollsShowsAShadowAtTheEdgeWithMore() throws Exception {
        assertEquals(0, build.exitCode(), build.text());
        Path profile = Files.createTempDirectory("catalog-chromium-");
        WebDriver browser = chromium(profile, 390, 844);
        try {
            browser.get(project.resolve("target/reports/catalog-report.html")
                    .toUri()
                    .toString());
            JavascriptExecutor js = (JavascriptExecutor) browser;
            WebElement box = browser.findElement(By.cssSelector("#mcr-p-groq .mcr-scroll"));
            assertTrue(
                    (Boolean) js.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;", box),
                    "groq's table is wider than a phone");
            assertEquals("mcr-scroll mcr-more-right", box.getAttribute("class"), "more to the right only");
            assertTrue(box.getCssValue("box-shadow").contains("inset"), box.getCssValue("box-shadow"));

            js.executeScript("arguments[0].scrollLeft = arguments[0].scrollWidth;", box);
            waitFor(() -> box.getAttribute("class").equals("mcr-scroll mcr-more-left"), "scrolled to the end");
            js.executeScript("arguments[0].scrollLeft = 40;", box);
            waitFor(() -> box.getAttribute("class").equals("mcr-scroll mcr-more-left mcr-more-right"), "midway");

            // on a wide screen the same table fits: no cue
            browser.manage().window().setSize(new Dimension(1400, 1000));
            waitFor(() -> box.getAttribute("class").equals("mcr-scroll"), "fits at 1400 px");
            assertEquals("none", box.getCssValue("box-shadow"));
        } finally {
            browser.quit();
            delete(profile);
        }
    }

    /** Waits up to 5 s for what the page's script does on an event. */
    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting: " + what);
            Thread.sleep(50);
        }
    }

    /** Model ids in the order the table shows them. */
    private static List<String> shownIds(WebElement table) {
        List<String> ids = new ArrayList<>();
        for (WebElement code : table.findElements(By.cssSelector("tbody tr td:first-child code"))) {
            ids.add(code.getText());
        }
        return ids;
    }

    /** The expected order: by context window, models without one last, ties in catalog order. */
    private static List<String> byContext(List<ModelFacts> models, boolean ascending) {
        Comparator<ModelFacts> byValue = Comparator.comparing(ModelFacts::contextWindow);
        Comparator<ModelFacts> order = ascending ? byValue : byValue.reversed();
        List<ModelFacts> known = new ArrayList<>(
                models.stream().filter(m -> m.contextWindow() != null).toList());
        known.sort(order);
        List<String> out = new ArrayList<>(known.stream().map(ModelFacts::id).toList());
        models.stream().filter(m -> m.contextWindow() == null).forEach(m -> out.add(m.id()));
        return out;
    }

    private static ProviderEntry entry(CatalogReport report, String name) {
        return report.providers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Provider names of the page's providers table, in order. */
    static List<String> providerRows(String html) {
        Matcher table = Pattern.compile("<table[^>]*id=\"mcr-providers\">(.*?)</table>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(table.find(), "providers table");
        List<String> names = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><td>(?:<a href=\"#mcr-p-[^\"]*\">)?([^<]+)")
                .matcher(table.group(1));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
