package io.modelcatalog.report;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.identity.FamilyIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog report as HTML: a fragment to embed in a page (a site skin's, say) and a whole document. The
 * fragment carries its own small style sheet and script and loads nothing: tables sort by a click on a column
 * heading and the model tables filter by name; the pictures are inline SVG. The page is a FreeMarker template
 * ({@link ReportTemplate}); this class decides what it shows, as plain text the template escapes. The same report
 * gives the same bytes.
 */
public final class ReportHtml {

    /** The heading a page about the report should carry. */
    public static final String TITLE = "Model catalog";

    /** Characters of an error shown before it folds (rows stay short on a phone). */
    private static final int ERROR_SHOWN = 72;

    private ReportHtml() {}

    /** A whole HTML document holding the fragment, for viewing the report without a site. */
    public static String document(CatalogReport report) {
        return ReportTemplate.render("document.ftlh", data(report));
    }

    /** The report as a fragment: a {@code div} with its style, text, tables, pictures and script. */
    public static String fragment(CatalogReport report) {
        return ReportTemplate.render("fragment.ftlh", data(report));
    }

    private static Map<String, Object> data(CatalogReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", TITLE);
        data.put("style", HtmlFormat.markup(ReportTemplate.style()));
        data.put("script", HtmlFormat.markup(ReportTemplate.script()));
        data.put("summary", summary(report));
        data.put("notes", report.notes());
        data.put(
                "providers",
                report.providers().stream().map(ReportHtml::providerRow).toList());
        ReportCharts.modelsPerProvider(report.providers())
                .ifPresent(bars ->
                        data.put("bars", Map.of("svg", HtmlFormat.markup(bars.svg()), "broken", bars.anyShortened())));
        ReportCharts.priceAgainstContext(ReportCharts.pricePoints(report.providers()))
                .ifPresent(scatter -> data.put("scatter", scatter(scatter)));
        data.put(
                "families",
                ReportFamilies.shared(
                        report.families(),
                        report.providers().stream().map(ProviderEntry::name).collect(Collectors.toSet())));
        data.put(
                "listed",
                report.providers().stream()
                        .filter(p -> !p.models().isEmpty())
                        .map(p -> modelTable(p, report.families()))
                        .toList());
        return data;
    }

    private static Map<String, Object> summary(CatalogReport report) {
        long providers =
                report.providers().stream().filter(p -> !p.dataSource()).count();
        return Map.of(
                "providers", plural(providers, "provider"),
                "models", plural(report.modelCount(), "model"),
                "source", report.source(),
                "layout", report.layout().name().toLowerCase(Locale.ROOT),
                "empty", report.providers().isEmpty());
    }

    private static Map<String, Object> providerRow(ProviderEntry p) {
        RunRecord run = p.lastRun();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.name());
        row.put("linked", !p.models().isEmpty());
        row.put("kind", p.kind());
        row.put("dataSource", p.dataSource());
        row.put(
                "models",
                p.modelCount().isPresent() ? ReportNumbers.tokens(p.modelCount().getAsInt()) : "—");
        row.put("failed", run.status() == RunRecord.Status.FAILED);
        row.put("status", run.status().label());
        Optional<String> when = run.whenShown();
        row.put("when", when.orElse(""));
        row.put("whenFull", when.isPresent() ? run.when().orElseThrow() : "");
        List<String> problems = new ArrayList<>();
        if (run.status() == RunRecord.Status.FAILED) {
            problems.add(run.error().orElse("(no message recorded)"));
        }
        if (p.modelCount().isEmpty() && p.problem().isEmpty()) {
            problems.add("no model list in the catalog");
        }
        p.problem().ifPresent(x -> problems.add("its file could not be read: " + x));
        // an error in full when short; otherwise its start, opening to the whole text
        String error = String.join("; ", problems).replaceAll("\\s+", " ").trim();
        boolean folded = error.length() > ERROR_SHOWN;
        int cut = error.lastIndexOf(' ', ERROR_SHOWN);
        cut = cut < ERROR_SHOWN / 2 ? ERROR_SHOWN : cut;
        row.put("error", error);
        row.put("errorFolded", folded);
        row.put("errorStart", folded ? error.substring(0, cut) : "");
        return row;
    }

    private static Map<String, Object> scatter(ReportCharts.Scatter scatter) {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (ReportCharts.Series s : scatter.series()) {
            legend.add(Map.of(
                    "marker", HtmlFormat.markup(ReportCharts.marker(s.index(), 7, 7)),
                    "provider", s.provider(),
                    "count", Integer.toString(s.points())));
        }
        return Map.of("svg", HtmlFormat.markup(scatter.svg()), "legend", legend);
    }

    private static Map<String, Object> modelTable(ProviderEntry p, FamilyIndex families) {
        return Map.of(
                "name", p.name(),
                "count", plural(p.models().size(), "model"),
                "rows",
                        p.models().stream()
                                .map(m -> modelRow(m, ReportFamilies.elsewhere(families, p.name(), m.id())))
                                .toList());
    }

    private static Map<String, Object> modelRow(ModelFacts m, Map<String, Object> elsewhere) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("elsewhere", elsewhere);
        row.put("id", m.id());
        boolean showName = m.displayName() != null
                && !m.displayName().equals(m.id())
                && !m.displayName().equals(m.name());
        row.put("displayName", showName ? m.displayName() : "");
        row.put("kind", kind(m.kind()));
        row.put("kindFromLiteLlm", m.fromLiteLlm().contains(Fact.KIND));
        row.put("context", value(m.contextWindow(), ReportNumbers::tokens, m, Fact.CONTEXT_WINDOW));
        row.put("maxOutput", value(m.maxOutputTokens(), ReportNumbers::tokens, m, Fact.MAX_OUTPUT_TOKENS));
        row.put("inputPrice", value(m.inputPrice(), ReportNumbers::price, m, Fact.INPUT_PRICE));
        row.put("outputPrice", value(m.outputPrice(), ReportNumbers::price, m, Fact.OUTPUT_PRICE));
        List<Map<String, Object>> tags = new ArrayList<>();
        tag(tags, m.vision(), "vision", m, Fact.VISION);
        tag(tags, m.toolCalling(), "tools", m, Fact.TOOL_CALLING);
        tag(tags, m.reasoning(), "reasoning", m, Fact.REASONING);
        row.put("tags", tags);
        return row;
    }

    private static String kind(ModelKind kind) {
        return kind == null ? "—" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** A number cell: its text (empty when the provider does not say) and whether it comes from LiteLLM's map. */
    private static <T> Map<String, Object> value(T value, Function<T, String> format, ModelFacts m, Fact fact) {
        return Map.of(
                "text",
                value == null ? "" : format.apply(value),
                "fromLiteLlm",
                m.fromLiteLlm().contains(fact));
    }

    private static void tag(List<Map<String, Object>> tags, Boolean value, String label, ModelFacts m, Fact fact) {
        if (Boolean.TRUE.equals(value)) {
            tags.add(Map.of("label", label, "fromLiteLlm", m.fromLiteLlm().contains(fact)));
        }
    }

    static String plural(long n, String word) {
        return ReportNumbers.tokens(n) + " " + word + (n == 1 ? "" : "s");
    }
}
