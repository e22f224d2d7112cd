package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of recorded responses in the cache layout replays offline without any key or network, into the
 * legacy files byte for byte; a provider with neither key nor cached list is still skipped for its key.
 */
class OfflineReplayTest {

    @TempDir
    Path out;

    @TempDir
    Path cacheDir;

    @Test
    void recordedResponsesReplayOfflineWithoutAKey() throws Exception {
        ResponseCache cache = new ResponseCache(cacheDir);
        ProviderRegistry registry = ProviderRegistry.builtIn();
        for (String name : List.of("groq", "sambanova", "anthropic")) {
            ProviderDefinition p = registry.find(name).orElseThrow();
            cache.write(
                    p,
                    ResponseCache.MODELS,
                    new ResponseCache.Entry(
                            "https://recorded.invalid/" + name, LegacyCorpus.response(name), null, null, null));
        }
        EnvironmentLookup noVariables = EnvironmentLookup.of(Map.of());
        FetchReport report = new CatalogFetch(new FetchOptions(
                        out,
                        CatalogLayout.LEGACY,
                        registry.select(List.of("groq", "sambanova", "anthropic", "openai")),
                        false,
                        false,
                        noVariables,
                        CredentialLookup.environment(noVariables),
                        NetworkPolicy.defaults().withOffline(true),
                        Clock.systemUTC(),
                        cache,
                        false,
                        FetchOptions.defaultParseSlots()))
                .run(FetchListener.none());

        for (String name : List.of("groq", "sambanova", "anthropic")) {
            ProviderOutcome o = report.outcomes().stream()
                    .filter(x -> x.provider().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    ListSource.Cache.OFFLINE,
                    assertInstanceOf(ProviderOutcome.Fetched.class, o, name).source(),
                    name);
            for (String ext : List.of("json", "txt", "toml")) {
                String file = "models_" + name + "." + ext;
                assertArrayEquals(LegacyCorpus.bak(file), Files.readAllBytes(out.resolve(file)), file);
            }
        }
        ProviderOutcome openai = report.outcomes().stream()
                .filter(x -> x.provider().equals("openai"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                ProviderOutcome.Skipped.Reason.NO_KEY,
                assertInstanceOf(ProviderOutcome.Skipped.class, openai).reason());
    }
}
