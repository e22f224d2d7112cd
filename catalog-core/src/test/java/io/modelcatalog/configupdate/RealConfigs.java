package io.modelcatalog.configupdate;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogProviders;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The real user configs of {@code tool-configs/} and the corpus catalog's providers, for merger tests. */
final class RealConfigs {

    static final String BROKEN_LINE = "clients:now I want to commit all fuck";

    private RealConfigs() {}

    static byte[] bytes(String path) {
        try (InputStream in = RealConfigs.class.getClassLoader().getResourceAsStream("tool-configs/" + path)) {
            if (in == null) {
                throw new IllegalStateException("tool-configs/" + path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The real aichat config with its broken line 4 repaired to {@code clients:}. */
    static byte[] repairedAichat() {
        String t = text("aichat/config.yaml");
        if (!t.contains(BROKEN_LINE + "\n")) {
            throw new IllegalStateException("the real aichat config no longer has its broken line 4");
        }
        return t.replace(BROKEN_LINE + "\n", "clients:\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Corpus providers as update-configs reads them (all models). */
    static List<ProviderModels> providers(String... names) {
        return providers(ModelIdFilter.all(), names);
    }

    static List<ProviderModels> providers(ModelIdFilter filter, String... names) {
        try {
            return CatalogProviders.read(CatalogQuery.builder(CorpusEntries.catalogDir())
                            .providers(List.of(names))
                            .filter(filter)
                            .registry(ProviderRegistry.builtIn())
                            .env(EnvironmentLookup.of(Map.of()))
                            .build())
                    .models();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
