package io.modelcatalog.configupdate;

import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog folder's providers as the tool writers take them ({@link ProviderModels}): selected, normalized
 * with LiteLLM's map when the catalog holds it, and filtered by include/exclude, the same way generate-configs
 * reads them, so both goals write the same data.
 */
final class CatalogModels {

    /** The provider whose document is LiteLLM's map rather than a provider's model list. */
    static final String LITELLM = "litellm";

    /**
     * @param providers the selected providers, in registry order
     * @param skipped   catalog files or providers left out, each with why
     */
    record Selection(List<ProviderModels> providers, List<String> skipped) {}

    private CatalogModels() {}

    static Selection read(
            Path catalogDir,
            CatalogLayout layout,
            List<String> names,
            ModelIdFilter filter,
            ProviderRegistry registry,
            EnvironmentLookup env)
            throws IOException {
        if (!Files.isDirectory(catalogDir)) {
            throw new UpdateConfigsException(
                    UpdateConfigsException.Reason.NO_CATALOG,
                    catalogDir,
                    null,
                    "catalog folder " + catalogDir + " does not exist: fetch the catalog first, or point to the"
                            + " folder that holds it");
        }
        CatalogFolder catalog =
                layout == null ? CatalogFolder.detect(catalogDir) : new CatalogFolder(catalogDir, layout);
        List<String> inCatalog = catalog.providers();
        List<String> skipped = new ArrayList<>();
        List<ProviderDefinition> selected = new ArrayList<>();
        if (names.isEmpty()) {
            for (String name : inCatalog) {
                Optional<ProviderDefinition> def = registry.find(name);
                if (def.isEmpty()) {
                    skipped.add(name + ": "
                            + catalog.layout().json(catalogDir, name).getFileName()
                            + " is not a registered provider's file (declare the provider to use it)");
                } else {
                    selected.add(def.get());
                }
            }
        } else {
            for (ProviderDefinition def : registry.select(names)) {
                if (!inCatalog.contains(def.name())) {
                    throw new UpdateConfigsException(
                            UpdateConfigsException.Reason.PROVIDER_NOT_IN_CATALOG,
                            catalog.layout().json(catalogDir, def.name()),
                            def.name(),
                            "provider " + def.name() + ": the catalog has no "
                                    + catalog.layout().json(catalogDir, def.name()) + ": fetch it first, or leave the"
                                    + " provider out");
                }
                selected.add(def);
            }
        }
        Optional<LiteLlmMap> liteLlm =
                inCatalog.contains(LITELLM) ? catalog.read(LITELLM).map(LiteLlmMap::of) : Optional.empty();
        ModelNormalizer normalizer = new ModelNormalizer(liteLlm);
        List<ProviderModels> out = new ArrayList<>();
        for (ProviderDefinition def : selected) {
            if (def.kind() == ProviderKind.URL) {
                skipped.add(def.name()
                        + ": a model data source (kind url), not an API; its facts fill in for other providers");
                continue;
            }
            ModelList list = catalog.read(def.name()).orElseThrow();
            List<ModelFacts> kept = normalizer.normalize(def, list).stream()
                    .filter(filter::accepts)
                    .toList();
            out.add(new ProviderModels(
                    def.name(),
                    def.kind(),
                    def.apiKeyEnv(),
                    ProviderEndpoint.resolve(def, env).configBaseUrl(),
                    catalog.layout().json(catalogDir, def.name()).getFileName().toString(),
                    kept));
        }
        return new Selection(List.copyOf(out), List.copyOf(skipped));
    }
}
