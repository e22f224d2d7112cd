package io.modelcatalog.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.identity.FamilyOverrides;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.testing.LegacyCorpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog report from real corpus files: what it lists, how it reads the history, and the HTML it writes. */
class CatalogReportTest {

    /** Small providers of the corpus with context windows and prices (sambanova, mancer) and without. */
    static final List<String> PROVIDERS = List.of("anthropic", "deepseek", "groq", "mancer", "sambanova");

    static final String HISTORY = """
            {
              "groq": {
                "failed": false,
                "error": "404 Client Error: Not Found for url: https://api.groq.com/openai/models",
                "last_attempt": "2025-08-07T21:28:25.368508",
                "last_success": "Mon, 08 Sep 2025 10:29:32 GMT"
              },
              "mancer": {
                "failed": true,
                "error": "Expecting value: line 1 column 1 (char 0)",
                "last_attempt": "2025-09-08T12:29:33.260497"
              },
              "xai": {
                "failed": true,
                "error": "Unexpected error: Client error '403 Forbidden'",
                "last_attempt": "2025-09-08T12:29:32.400806"
              },
              "perplexity": {
                "failed": true,
                "error": "gone",
                "last_attempt": "2025-08-07T23:28:21.033128"
              }
            }""";

    @TempDir
    Path dir;

    static Path writeCatalog(Path folder, List<String> providers, String history) throws IOException {
        Files.createDirectories(folder);
        for (String p : providers) {
            for (String ext : List.of("json", "txt", "toml")) {
                String name = "models_" + p + "." + ext;
                Files.write(folder.resolve(name), LegacyCorpus.bak(name));
            }
        }
        if (history != null) {
            Files.writeString(folder.resolve(CatalogLayout.FAILED_MODELS), history);
        }
        return folder;
    }

    private CatalogReport read(List<String> selected) throws IOException {
        Path folder = writeCatalog(dir.resolve("models"), PROVIDERS, HISTORY);
        Files.write(folder.resolve("models_featherless_best.json"), LegacyCorpus.bak("models_featherless_best.json"));
        return CatalogReportReader.read(ProviderRegistry.builtIn(), folder, selected, "models");
    }

    @Test
    void listsEveryProviderWithAFileOrAHistoryEntryWithItsCountAndLastRun() throws IOException {
        CatalogReport report = read(List.of());
        assertEquals(
                List.of("anthropic", "deepseek", "groq", "mancer", "sambanova", "xai"),
                report.providers().stream().map(ProviderEntry::name).toList());
        for (ProviderEntry p : report.providers()) {
            if (p.name().equals("xai")) {
                assertTrue(p.modelCount().isEmpty());
                continue;
            }
            String txt = new String(LegacyCorpus.bak("models_" + p.name() + ".txt"), StandardCharsets.UTF_8);
            assertEquals(txt.split("\n").length, p.modelCount().getAsInt(), p.name());
            assertEquals(p.modelCount().getAsInt(), p.models().size(), p.name());
        }
        ProviderEntry groq = entry(report, "groq");
        assertEquals(RunRecord.Status.SUCCEEDED, groq.lastRun().status());
        assertEquals("2025-09-08 10:29 UTC", groq.lastRun().whenShown().orElseThrow());
        ProviderEntry mancer = entry(report, "mancer");
        assertEquals(RunRecord.Status.FAILED, mancer.lastRun().status());
        assertEquals("2025-09-08 12:29", mancer.lastRun().whenShown().orElseThrow());
        assertEquals(
                "Expecting value: line 1 column 1 (char 0)",
                mancer.lastRun().error().orElseThrow());
        assertEquals(
                RunRecord.Status.NO_RECORD, entry(report, "sambanova").lastRun().status());
        assertEquals(
                List.of(
                        "Files of no registered provider, not shown: models_featherless_best.json.",
                        "failed_models.json has entries of providers that are not registered: perplexity."),
                report.notes());
    }

    @Test
    void factsComeFromTheCoreNormalizer() throws IOException {
        ModelFacts llama = entry(read(List.of()), "sambanova").models().stream()
                .filter(m -> m.id().equals("Meta-Llama-3.3-70B-Instruct"))
                .findFirst()
                .orElseThrow();
        assertEquals(131072L, llama.contextWindow());
        assertEquals(3072L, llama.maxOutputTokens());
        assertEquals("0.6", ReportNumbers.price(llama.inputPrice()));
        assertEquals("1.2", ReportNumbers.price(llama.outputPrice()));
    }

    @Test
    void selectedProvidersOnlyAndUnknownNamesRefused() throws IOException {
        CatalogReport report = read(List.of("groq", "openai"));
        assertEquals(
                List.of("groq", "openai"),
                report.providers().stream().map(ProviderEntry::name).toList());
        assertTrue(entry(report, "openai").modelCount().isEmpty());
        assertThrows(UnknownProviderException.class, () -> read(List.of("nosuch")));
    }

    @Test
    void htmlListsProvidersAndModelsSortableAndFilterable() throws IOException {
        CatalogReport report = read(List.of());
        String html = ReportHtml.fragment(report);
        for (ProviderEntry p : report.providers()) {
            assertTrue(
                    html.contains("<td><a href=\"#mcr-p-" + p.name() + "\">" + p.name() + "</a></td>")
                            || html.contains("<td>" + p.name() + "</td>"),
                    p.name());
        }
        assertTrue(html.contains("<section class=\"mcr-provider\" id=\"mcr-p-sambanova\">"));
        assertTrue(html.contains("<td class=\"n\">131,072</td><td class=\"n\">3,072</td><td class=\"n\">0.6</td>"
                + "<td class=\"n\">1.2</td>"));
        assertTrue(
                html.contains(
                        "<td class=\"mcr-failed\">failed</td><td class=\"mcr-when\"><span title=\"2025-09-08T12:29:33.260497\">"
                                + "2025-09-08 12:29</span></td><td class=\"mcr-error\">Expecting value: line 1 column 1 (char 0)</td>"));
        assertTrue(html.contains("<th data-sort=\"num\" class=\"n\">Context</th>"));
        assertTrue(html.contains("id=\"mcr-filter\""));
        // no external asset: nothing is loaded from anywhere
        assertFalse(Pattern.compile("\\s(src|href)=\"(?!#)").matcher(html).find(), "only in-page links");
        assertFalse(html.contains("@import") || html.contains("url("));
    }

    @Test
    void theFamiliesViewListsModelsServedByTwoProvidersOrMoreAndEachRowSaysWhereElse() throws IOException {
        String html = ReportHtml.fragment(read(List.of()));
        // served by groq and sambanova: both list the same Qwen3-32B
        assertTrue(
                html.contains("<tr id=\"mcr-f-qwen/qwen3-32b\"><td><code>qwen/qwen3-32b</code><br>"
                        + "<span class=\"mcr-dn\">2 listings</span></td><td class=\"n\">2</td>"
                        + "<td class=\"n\">0.4 <span class=\"mcr-dn\">sambanova</span></td>"
                        + "<td class=\"n\">131,072 <span class=\"mcr-dn\">groq</span></td></tr>"),
                html);
        // a free tier is named apart; the cheapest paid price is what the column compares
        assertTrue(html.contains("<td class=\"n\">0 <span class=\"mcr-dn\">sambanova</span><br>"
                + "<span class=\"mcr-dn\">free at sambanova</span></td>"));
        // ties in provider count by id
        assertEquals(
                List.of(
                        "groq/deepseek-r1-distill-llama-70b",
                        "groq/whisper-large-v3",
                        "meta-llama/llama-4-maverick-17b-128e-instruct",
                        "qwen/qwen3-32b"),
                familyRows(html));
        // each model row: how many other providers serve it, linked to its family's row; — for one
        assertTrue(html.contains("<td><code>Qwen3-32B</code></td>"));
        assertTrue(html.contains("<td class=\"n\"><a href=\"#mcr-f-qwen/qwen3-32b\" title=\"qwen/qwen3-32b\">"
                + "+1 provider</a></td></tr>"));
        assertTrue(html.contains("<th data-sort=\"num\" class=\"n\">Also served by</th>"));
        assertTrue(html.contains("<td><code>claude-opus-4-1-20250805</code>"));
        String opus = html.substring(html.indexOf("<td><code>claude-opus-4-1-20250805</code>"));
        assertTrue(opus.substring(0, opus.indexOf("</tr>")).endsWith("<td class=\"n\">—</td>"), opus);
    }

    @Test
    void aSelectionShowsWhereElseTheCatalogServesItsModelsAndOverridesNamingOthersHold() throws IOException {
        Path folder = writeCatalog(dir.resolve("models"), PROVIDERS, HISTORY);
        Path providers = Files.writeString(dir.resolve("providers.yaml"), """
                families:
                  split: [ "sambanova/Qwen3-32B" ]
                """);
        String plain = ReportHtml.fragment(
                CatalogReportReader.read(ProviderRegistry.builtIn(), folder, List.of("groq"), "models"));
        // sambanova is not shown, but its Qwen3-32B is the same model as groq's
        assertTrue(plain.contains("<tr id=\"mcr-f-qwen/qwen3-32b\">"), plain);
        assertTrue(plain.contains("title=\"qwen/qwen3-32b\">+1 provider</a>"));
        String split = ReportHtml.fragment(CatalogReportReader.read(
                ProviderRegistry.builtIn(), folder, List.of("groq"), "models", FamilyOverrides.read(providers)));
        assertFalse(split.contains("<tr id=\"mcr-f-qwen/qwen3-32b\">"), split);
    }

    /** The family ids of the families view, in the order it shows them. */
    private static List<String> familyRows(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"mcr-f-([^\"]+)\">").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void picturesCarryTheirNumbersAndAreWellFormedSvg() throws Exception {
        String html = ReportHtml.fragment(read(List.of()));
        List<String> svgs = svgs(html);
        assertTrue(svgs.size() >= 3, "bars, scatter and legend markers");
        for (String svg : svgs) {
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(
                            svg.replace("xmlns=", "data-x=").getBytes(StandardCharsets.UTF_8)));
        }
        String bars = svgs.get(0);
        assertTrue(bars.contains("<title>groq: 21 models</title>"), bars);
        assertFalse(bars.contains("mcr-break"), "no list dwarfs the others here");
        assertFalse(html.contains("The bar with a break is shortened"));
        // largest list first
        assertTrue(bars.indexOf(">groq<") < bars.indexOf(">deepseek<"));
        String scatter = svgs.get(1);
        assertTrue(
                scatter.contains("<title>sambanova · Meta-Llama-3.3-70B-Instruct: 131,072 tokens, $0.6 in / $1.2 out"
                        + " per 1M</title>"),
                scatter);
        long points = ReportCharts.pricePoints(read(List.of()).providers()).size();
        assertEquals(points, count(scatter, "<g><title>"));
    }

    @Test
    void modelsThatAreNotChatModelsStayOffThePriceChartAndShowTheirKind() throws IOException {
        CatalogReport report = read(List.of());
        List<String> plotted = ReportCharts.pricePoints(report.providers()).stream()
                .filter(point -> point.provider().equals("sambanova"))
                .map(point -> point.model().id())
                .toList();
        assertFalse(plotted.contains("Whisper-Large-v3"), "speech to text, priced by the hour: " + plotted);
        assertFalse(plotted.contains("E5-Mistral-7B-Instruct"), "embeddings: " + plotted);
        assertTrue(plotted.contains("Meta-Llama-3.3-70B-Instruct"), plotted.toString());
        String html = ReportHtml.fragment(report);
        assertTrue(html.contains("<tr><td><code>Whisper-Large-v3</code></td><td>other</td>"), html);
        assertTrue(html.contains("<tr><td><code>E5-Mistral-7B-Instruct</code></td><td>embedding</td>"), html);
        // mancer's entries name their chat template, and nothing else says a kind
        assertTrue(
                html.contains("<tr><td><code>magnum-72b-v4</code><br><span class=\"mcr-dn\">Magnum 72B v4</span></td>"
                        + "<td>chat</td>"),
                html);
    }

    @Test
    void everyCatalogTextIsEscaped() throws IOException {
        Path folder = dir.resolve("evil");
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("models_groq.json"),
                "{\"data\": [{\"id\": \"<script>alert('x')</script>\", \"context_window\": 8192, "
                        + "\"display_name\": \"a\\\"b&c\"}]}");
        Files.writeString(
                folder.resolve(CatalogLayout.FAILED_MODELS),
                "{\"groq\": {\"failed\": true, \"error\": \"<img src=x onerror=alert(1)>\", \"last_attempt\": \"x\"}}");
        String html =
                ReportHtml.fragment(CatalogReportReader.read(ProviderRegistry.builtIn(), folder, List.of(), "<f>"));
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("<code>&lt;f&gt;</code>"));
    }

    @Test
    void sameCatalogSameBytes() throws IOException {
        String a = ReportHtml.document(read(List.of()));
        String b = ReportHtml.document(read(List.of()));
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyOrMissingFolderSaysSo() throws IOException {
        CatalogReport report =
                CatalogReportReader.read(ProviderRegistry.builtIn(), dir.resolve("none"), List.of(), "none");
        assertTrue(report.providers().isEmpty());
        assertTrue(ReportHtml.fragment(report).contains("holds no provider's model list yet"));
    }

    @Test
    void wholeCorpusRendersAndAPreviewIsWritten() throws IOException {
        Path folder = writeCatalog(dir.resolve("corpus"), LegacyCorpus.providerNames(), null);
        Files.write(folder.resolve(CatalogLayout.FAILED_MODELS), readResource("failed_models.example.json"));
        CatalogReport report = CatalogReportReader.read(ProviderRegistry.builtIn(), folder, List.of(), "models");
        assertEquals(LegacyCorpus.providerNames().size(), report.providers().size() - unregisteredWithEntry(report));
        String html = ReportHtml.document(report);
        String bars = svgs(html).get(0);
        // featherless' 6,504 models dwarf every other list: its bar is drawn broken, its number intact
        assertTrue(bars.contains("<title>featherless: 6,504 models</title>"), bars);
        assertEquals(1, count(bars, "mcr-break"));
        assertTrue(bars.contains(">6,504</text>"));
        // the caption follows what the chart says it drew
        ReportCharts.Bars drawn =
                ReportCharts.modelsPerProvider(report.providers()).orElseThrow();
        assertEquals(
                List.of("featherless"),
                drawn.bars().stream()
                        .filter(ReportCharts.Bar::shortened)
                        .map(ReportCharts.Bar::provider)
                        .toList());
        assertTrue(html.contains("The bar with a break is shortened"));
        // families: the corpus's 334 served by two providers or more, most providers first, ties by id
        List<String> families = familyRows(html);
        assertEquals(334, families.size());
        assertEquals(List.of("deepseek-ai/deepseek-r1-0528", "openai/gpt-oss-120b"), families.subList(0, 2));
        List<Integer> counts = families.stream()
                .map(id -> report.families().family(id).orElseThrow().providerCount())
                .toList();
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) > counts.get(i)
                    || (counts.get(i - 1).equals(counts.get(i))
                            && families.get(i - 1).compareTo(families.get(i)) < 0));
        }
        assertTrue(html.contains("<tr id=\"mcr-f-openai/gpt-oss-120b\"><td><code>openai/gpt-oss-120b</code><br>"
                + "<span class=\"mcr-dn\">19 listings</span></td><td class=\"n\">17</td>"
                + "<td class=\"n\">0.072 <span class=\"mcr-dn\">openrouter</span><br>"
                + "<span class=\"mcr-dn\">free at openrouter</span></td>"
                + "<td class=\"n\">131,072 <span class=\"mcr-dn\">atlascloud</span></td></tr>"));
        // a cheapest price LiteLLM's map gave (for hyperbolic's own model) carries its mark
        assertTrue(html.contains("<td class=\"n\">0.12<sup title=\"from LiteLLM's map\">*</sup> "
                + "<span class=\"mcr-dn\">hyperbolic</span><br><span class=\"mcr-dn\">free at openrouter</span>"
                + "</td>"));
        // groq's Llama 3.3 70B row: served by 15 other providers
        assertTrue(html.contains("<a href=\"#mcr-f-meta-llama/llama-3.3-70b-instruct\" "
                + "title=\"meta-llama/llama-3.3-70b-instruct\">+15 providers</a>"));
        // for looking at it in a browser: target/report-preview/
        Path preview = Path.of("target", "report-preview");
        Files.createDirectories(preview);
        Files.writeString(preview.resolve("corpus.html"), html);
        Files.writeString(preview.resolve("small.html"), ReportHtml.document(read(List.of())));
    }

    private static long unregisteredWithEntry(CatalogReport report) {
        // registered providers without a recorded response but with a history entry (avian, xai, ...)
        return report.providers().stream().filter(p -> p.modelCount().isEmpty()).count();
    }

    private static byte[] readResource(String name) throws IOException {
        try (var in = CatalogReportTest.class.getClassLoader().getResourceAsStream(LegacyCorpus.ROOT + name)) {
            return in.readAllBytes();
        }
    }

    private static ProviderEntry entry(CatalogReport report, String name) {
        return report.providers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
