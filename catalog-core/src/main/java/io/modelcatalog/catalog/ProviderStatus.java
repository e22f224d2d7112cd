package io.modelcatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the catalog knows about one provider: its definition and where it came from, its endpoint in force,
 * where its key would come from and whether one is set (never the key), its {@code failed_models.json} entry,
 * and its files in the catalog folder.
 *
 * @param provider  the definition in force
 * @param origin    built in, configured, or configured in place of a built-in one
 * @param endpoint  the base and models URL resolved against the environment
 * @param baseUrlFromEnv whether the base URL came from the provider's {@code baseUrlEnv} variable
 * @param key       the key's status
 * @param history   the provider's {@code failed_models.json} entry, if any
 * @param files     the sizes of its json, txt and toml files
 * @param models    the number of model ids (from the json, else the txt), when a file could be read
 * @param problem   why the model count is missing although a file exists (an unreadable json), if so
 */
public record ProviderStatus(
        ProviderDefinition provider,
        Origin origin,
        ProviderEndpoint endpoint,
        boolean baseUrlFromEnv,
        KeyStatus key,
        Optional<JsonNode> history,
        FileSizes files,
        OptionalInt models,
        Optional<String> problem) {

    public String name() {
        return provider.name();
    }

    /** Where a definition came from. */
    public enum Origin {
        BUILT_IN("built-in"),
        CONFIGURED("configured"),
        REPLACES_BUILT_IN("configured, replaces the built-in one");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A provider's key, without the key.
     *
     * @param needed  whether the provider's kind sends a key
     * @param source  where the key in force comes from ({@code env OPENAI_API_KEY}), empty when none is set
     * @param sources where a key would be looked for, in order
     */
    public record KeyStatus(boolean needed, Optional<String> source, List<String> sources) {
        public boolean isSet() {
            return source.isPresent();
        }
    }

    /** Sizes in bytes of the provider's three files; empty for a missing file. */
    public record FileSizes(OptionalLong json, OptionalLong txt, OptionalLong toml) {
        public boolean any() {
            return json.isPresent() || txt.isPresent() || toml.isPresent();
        }

        public long total() {
            return json.orElse(0) + txt.orElse(0) + toml.orElse(0);
        }
    }
}
