package io.modelcatalog.migration;

import io.modelcatalog.providers.ProviderDefinition;

/**
 * One provider of a legacy script: its {@code PROVIDER_CONFIG} line joined with the {@code PROVIDER_URL_CONFIG}
 * line that gives its default URL, as the registry would define it.
 *
 * @param line       the script line of the provider's {@code PROVIDER_CONFIG} entry (1-based)
 * @param urlLine    the script line of the {@code PROVIDER_URL_CONFIG} entry its default URL came from
 * @param definition the provider as a registry entry (no headers: the script has none)
 */
public record ScriptProvider(int line, int urlLine, ProviderDefinition definition) {

    public String name() {
        return definition.name();
    }
}
