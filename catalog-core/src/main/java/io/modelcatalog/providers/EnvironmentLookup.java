package io.modelcatalog.providers;

import java.util.Map;
import java.util.Optional;

/** Reads environment variables; injected so that tests and the plugin decide where values come from. */
@FunctionalInterface
public interface EnvironmentLookup {

    /** The variable's value, empty when unset or blank. */
    Optional<String> get(String name);

    /** The process environment. */
    static EnvironmentLookup system() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /** A fixed map, for tests and for callers that captured the environment already. */
    static EnvironmentLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isBlank());
    }
}
