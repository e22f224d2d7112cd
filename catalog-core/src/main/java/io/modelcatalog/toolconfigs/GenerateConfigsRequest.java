package io.modelcatalog.toolconfigs;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run of {@link ConfigGenerator}.
 *
 * @param catalogDir the catalog folder
 * @param layout     the catalog's layout, or {@code null} to detect it
 * @param outputDir  the configs folder: each writer writes into its own folder there
 * @param writers    the tool writers to run, in order
 * @param providers  provider names to generate for; empty: every registered provider the catalog holds
 * @param filter     which models to keep
 * @param registry   the providers in force (names, kinds, key variables, base URLs)
 * @param env        where base-URL overrides are read from (never keys)
 */
public record GenerateConfigsRequest(
        Path catalogDir,
        CatalogLayout layout,
        Path outputDir,
        List<ToolWriter> writers,
        List<String> providers,
        ModelIdFilter filter,
        ProviderRegistry registry,
        EnvironmentLookup env) {

    public GenerateConfigsRequest {
        Objects.requireNonNull(catalogDir, "catalogDir");
        Objects.requireNonNull(outputDir, "outputDir");
        writers = List.copyOf(writers);
        providers = providers == null ? List.of() : List.copyOf(providers);
        filter = filter == null ? ModelIdFilter.all() : filter;
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(env, "env");
    }
}
