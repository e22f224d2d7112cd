package io.modelcatalog.toolconfigs;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What generate-configs and update-configs read from a catalog folder ({@link CatalogProviders#read}). Built by name
 * with {@link #builder(Path)}; every setting not given keeps its default.
 *
 * @param catalogDir the catalog folder
 * @param layout     its layout; default null: detected from the folder
 * @param providers  provider names; default empty: every registered provider the catalog holds
 * @param filter     which models to keep; default all
 * @param registry   the providers in force (names, kinds, key variables, base URLs); default the built-in ones
 * @param env        where base-URL overrides are read from (never keys); default the process's environment
 */
public record CatalogQuery(
        Path catalogDir,
        CatalogLayout layout,
        List<String> providers,
        ModelIdFilter filter,
        ProviderRegistry registry,
        EnvironmentLookup env) {

    public CatalogQuery {
        Objects.requireNonNull(catalogDir, "catalogDir");
        providers = providers == null ? List.of() : List.copyOf(providers);
        filter = filter == null ? ModelIdFilter.all() : filter;
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(env, "env");
    }

    /** A query of the catalog in {@code catalogDir}, every other setting at its default. */
    public static Builder builder(Path catalogDir) {
        return new Builder(catalogDir);
    }

    /** Sets {@link CatalogQuery} by name. */
    public static final class Builder {
        private final Path catalogDir;
        private CatalogLayout layout;
        private List<String> providers = List.of();
        private ModelIdFilter filter = ModelIdFilter.all();
        private ProviderRegistry registry;
        private EnvironmentLookup env;

        private Builder(Path catalogDir) {
            this.catalogDir = catalogDir;
        }

        public Builder layout(CatalogLayout value) {
            this.layout = value;
            return this;
        }

        public Builder providers(List<String> value) {
            this.providers = value;
            return this;
        }

        public Builder filter(ModelIdFilter value) {
            this.filter = value;
            return this;
        }

        public Builder registry(ProviderRegistry value) {
            this.registry = value;
            return this;
        }

        public Builder env(EnvironmentLookup value) {
            this.env = value;
            return this;
        }

        public CatalogQuery build() {
            return new CatalogQuery(
                    catalogDir,
                    layout,
                    providers,
                    filter,
                    registry == null ? ProviderRegistry.builtIn() : registry,
                    env == null ? EnvironmentLookup.system() : env);
        }
    }
}
