package io.modelcatalog.migration;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.toolconfigs.YamlText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The providers file of a comparison, as the YAML that {@code ProviderRegistry.readFile} reads: the added and
 * changed providers in the script's order, each field on its own line in a fixed order, every value
 * double-quoted with escapes (so a value is never read as another type or as YAML syntax), {@code \n} line
 * ends. The same comparison always gives the same bytes; nothing in them depends on the time, the machine or
 * where the script lies.
 */
public final class ProvidersFileWriter {

    private ProvidersFileWriter() {}

    public static byte[] write(ProviderComparison comparison) {
        StringBuilder y = new StringBuilder();
        y.append("# Providers of a legacy dump_models.py that differ from the built-in ones: one with a built-in\n");
        y.append("# name replaces that provider, the others are added. Providers are removed by selecting the\n");
        y.append("# others, not here.\n");
        y.append("providers:\n");
        for (ProviderComparison.Entry e : comparison.entries()) {
            switch (e.change()) {
                case ADDED -> y.append("  # added\n");
                case CHANGED ->
                    y.append("  # changed: ")
                            .append(e.differences().stream()
                                    .map(ProviderComparison.FieldChange::field)
                                    .collect(Collectors.joining(", ")))
                            .append('\n');
                case UNCHANGED -> {
                    continue;
                }
            }
            ProviderDefinition p = e.definition();
            y.append("  - name: ").append(YamlText.quote(p.name())).append('\n');
            field(y, "kind", p.kind().id());
            field(y, "apiKeyEnv", p.apiKeyEnv());
            field(y, "baseUrlEnv", p.baseUrlEnv());
            field(y, "baseUrl", p.baseUrl());
            if (!p.headers().isEmpty()) {
                y.append("    headers:\n");
                for (Map.Entry<String, String> h : p.headers().entrySet()) {
                    y.append("      ")
                            .append(YamlText.quote(h.getKey()))
                            .append(": ")
                            .append(YamlText.quote(h.getValue()))
                            .append('\n');
                }
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append("    ")
                    .append(key)
                    .append(": ")
                    .append(YamlText.quote(value))
                    .append('\n');
        }
    }
}
