package io.modelcatalog.providers;

/**
 * A provider of one layer replaced by a later layer's definition of the same name.
 *
 * @param provider the provider's name
 * @param by       the layer whose definition is now in force
 * @param replaced the layer whose definition it replaced
 */
public record Replacement(String provider, ProviderLayer by, ProviderLayer replaced) {

    /** {@code Provider openai: the definition in /work/providers.yaml replaces the built-in one}. */
    public String describe() {
        return "Provider " + provider + ": the definition in " + by.source() + " replaces " + replaced.label();
    }
}
