package io.modelcatalog.templates;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.core.Environment;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import io.modelcatalog.documents.TomlStrings;
import io.modelcatalog.toolconfigs.YamlText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The escaping of user templates, as FreeMarker output formats: in a YAML, JSON or TOML template every
 * {@code ${text}} comes out as a complete string literal of that format (quoted, with what must be escaped
 * escaped), so an id with quotes, backslashes, {@code #}, {@code :} or any other character stays one valid value;
 * numbers and facts that are true/false come out as literals ({@code 128000}, {@code 0.15}, {@code true}). Text
 * unescaped is asked for with {@code ?no_esc}; the {@code raw} format escapes nothing.
 */
final class Literals {

    private Literals() {}

    /** How a string becomes a literal of one format. */
    enum Syntax {
        YAML("YAML", "application/yaml") {
            @Override
            String quote(String s) {
                return YamlText.quote(s);
            }
        },
        JSON("JSON", "application/json") {
            @Override
            String quote(String s) {
                return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
            }
        },
        TOML("TOML", "application/toml") {
            @Override
            String quote(String s) {
                return TomlStrings.basic(s, TomlStrings.Style.ESCAPED);
            }
        };

        final String formatName;
        final String mimeType;

        Syntax(String formatName, String mimeType) {
            this.formatName = formatName;
            this.mimeType = mimeType;
        }

        abstract String quote(String s);

        /** A flow list of literals: {@code [a, b]} is the same in all three. */
        String list(List<String> literals) {
            return "[" + String.join(", ", literals) + "]";
        }
    }

    /** The markup of one format; {@code fromPlainTextByEscaping} quotes, {@code fromMarkup} is taken as is. */
    static class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        private final CommonMarkupOutputFormat<Markup> format;

        Markup(CommonMarkupOutputFormat<Markup> format, String plainText, String markup) {
            super(plainText, markup);
            this.format = format;
        }

        @Override
        public CommonMarkupOutputFormat<Markup> getOutputFormat() {
            return format;
        }
    }

    /** A true/false fact: usable in {@code <#if>}, printed as the literal {@code true} or {@code false}. */
    static final class BooleanLiteral extends Markup implements TemplateBooleanModel {
        static final BooleanLiteral TRUE = new BooleanLiteral(true);
        static final BooleanLiteral FALSE = new BooleanLiteral(false);

        private final boolean value;

        private BooleanLiteral(boolean value) {
            super(ValueFormat.INSTANCE, null, String.valueOf(value));
            this.value = value;
        }

        static BooleanLiteral of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        public boolean getAsBoolean() {
            return value;
        }
    }

    /** The auto-escaping format of a YAML, JSON or TOML template. */
    static final class Format extends CommonMarkupOutputFormat<Markup> {
        final Syntax syntax;

        Format(Syntax syntax) {
            this.syntax = syntax;
        }

        @Override
        public String getName() {
            return syntax.formatName;
        }

        @Override
        public String getMimeType() {
            return syntax.mimeType;
        }

        @Override
        public void output(String textToEsc, Writer out) throws IOException {
            out.write(syntax.quote(textToEsc));
        }

        @Override
        public String escapePlainText(String plainTextContent) {
            return syntax.quote(plainTextContent);
        }

        @Override
        public boolean isLegacyBuiltInBypassed(String builtInName) {
            return false;
        }

        /** Literals of other formats (numbers, booleans, {@code ${json(x)}}) print as they are. */
        @Override
        public boolean isOutputFormatMixingAllowed() {
            return true;
        }

        @Override
        protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
            return new Markup(this, plainTextContent, markupContent);
        }
    }

    /**
     * Numbers and booleans, printed as literals in any format. Text joined to one ({@code "ctx " + n}) is an error
     * that says to write {@code n?c}: the joined text would otherwise leave the auto-escaping.
     */
    static final class ValueFormat extends CommonMarkupOutputFormat<Markup> {
        static final ValueFormat INSTANCE = new ValueFormat();

        private ValueFormat() {}

        @Override
        public String getName() {
            return "value";
        }

        @Override
        public String getMimeType() {
            return null;
        }

        @Override
        public void output(String textToEsc, Writer out) throws TemplateModelException {
            escapePlainText(textToEsc);
        }

        @Override
        public String escapePlainText(String plainTextContent) throws TemplateModelException {
            throw new TemplateModelException("text \"" + plainTextContent + "\" is joined to a number or true/false;"
                    + " convert that value to text first with ?c, e.g. ${\"ctx \" + m.contextWindow?c}");
        }

        @Override
        public boolean isLegacyBuiltInBypassed(String builtInName) {
            return false;
        }

        @Override
        public boolean isOutputFormatMixingAllowed() {
            return true;
        }

        @Override
        protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
            return new Markup(this, plainTextContent, markupContent);
        }
    }

    /** The format of a template whose output is not YAML, JSON or TOML, declared with {@code output_format="raw"}. */
    static final class RawFormat extends OutputFormat {
        static final RawFormat INSTANCE = new RawFormat();

        @Override
        public String getName() {
            return "raw";
        }

        @Override
        public String getMimeType() {
            return null;
        }

        @Override
        public boolean isOutputFormatMixingAllowed() {
            return true;
        }
    }

    /** The stand-in format of a template with an unknown extension that declares none: rejected before rendering. */
    static final class UndeclaredFormat extends OutputFormat {
        static final UndeclaredFormat INSTANCE = new UndeclaredFormat();

        @Override
        public String getName() {
            return "undeclared";
        }

        @Override
        public String getMimeType() {
            return null;
        }

        @Override
        public boolean isOutputFormatMixingAllowed() {
            return false;
        }
    }

    /** {@code number_format="@literal"}: numbers in plain notation, never grouped or localized, never quoted. */
    static final class NumberLiteralFactory extends TemplateNumberFormatFactory {
        static final NumberLiteralFactory INSTANCE = new NumberLiteralFactory();

        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) {
            return NumberLiteral.INSTANCE;
        }
    }

    static final class NumberLiteral extends TemplateNumberFormat {
        static final NumberLiteral INSTANCE = new NumberLiteral();

        @Override
        public String formatToPlainText(TemplateNumberModel model) throws TemplateModelException {
            return plain(model.getAsNumber());
        }

        @Override
        public Object format(TemplateNumberModel model) throws TemplateModelException {
            return ValueFormat.INSTANCE.fromMarkup(plain(model.getAsNumber()));
        }

        @Override
        public boolean isLocaleBound() {
            return false;
        }

        @Override
        public String getDescription() {
            return "a number literal";
        }
    }

    /** Plain notation: {@code 128000}, {@code 0.15}, {@code 0.0000001} (never {@code 1E-7}, which YAML 1.1 reads as text). */
    static String plain(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else {
            double v = n.doubleValue();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("not a finite number: " + v);
            }
            d = new BigDecimal(Double.toString(v));
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
