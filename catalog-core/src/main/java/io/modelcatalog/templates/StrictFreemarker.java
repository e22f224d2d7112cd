package io.modelcatalog.templates;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The FreeMarker settings every template of this project is rendered under, user templates and the report's own:
 * UTF-8, no locale or time zone of the machine, no localized look-up, an error fails the run (nothing is logged or
 * printed half-way), a missing loop variable is an error, and templates cannot reach Java classes. Each caller adds
 * its template loader and output formats to the configuration it gets; a configuration is made per run, never
 * shared.
 */
public final class StrictFreemarker {

    private StrictFreemarker() {}

    /** A new configuration with the shared settings and no template loader yet. */
    public static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocalizedLookup(false);
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAttemptExceptionReporter((te, env) -> {});
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
