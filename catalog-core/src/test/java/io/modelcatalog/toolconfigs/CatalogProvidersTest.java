package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reading of the catalog that generate-configs and update-configs share. */
class CatalogProvidersTest {

    static final RuntimeException NO_CATALOG = new IllegalStateException("no catalog");
    static final RuntimeException NOT_IN_CATALOG = new IllegalStateException("not in catalog");

    static final CatalogProviders.Failures FAILURES = new CatalogProviders.Failures() {
        @Override
        public RuntimeException noCatalog(Path folder) {
            return NO_CATALOG;
        }

        @Override
        public RuntimeException notInCatalog(String provider, Path file) {
            return NOT_IN_CATALOG;
        }

        @Override
        public RuntimeException credentialsInUrl(String provider, String variable, String maskedUrl) {
            return new IllegalStateException("credentials in " + variable + ": " + maskedUrl);
        }
    };

    static CatalogProviders.Selection read(Path catalog, List<String> names, ModelIdFilter filter) throws IOException {
        return CatalogProviders.read(
                catalog, null, names, filter, ProviderRegistry.builtIn(), EnvironmentLookup.of(Map.of()), FAILURES);
    }

    @Test
    void theNamedProvidersInRegistryOrderWithWhatTheFilterLeftOut() throws IOException {
        CatalogProviders.Selection s = read(
                CorpusEntries.catalogDir(), List.of("mistral", "groq"), ModelIdFilter.of(List.of(), List.of("*a*")));
        assertEquals(List.of("groq", "mistral"), s.selected());
        CatalogProviders.Provider groq = s.providers().get(0);
        int all = read(CorpusEntries.catalogDir(), List.of("groq"), ModelIdFilter.all())
                .models()
                .get(0)
                .models()
                .size();
        assertEquals(all, groq.models().models().size() + groq.leftOut());
        assertEquals(
                "models_groq.json", groq.models().header("#").split(" from ")[1].split(";")[0]);
    }

    @Test
    void eachCallerRaisesItsOwnErrors(@TempDir Path dir) {
        assertSame(
                NO_CATALOG,
                assertThrows(
                        RuntimeException.class, () -> read(dir.resolve("absent"), List.of(), ModelIdFilter.all())));
        assertSame(
                NOT_IN_CATALOG,
                assertThrows(RuntimeException.class, () -> read(dir, List.of("groq"), ModelIdFilter.all())));
    }
}
