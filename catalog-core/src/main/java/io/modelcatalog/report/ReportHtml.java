package io.modelcatalog.report;

import static io.modelcatalog.report.Html.escape;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog report as HTML: a fragment to embed in a page (a site skin's, say) and a whole document. The
 * fragment carries its own small style sheet and script and loads nothing: tables sort by a click on a column
 * heading and the model tables filter by name; the pictures are inline SVG. Every text from the catalog is
 * escaped. The same report gives the same bytes.
 */
public final class ReportHtml {

    /** The heading a page about the report should carry. */
    public static final String TITLE = "Model catalog";

    private ReportHtml() {}

    /** A whole HTML document holding the fragment, for viewing the report without a site. */
    public static String document(CatalogReport report) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + TITLE
                + "</title>\n<style>body{font-family:system-ui,sans-serif;line-height:1.4;margin:0 auto;"
                + "padding:0 1rem 2rem;max-width:72rem}</style>\n</head>\n<body>\n<h1>" + TITLE + "</h1>\n"
                + fragment(report) + "</body>\n</html>\n";
    }

    /** The report as a fragment: a {@code div} with its style, text, tables, pictures and script. */
    public static String fragment(CatalogReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<div class=\"mcr\" id=\"mcr\">\n<style>").append(STYLE).append("</style>\n");
        summary(h, report);
        for (String note : report.notes()) {
            h.append("<p class=\"mcr-note\">").append(escape(note)).append("</p>\n");
        }
        providersTable(h, report);
        charts(h, report);
        models(h, report);
        h.append("<script>").append(SCRIPT).append("</script>\n</div>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, CatalogReport report) {
        long providers =
                report.providers().stream().filter(p -> !p.dataSource()).count();
        h.append("<p class=\"mcr-lead\">")
                .append(plural(providers, "provider"))
                .append(" and ")
                .append(plural(report.modelCount(), "model"))
                .append(" in <code>")
                .append(escape(report.source()))
                .append("</code> (")
                .append(report.layout().name().toLowerCase(Locale.ROOT))
                .append(" layout).");
        if (report.providers().isEmpty()) {
            h.append(" The folder holds no provider's model list yet: fetch the catalog first.");
        }
        h.append("</p>\n");
    }

    private static void providersTable(StringBuilder h, CatalogReport report) {
        if (report.providers().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"mcr-providers-h\">Providers</h2>\n<div class=\"mcr-scroll\">")
                .append("<table class=\"mcr-table mcr-sortable\" id=\"mcr-providers\">")
                .append("<thead><tr><th data-sort=\"text\">Provider</th><th data-sort=\"text\">Kind</th>")
                .append("<th data-sort=\"num\" class=\"n\">Models</th><th data-sort=\"text\">Last run</th>")
                .append("<th data-sort=\"text\">When</th><th>Error</th></tr></thead>\n<tbody>\n");
        for (ProviderEntry p : report.providers()) {
            String name = escape(p.name());
            RunRecord run = p.lastRun();
            h.append("<tr><td>");
            if (!p.models().isEmpty()) {
                h.append("<a href=\"#mcr-p-")
                        .append(name)
                        .append("\">")
                        .append(name)
                        .append("</a>");
            } else {
                h.append(name);
            }
            h.append("</td><td>")
                    .append(escape(p.kind()))
                    .append(p.dataSource() ? " (data source)" : "")
                    .append("</td><td class=\"n\">")
                    .append(
                            p.modelCount().isPresent()
                                    ? ReportNumbers.tokens(p.modelCount().getAsInt())
                                    : "—")
                    .append("</td><td")
                    .append(run.status() == RunRecord.Status.FAILED ? " class=\"mcr-failed\"" : "")
                    .append(">")
                    .append(run.status().label())
                    .append("</td><td class=\"mcr-when\">");
            Optional<String> when = run.whenShown();
            if (when.isPresent()) {
                h.append("<span title=\"")
                        .append(escape(run.when().orElseThrow()))
                        .append("\">")
                        .append(escape(when.get()))
                        .append("</span>");
            } else {
                h.append("—");
            }
            h.append("</td><td class=\"mcr-error\">");
            List<String> problems = new ArrayList<>();
            if (run.status() == RunRecord.Status.FAILED) {
                problems.add(run.error().orElse("(no message recorded)"));
            }
            if (p.modelCount().isEmpty() && p.problem().isEmpty()) {
                problems.add("no model list in the catalog");
            }
            p.problem().ifPresent(x -> problems.add("its file could not be read: " + x));
            error(h, String.join("; ", problems));
            h.append("</td></tr>\n");
        }
        h.append(
                        "</tbody></table></div>\n<p class=\"mcr-fine\">Last run and when, from <code>failed_models.json</code>: ")
                .append("<em>succeeded</em> with the date the provider answered (UTC), <em>failed</em> with the ")
                .append("time of the attempt (the fetching machine's clock), <em>no record</em> when the file has no ")
                .append("entry (the legacy format records a provider only once it has failed). A failed provider ")
                .append("keeps the model list of its last success.</p>\n");
    }

    /** An error in full when short; otherwise its start, opening to the whole text (rows stay short on a phone). */
    private static void error(StringBuilder h, String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        if (oneLine.length() <= ERROR_SHOWN) {
            h.append(escape(oneLine));
            return;
        }
        int cut = oneLine.lastIndexOf(' ', ERROR_SHOWN);
        cut = cut < ERROR_SHOWN / 2 ? ERROR_SHOWN : cut;
        h.append("<details><summary>")
                .append(escape(oneLine.substring(0, cut)))
                .append(" …</summary>")
                .append(escape(oneLine))
                .append("</details>");
    }

    /** Characters of an error shown before it folds. */
    private static final int ERROR_SHOWN = 72;

    private static void charts(StringBuilder h, CatalogReport report) {
        Optional<String> bars = ReportCharts.modelsPerProvider(report.providers());
        if (bars.isPresent()) {
            h.append("<h2 id=\"mcr-bars-h\">Models per provider</h2>\n<figure class=\"mcr-figure\">")
                    .append(bars.get())
                    .append("<figcaption>Model ids in each provider's list. Hover a bar for its number, or click it ")
                    .append("for the provider's table.")
                    .append(
                            bars.get().contains("mcr-break")
                                    ? " The bar with a break is shortened to keep the others readable."
                                    : "")
                    .append("</figcaption></figure>\n");
        }
        List<ReportCharts.Point> points = ReportCharts.pricePoints(report.providers());
        h.append("<h2 id=\"mcr-scatter-h\">Price against context window</h2>\n");
        Optional<String> scatter = ReportCharts.priceAgainstContext(points);
        if (scatter.isEmpty()) {
            h.append("<p>No chat model of this catalog states both a context window and a price.</p>\n");
            return;
        }
        h.append("<figure class=\"mcr-figure\"><div class=\"mcr-scroll\">")
                .append(scatter.get())
                .append("</div>\n<ul class=\"mcr-legend\">");
        Map<Integer, String> series = new LinkedHashMap<>();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (ReportCharts.Point p : points) {
            series.putIfAbsent(p.series(), p.provider());
            counts.merge(p.series(), 1, Integer::sum);
        }
        series.forEach((index, provider) -> h.append("<li><svg viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" ")
                .append("aria-hidden=\"true\">")
                .append(ReportCharts.marker(index, 7, 7))
                .append("</svg> ")
                .append(escape(provider))
                .append(" (")
                .append(counts.get(index))
                .append(")</li>"));
        h.append("</ul>\n<figcaption>Input price in USD per 1M tokens against context window, both on logarithmic ")
                .append("scales, for the chat models that state both (models whose kind the provider does not state ")
                .append("count as chat models). Hover a point for the model and its numbers; the tables below hold ")
                .append("them all.</figcaption></figure>\n");
    }

    private static void models(StringBuilder h, CatalogReport report) {
        List<ProviderEntry> listed =
                report.providers().stream().filter(p -> !p.models().isEmpty()).toList();
        if (listed.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"mcr-models-h\">Models</h2>\n")
                .append("<div class=\"mcr-filter\" hidden><label for=\"mcr-filter\">Filter models by name</label> ")
                .append("<input type=\"search\" id=\"mcr-filter\" placeholder=\"e.g. llama\" autocomplete=\"off\"> ")
                .append("<span id=\"mcr-count\" aria-live=\"polite\"></span></div>\n")
                .append("<p class=\"mcr-fine\">Context and max output in tokens; prices in USD per 1M tokens; ")
                .append("— where the provider does not say. A value marked * comes from LiteLLM's map, the provider ")
                .append("leaving it out. Click a column heading to sort.</p>\n");
        for (ProviderEntry p : listed) {
            String name = escape(p.name());
            h.append("<section class=\"mcr-provider\" id=\"mcr-p-")
                    .append(name)
                    .append("\"><h3>")
                    .append(name)
                    .append(" <small>")
                    .append(plural(p.models().size(), "model"))
                    .append(
                            "</small></h3>\n<div class=\"mcr-scroll\"><table class=\"mcr-table mcr-sortable mcr-models\">")
                    .append("<thead><tr><th data-sort=\"text\">Model</th><th data-sort=\"text\">Kind</th>")
                    .append(
                            "<th data-sort=\"num\" class=\"n\">Context</th><th data-sort=\"num\" class=\"n\">Max output</th>")
                    .append(
                            "<th data-sort=\"num\" class=\"n\">Input $/1M</th><th data-sort=\"num\" class=\"n\">Output $/1M</th>")
                    .append("<th data-sort=\"text\">Capabilities</th></tr></thead>\n<tbody>\n");
            for (ModelFacts m : p.models()) {
                modelRow(h, m);
            }
            h.append("</tbody></table></div></section>\n");
        }
    }

    private static void modelRow(StringBuilder h, ModelFacts m) {
        h.append("<tr><td><code>").append(escape(m.id())).append("</code>");
        if (m.displayName() != null
                && !m.displayName().equals(m.id())
                && !m.displayName().equals(m.name())) {
            h.append("<br><span class=\"mcr-dn\">")
                    .append(escape(m.displayName()))
                    .append("</span>");
        }
        h.append("</td><td>").append(kind(m.kind())).append(from(m, Fact.KIND)).append("</td>");
        number(h, m.contextWindow(), m, Fact.CONTEXT_WINDOW);
        number(h, m.maxOutputTokens(), m, Fact.MAX_OUTPUT_TOKENS);
        price(h, m.inputPrice(), m, Fact.INPUT_PRICE);
        price(h, m.outputPrice(), m, Fact.OUTPUT_PRICE);
        h.append("<td>");
        tag(h, m.vision(), "vision", m, Fact.VISION);
        tag(h, m.toolCalling(), "tools", m, Fact.TOOL_CALLING);
        tag(h, m.reasoning(), "reasoning", m, Fact.REASONING);
        h.append("</td></tr>\n");
    }

    private static String kind(ModelKind kind) {
        return kind == null ? "—" : kind.name().toLowerCase(Locale.ROOT);
    }

    private static void number(StringBuilder h, Long value, ModelFacts m, Fact fact) {
        h.append("<td class=\"n\">")
                .append(value == null ? "—" : ReportNumbers.tokens(value) + from(m, fact))
                .append("</td>");
    }

    private static void price(StringBuilder h, BigDecimal value, ModelFacts m, Fact fact) {
        h.append("<td class=\"n\">")
                .append(value == null ? "—" : ReportNumbers.price(value) + from(m, fact))
                .append("</td>");
    }

    private static void tag(StringBuilder h, Boolean value, String label, ModelFacts m, Fact fact) {
        if (Boolean.TRUE.equals(value)) {
            h.append("<span class=\"mcr-tag\">")
                    .append(label)
                    .append(from(m, fact))
                    .append("</span> ");
        }
    }

    private static String from(ModelFacts m, Fact fact) {
        return m.fromLiteLlm().contains(fact) ? "<sup title=\"from LiteLLM's map\">*</sup>" : "";
    }

    private static String plural(long n, String word) {
        return ReportNumbers.tokens(n) + " " + word + (n == 1 ? "" : "s");
    }

    private static final String STYLE = String.join(
            "",
            ".mcr{--mcr-line:#c8d1da;--mcr-muted:#57606a;--mcr-head:#eef2f6;font-variant-numeric:tabular-nums}",
            // a skin's "section{display:block}" would otherwise show what the filter hides
            ".mcr [hidden]{display:none!important}",
            ".mcr .mcr-scroll{overflow-x:auto;max-width:100%}",
            ".mcr table.mcr-table{border-collapse:collapse;width:auto;min-width:60%;margin:.4em 0 1.2em;",
            "font-size:.92em;background:transparent}",
            ".mcr .mcr-table th,.mcr .mcr-table td{border:0;border-bottom:1px solid var(--mcr-line);",
            "padding:.3em .7em .3em .3em;text-align:left;vertical-align:top}",
            ".mcr .mcr-table thead th{background:var(--mcr-head);white-space:nowrap}",
            ".mcr .mcr-table .n{text-align:right;white-space:nowrap}",
            ".mcr .mcr-table tbody tr:hover{background:#f6f8fa}",
            ".mcr .mcr-table code{background:none;padding:0;color:inherit;font-size:.95em;overflow-wrap:anywhere}",
            ".mcr .mcr-models td:first-child{min-width:11em;max-width:28em}",
            ".mcr .mcr-when{white-space:nowrap}",
            ".mcr th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;margin:0;",
            "cursor:pointer;color:inherit;text-align:inherit}",
            ".mcr th button::after{content:\" \\2195\";opacity:.45}",
            ".mcr th[aria-sort=ascending] button::after{content:\" \\25B2\";opacity:1}",
            ".mcr th[aria-sort=descending] button::after{content:\" \\25BC\";opacity:1}",
            ".mcr .mcr-failed{color:#b3261e;font-weight:bold}",
            ".mcr .mcr-error{min-width:16em;max-width:36em;font-size:.88em;overflow-wrap:anywhere}",
            ".mcr .mcr-error summary{cursor:pointer}.mcr .mcr-error details[open] summary{display:none}",
            ".mcr .mcr-dn{color:var(--mcr-muted);font-size:.9em}",
            ".mcr .mcr-tag{display:inline-block;border:1px solid var(--mcr-line);border-radius:.7em;",
            "padding:0 .45em;font-size:.85em;white-space:nowrap}",
            ".mcr .mcr-fine,.mcr .mcr-note{color:var(--mcr-muted);font-size:.9em;max-width:48em}",
            ".mcr .mcr-figure{margin:.5em 0 1.5em}",
            ".mcr .mcr-figure figcaption{color:var(--mcr-muted);font-size:.9em;max-width:48em}",
            ".mcr .mcr-chart{display:block;width:100%;height:auto;font:12px system-ui,sans-serif}",
            ".mcr .mcr-bars{max-width:30rem;font-size:13px}",
            ".mcr .mcr-scatter{max-width:50rem;min-width:30rem}",
            ".mcr svg text{fill:currentColor}",
            ".mcr .mcr-grid line{stroke:#d5dbe1;stroke-width:1}.mcr .mcr-grid line.mcr-free{stroke-dasharray:3 3}",
            ".mcr .mcr-axis line{stroke:currentColor;stroke-width:1}",
            ".mcr .mcr-points>g>*{fill-opacity:.8;stroke:#fff;stroke-width:.8}",
            ".mcr .mcr-points>g:hover>*{fill-opacity:1;stroke:#000;stroke-width:2}",
            ".mcr .mcr-bars a:hover rect,.mcr .mcr-bars a:focus rect{fill:#D55E00}",
            ".mcr .mcr-legend{list-style:none;margin:.4em 0;padding:0;display:flex;flex-wrap:wrap;gap:.2em 1.2em;",
            "font-size:.9em}",
            ".mcr .mcr-legend svg{vertical-align:-2px}",
            ".mcr .mcr-filter{margin:.5em 0}",
            ".mcr .mcr-filter input{font:inherit;padding:.35em .5em;width:18em;max-width:100%;margin:0 .5em 0 .3em}",
            ".mcr .mcr-provider h3 small{font-weight:normal;color:var(--mcr-muted)}",
            "@media (max-width:40em){.mcr table.mcr-table{font-size:.85em}",
            ".mcr .mcr-scatter{min-width:0;font-size:19px}.mcr .mcr-bars{font-size:15px}",
            ".mcr .mcr-table th,.mcr .mcr-table td{padding:.25em .45em .25em .2em}}",
            "@media print{.mcr .mcr-filter{display:none}.mcr .mcr-scroll{overflow:visible}",
            ".mcr th button::after{content:none}.mcr .mcr-scatter{min-width:0}",
            ".mcr .mcr-table tr{break-inside:avoid}.mcr a{color:inherit;text-decoration:none}",
            // a folded error prints whole where the browser can unfold it
            ".mcr .mcr-error details::details-content{content-visibility:visible;display:block}}");

    /**
     * Sorting: each heading with {@code data-sort} becomes a button; a click sorts by that column, again
     * reverses; numbers compare as numbers, and an empty cell (—) stays last either way. Filtering: rows whose
     * model cell does not contain the text are hidden, and so is a provider left without rows.
     */
    private static final String SCRIPT = String.join(
            "\n",
            "(function(){",
            "var root=document.getElementById('mcr');if(!root)return;",
            "function each(list,f){Array.prototype.forEach.call(list,f);}",
            "function key(td,num){var t=td.textContent.trim();if(!num)return t.toLowerCase();",
            "if(t===''||t==='\\u2014')return null;var n=parseFloat(t.replace(/[,$]/g,''));return isNaN(n)?null:n;}",
            "each(root.querySelectorAll('table.mcr-sortable'),function(table){",
            "var heads=table.tHead.rows[0].cells;",
            "each(heads,function(th,i){var type=th.getAttribute('data-sort');if(!type)return;",
            "var b=document.createElement('button');b.type='button';",
            "while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);",
            "b.addEventListener('click',function(){",
            "var num=type==='num';var first=num?'descending':'ascending';",
            "var cur=th.getAttribute('aria-sort');",
            "var next=cur?(cur==='ascending'?'descending':'ascending'):first;",
            "each(heads,function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',next);",
            "var dir=next==='ascending'?1:-1;var body=table.tBodies[0];",
            "var rows=Array.prototype.map.call(body.rows,function(r,n){return {r:r,k:key(r.cells[i],num),n:n};});",
            "rows.sort(function(a,b){if(a.k===null||b.k===null){",
            "return a.k===b.k?a.n-b.n:(a.k===null?1:-1);}",
            "return a.k<b.k?-dir:a.k>b.k?dir:a.n-b.n;});",
            "each(rows,function(x){body.appendChild(x.r);});});});});",
            "var bar=root.querySelector('.mcr-filter');var input=document.getElementById('mcr-filter');",
            "var count=document.getElementById('mcr-count');if(!bar||!input)return;bar.hidden=false;",
            "function filter(){var q=input.value.trim().toLowerCase();var shown=0,all=0;",
            "each(root.querySelectorAll('section.mcr-provider'),function(s){var n=0;",
            "each(s.querySelectorAll('tbody tr'),function(r){all++;",
            "var hit=q===''||r.cells[0].textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)n++;});",
            "s.hidden=n===0;shown+=n;});",
            "count.textContent=q===''?'':shown+' of '+all+' models';}",
            "input.addEventListener('input',filter);filter();",
            "})();");
}
