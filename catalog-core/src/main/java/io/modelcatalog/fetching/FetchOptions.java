package io.modelcatalog.fetching;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What a fetch run does.
 *
 * @param outputDirectory the catalog folder
 * @param layout          legacy (flat) or structured files
 * @param providers       the selected providers, in registry order
 * @param skipExisting    skip a provider whose three files exist
 * @param failedRescan    only providers marked failed in {@code failed_models.json}
 * @param env             environment variables (base URLs, {@code CHUTES_CHUTES_URL})
 * @param credentials     where keys come from
 * @param network         timeouts, retries, proxies, offline
 * @param clock           for {@code last_attempt} times
 * @param cache           raw responses for conditional requests and offline runs; null for none
 * @param allowShrink     write a list with less than half the models of the current file
 */
public record FetchOptions(
        Path outputDirectory,
        CatalogLayout layout,
        List<ProviderDefinition> providers,
        boolean skipExisting,
        boolean failedRescan,
        EnvironmentLookup env,
        CredentialLookup credentials,
        NetworkPolicy network,
        Clock clock,
        ResponseCache cache,
        boolean allowShrink) {

    public FetchOptions {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(layout, "layout");
        providers = List.copyOf(providers);
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(clock, "clock");
    }
}
