package io.modelcatalog.toolconfigs;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UrlCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog folder's providers as the tool writers take them ({@link ProviderModels}): selected (the named ones,
 * or every registered provider the catalog holds), normalized with LiteLLM's map when the catalog holds it, and
 * filtered by include/exclude. generate-configs and update-configs both read the catalog through this one class,
 * so both write the same data for the same catalog, and both fail with a {@link CatalogSelectionException} where the
 * catalog cannot give what is asked.
 */
public final class CatalogProviders {

    /** The provider whose document is LiteLLM's map rather than a provider's model list. */
    public static final String LITELLM = "litellm";

    /**
     * One provider with its kept models.
     *
     * @param models  the provider and its models after include/exclude
     * @param leftOut how many models include/exclude left out
     * @param listed  the names of every model the provider lists, before include/exclude
     */
    public record Provider(ProviderModels models, int leftOut, Set<String> listed) {

        public Provider {
            listed = Set.copyOf(listed);
        }

        /** How many of the kept models had facts completed from LiteLLM's map. */
        public int fromLiteLlm() {
            return (int) models.models().stream()
                    .filter(m -> !m.fromLiteLlm().isEmpty())
                    .count();
        }
    }

    /**
     * @param selected  every selected provider's name, in registry order (data sources of kind url included)
     * @param providers the selected API providers, in the same order
     * @param skipped   catalog files or providers left out, each with why
     */
    public record Selection(List<String> selected, List<Provider> providers, List<String> skipped) {

        /** The providers' models alone. */
        public List<ProviderModels> models() {
            return providers.stream().map(Provider::models).toList();
        }

        /** Each provider's {@link Provider#listed} names, by provider name. */
        public Map<String, Set<String>> listed() {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            providers.forEach(p -> out.put(p.models().provider(), p.listed()));
            return out;
        }
    }

    private CatalogProviders() {}

    /**
     * Every setting that decides what {@link #read} gives for this query, as text that changes whenever one of them
     * does: the code, the catalog folder with its layout (asked and found) and the names of its files, the named
     * providers, include/exclude, and every definition of the registry with the base URL in force (from the
     * environment or its default). Header values are never part of it (a config never holds them). The catalog
     * files' contents are not: stamp {@link #files} for those.
     */
    public static String fingerprint(CatalogQuery query, CatalogFolder catalog) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("code ").append(CatalogVersion.build()).append('\n');
        s.append("catalog ")
                .append(catalog.root().toAbsolutePath())
                .append(' ')
                .append(query.layout())
                .append(' ')
                .append(catalog.layout())
                .append('\n');
        s.append("files ").append(catalog.providers()).append('\n');
        s.append("providers ").append(query.providers()).append('\n');
        s.append("filter ").append(query.filter().fingerprint()).append('\n');
        for (ProviderDefinition def : query.registry().all()) {
            s.append("registry ")
                    .append(def.name())
                    .append(' ')
                    .append(def.kind())
                    .append(' ')
                    .append(def.apiKeyEnv())
                    .append(' ')
                    .append(def.baseUrlEnv())
                    .append(' ')
                    .append(def.baseUrl())
                    .append(' ')
                    .append(ProviderEndpoint.resolve(def, query.env()).baseUrl())
                    .append(' ')
                    .append(def.enrichment())
                    .append(' ')
                    .append(def.headers().keySet())
                    .append('\n');
        }
        return s.toString();
    }

    /** The catalog files {@link #read} may read: every provider's json file the folder holds, LiteLLM's map included. */
    public static List<Path> files(CatalogFolder catalog) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String provider : catalog.providers()) {
            out.add(catalog.layout().json(catalog.root(), provider));
        }
        return out;
    }

    /**
     * Reads the catalog.
     *
     * @throws CatalogSelectionException for a catalog folder that is missing or a file, a named provider without a
     *     file in it, or a base URL from the environment with a user name or password
     * @throws io.modelcatalog.providers.UnknownProviderException for a name no provider has
     * @throws io.modelcatalog.documents.DocumentParseException   for a catalog file that does not parse
     */
    public static Selection read(CatalogQuery query) throws IOException {
        Path catalogDir = query.catalogDir();
        CatalogLayout layout = query.layout();
        ProviderRegistry registry = query.registry();
        if (!Files.isDirectory(catalogDir)) {
            throw CatalogSelectionException.noCatalog(catalogDir, Files.isRegularFile(catalogDir));
        }
        CatalogFolder catalog =
                layout == null ? CatalogFolder.detect(catalogDir) : new CatalogFolder(catalogDir, layout);
        List<String> inCatalog = catalog.providers();
        List<String> skipped = new ArrayList<>();
        List<ProviderDefinition> selected = new ArrayList<>();
        if (query.providers().isEmpty()) {
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
            for (ProviderDefinition def : registry.select(query.providers())) {
                if (!inCatalog.contains(def.name())) {
                    throw CatalogSelectionException.notInCatalog(
                            def.name(), catalog.layout().json(catalogDir, def.name()));
                }
                selected.add(def);
            }
        }
        Optional<LiteLlmMap> liteLlm =
                inCatalog.contains(LITELLM) ? catalog.read(LITELLM).map(LiteLlmMap::of) : Optional.empty();
        ModelNormalizer normalizer = new ModelNormalizer(liteLlm);
        List<Provider> out = new ArrayList<>();
        for (ProviderDefinition def : selected) {
            if (def.kind() == ProviderKind.URL) {
                skipped.add(def.name()
                        + ": a model data source (kind url), not an API; its facts fill in for other providers");
                continue;
            }
            ModelList list = catalog.read(def.name()).orElseThrow();
            List<ModelFacts> all = normalizer.normalize(def, list);
            List<ModelFacts> kept = all.stream().filter(query.filter()::accepts).toList();
            ProviderEndpoint endpoint = ProviderEndpoint.resolve(def, query.env());
            if (UrlCredentials.hasUserInfo(endpoint.baseUrl())) {
                throw CatalogSelectionException.credentialsInUrl(
                        def.name(), endpoint.baseUrlVariable(), UrlCredentials.mask(endpoint.baseUrl()));
            }
            ProviderModels models = new ProviderModels(
                    def.name(),
                    def.kind(),
                    def.apiKeyEnv(),
                    endpoint.configBaseUrl(),
                    catalog.layout().json(catalogDir, def.name()).getFileName().toString(),
                    kept);
            Set<String> listed = new HashSet<>();
            all.forEach(m -> listed.add(m.name()));
            out.add(new Provider(models, all.size() - kept.size(), listed));
        }
        return new Selection(
                selected.stream().map(ProviderDefinition::name).toList(), List.copyOf(out), List.copyOf(skipped));
    }
}
