package io.modelcatalog.providers;

import java.util.Optional;

/** Finds a provider's key: the legacy environment variable, or whatever else the caller chains in. */
@FunctionalInterface
public interface CredentialLookup {

    Optional<ApiKey> find(ProviderDefinition provider);

    /** The legacy rule: the provider's {@code apiKeyEnv} variable. */
    static CredentialLookup environment(EnvironmentLookup env) {
        return p -> p.apiKeyEnv() == null
                ? Optional.empty()
                : env.get(p.apiKeyEnv()).map(v -> new ApiKey(v, "env " + p.apiKeyEnv()));
    }

    /** This lookup, then {@code next} for providers this one has no key for. */
    default CredentialLookup orElse(CredentialLookup next) {
        return p -> {
            Optional<ApiKey> first = find(p);
            return first.isPresent() ? first : next.find(p);
        };
    }
}
