package io.modelcatalog.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.modelcatalog.templates.StrictFreemarker;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the report's templates, class-path resources beside this class: {@code document.ftlh} and
 * {@code fragment.ftlh}, which includes one file per part of the page from {@code sections/}; the style sheet
 * {@code report.css} and the script {@code report.js} are resources too. A FreeMarker configuration is made per
 * page, under the project's shared settings ({@link StrictFreemarker}).
 */
final class ReportTemplate {

    private static final String FOLDER = "io/modelcatalog/report";

    private ReportTemplate() {}

    /** The named template rendered with {@code data}. */
    static String render(String template, Map<String, Object> data) {
        Configuration cfg = StrictFreemarker.configuration();
        cfg.setTemplateLoader(new ClassTemplateLoader(ReportTemplate.class.getClassLoader(), FOLDER));
        cfg.setRegisteredCustomOutputFormats(List.of(HtmlFormat.INSTANCE));
        cfg.setOutputFormat(HtmlFormat.INSTANCE);
        cfg.setWhitespaceStripping(true);
        StringWriter out = new StringWriter(64 * 1024);
        try {
            cfg.getTemplate(template).process(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the report template " + template + " could not be read", e);
        } catch (TemplateException e) {
            // the templates ship with the plugin: a failure here is a bug, not the user's input
            throw new IllegalStateException("the report template " + template + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The style sheet, its lines joined; whole-line comments are notes for the maintainer and are left out. */
    static String style() {
        return resource("report.css")
                .lines()
                .filter(l -> !(l.startsWith("/*") && l.endsWith("*/")))
                .collect(Collectors.joining());
    }

    /** The script as it is in its file (without the last line break). */
    static String script() {
        return resource("report.js").stripTrailing();
    }

    private static String resource(String name) {
        try (InputStream in = ReportTemplate.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the report resource " + name + " could not be read", e);
        }
    }
}
