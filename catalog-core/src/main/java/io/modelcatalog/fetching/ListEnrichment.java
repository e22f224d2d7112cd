package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.Enrichment;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;

/**
 * What the fetch does for a provider's {@link Enrichment}: a second document, requested with the provider's key
 * while its model list is, cached as an entry of its own, kept in the catalog as a file, and merged into the list
 * before the list's files are made. Its failure only warns: the plain list is written.
 */
interface ListEnrichment {

    static ListEnrichment of(Enrichment enrichment) {
        return switch (enrichment) {
            case CHUTES -> ChutesEnrichment.HOOK;
        };
    }

    /** The request; the URL may come from the environment. */
    HttpRequestSpec request(ProviderDefinition provider, ApiKey key, EnvironmentLookup env) throws FetchException;

    /** The response-cache entry of its body. */
    String cacheEntry();

    /** The catalog file its document is kept as, in the output folder. */
    String file();

    /** Adds what {@code document} holds to the matching models of {@code models} (modified in place). */
    void merge(JsonNode models, JsonNode document);

    /** The warning that it was left out. */
    default String skipped(Throwable cause) {
        return cacheEntry() + " enrichment skipped, plain list written: " + cause.getMessage();
    }
}
