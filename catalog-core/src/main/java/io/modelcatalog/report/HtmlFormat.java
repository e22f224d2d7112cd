package io.modelcatalog.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * The report templates' output format: every interpolated text is escaped by {@link Html#escape} (so provider data
 * can hold no markup), and what the report draws itself (style, script, pictures) comes in as {@link Markup}.
 */
final class HtmlFormat extends CommonMarkupOutputFormat<HtmlFormat.Markup> {

    static final HtmlFormat INSTANCE = new HtmlFormat();

    private HtmlFormat() {}

    /** Text that is HTML already. */
    static Markup markup(String html) {
        return INSTANCE.newTemplateMarkupOutputModel(null, html);
    }

    @Override
    public String getName() {
        return "reportHTML";
    }

    @Override
    public String getMimeType() {
        return "text/html";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(Html.escape(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Html.escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return builtInName.equals("html") || builtInName.equals("xml") || builtInName.equals("xhtml");
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    /** HTML for a template. */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {

        private Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public HtmlFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
