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
 * What a fetch run does. Built by name with {@link #builder(Path)}; every setting not given keeps its default,
 * which lives here and in {@link NetworkPolicy#defaults()} only.
 *
 * @param outputDirectory the catalog folder
 * @param layout          legacy (flat) or structured files; default legacy
 * @param providers       the selected providers, in registry order; default none
 * @param skipExisting    skip a provider whose three files exist; default false
 * @param failedRescan    only providers marked failed in {@code failed_models.json}; default false
 * @param env             environment variables (base URLs, {@code CHUTES_CHUTES_URL}); default the process's
 * @param credentials     where keys come from; default the providers' key variables in {@code env}
 * @param network         timeouts, retries, proxies, offline; default {@link NetworkPolicy#defaults()}
 * @param clock           for {@code last_attempt} times; default the system clock
 * @param cache           raw responses for conditional requests and offline runs; null (the default) for none
 * @param allowShrink     write a list with less than half the models of the current file; default false
 * @param parseSlots      how many providers' bodies are parsed and their files written at once; default the number
 *                        of processors. Requests are not held back by it (that is {@link NetworkPolicy#concurrency()}):
 *                        a provider waits for a slot only once its body has arrived and has to be parsed, so that a
 *                        few cores are not shared among every body of the run at once
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
        boolean allowShrink,
        int parseSlots) {

    public FetchOptions {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(layout, "layout");
        providers = List.copyOf(providers);
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(clock, "clock");
        if (parseSlots < 1) {
            throw new InvalidSettingException("parseSlots", "1 or more", Integer.toString(parseSlots));
        }
    }

    /** Options for a fetch into {@code outputDirectory}, every other setting at its default. */
    public static Builder builder(Path outputDirectory) {
        return new Builder(outputDirectory);
    }

    /** The catalog layout when none is given. */
    public static final CatalogLayout DEFAULT_LAYOUT = CatalogLayout.LEGACY;

    /** The parse slots when none are given: one per processor the JVM may use. */
    public static int defaultParseSlots() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets {@link FetchOptions} by name. */
    public static final class Builder {
        private final Path outputDirectory;
        private CatalogLayout layout = DEFAULT_LAYOUT;
        private List<ProviderDefinition> providers = List.of();
        private boolean skipExisting;
        private boolean failedRescan;
        private EnvironmentLookup env;
        private CredentialLookup credentials;
        private NetworkPolicy network = NetworkPolicy.defaults();
        private Clock clock = Clock.systemDefaultZone();
        private ResponseCache cache;
        private boolean allowShrink;
        private int parseSlots = defaultParseSlots();

        private Builder(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
        }

        /** The layout; {@code null} for the default. */
        public Builder layout(CatalogLayout value) {
            layout = value == null ? DEFAULT_LAYOUT : value;
            return this;
        }

        public Builder providers(List<ProviderDefinition> value) {
            providers = value;
            return this;
        }

        public Builder skipExisting(boolean value) {
            skipExisting = value;
            return this;
        }

        public Builder failedRescan(boolean value) {
            failedRescan = value;
            return this;
        }

        public Builder env(EnvironmentLookup value) {
            env = value;
            return this;
        }

        public Builder credentials(CredentialLookup value) {
            credentials = value;
            return this;
        }

        public Builder network(NetworkPolicy value) {
            network = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder cache(ResponseCache value) {
            cache = value;
            return this;
        }

        public Builder allowShrink(boolean value) {
            allowShrink = value;
            return this;
        }

        public Builder parseSlots(int value) {
            parseSlots = value;
            return this;
        }

        public FetchOptions build() {
            EnvironmentLookup environment = env != null ? env : EnvironmentLookup.system();
            return new FetchOptions(
                    outputDirectory,
                    layout,
                    providers,
                    skipExisting,
                    failedRescan,
                    environment,
                    credentials != null ? credentials : CredentialLookup.environment(environment),
                    network,
                    clock,
                    cache,
                    allowShrink,
                    parseSlots);
        }
    }
}
