package io.modelcatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.legacy.LegacyTxtReader;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderOrigin;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every provider of a registry with its key status, last run and files in a catalog folder: what the legacy
 * tooling showed as {@code providers list}, {@code providers show} and {@code stats}. Read once here;
 * {@link ProviderOverviewText} renders it as a table or a detailed block per provider.
 *
 * <p>Keys are looked up only to say whether one is set and where it comes from; nothing here holds a key.
 *
 * @param folder           the catalog folder
 * @param layout           its layout (detected)
 * @param configuredIn     the sources of the configured layers that define a provider in force
 * @param statuses         one per provider, in registry order
 * @param unknownInHistory providers that {@code failed_models.json} names but the registry does not have
 * @param unknownFiles     {@code models_*} files that belong to no registered provider (extras, leftovers), sorted
 * @param historyProblem   why {@code failed_models.json} could not be read, if it could not (file, line, column)
 */
public record ProviderOverview(
        Path folder,
        CatalogLayout layout,
        List<String> configuredIn,
        List<ProviderStatus> statuses,
        List<String> unknownInHistory,
        List<String> unknownFiles,
        Optional<String> historyProblem) {

    public ProviderOverview {
        configuredIn = List.copyOf(configuredIn);
        statuses = List.copyOf(statuses);
        unknownInHistory = List.copyOf(unknownInHistory);
        unknownFiles = List.copyOf(unknownFiles);
    }

    /**
     * Reads the overview.
     *
     * @param registry          the providers in force (built-in, file, POM)
     * @param folder            the catalog folder, either layout; it need not exist
     * @param env               the environment, for base URL overrides
     * @param credentials       the key lookup in force (environment, then whatever the caller chains in)
     * @param otherKeySource    for a provider, where else its key would be looked for after its environment
     *                          variable ({@code settings.xml server catalog-<p>}); empty when nowhere
     * @throws IOException when the folder cannot be listed or a file cannot be read
     */
    public static ProviderOverview read(
            ProviderRegistry registry,
            Path folder,
            EnvironmentLookup env,
            CredentialLookup credentials,
            Function<ProviderDefinition, Optional<String>> otherKeySource)
            throws IOException {
        CatalogFolder catalog = CatalogFolder.detect(folder);
        FailedModels history;
        Optional<String> historyProblem = Optional.empty();
        try {
            history = FailedModels.read(folder.resolve(CatalogLayout.FAILED_MODELS));
        } catch (DocumentParseException e) {
            // a view should still show what it can: the problem is reported under the table
            history = FailedModels.empty();
            historyProblem = Optional.of(e.getMessage());
        }
        List<ProviderStatus> statuses = new ArrayList<>();
        for (ProviderDefinition p : registry.all()) {
            ProviderOrigin from = registry.origin(p.name()).orElseThrow();
            ProviderStatus.Origin origin = from.builtIn()
                    ? ProviderStatus.Origin.BUILT_IN
                    : from.replacesBuiltIn()
                            ? ProviderStatus.Origin.REPLACES_BUILT_IN
                            : ProviderStatus.Origin.CONFIGURED;
            ProviderEndpoint endpoint = ProviderEndpoint.resolve(p, env);
            boolean fromEnv = p.baseUrlEnv() != null && env.get(p.baseUrlEnv()).isPresent();
            statuses.add(fileStatus(
                    catalog,
                    p,
                    origin,
                    endpoint,
                    fromEnv,
                    keyStatus(p, credentials, otherKeySource),
                    history.entry(p.name())));
        }
        List<String> unknownInHistory = new ArrayList<>();
        for (String name : history.providers()) {
            if (!registry.contains(name)) {
                unknownInHistory.add(name);
            }
        }
        List<String> configuredIn = registry.layers().stream()
                .filter(l -> !l.builtIn()
                        && l.providers().stream()
                                .anyMatch(p ->
                                        registry.origin(p.name()).orElseThrow().layer() == l))
                .map(ProviderLayer::source)
                .toList();
        return new ProviderOverview(
                folder,
                catalog.layout(),
                configuredIn,
                statuses,
                unknownInHistory,
                unknownFiles(catalog, registry),
                historyProblem);
    }

    private static ProviderStatus.KeyStatus keyStatus(
            ProviderDefinition p,
            CredentialLookup credentials,
            Function<ProviderDefinition, Optional<String>> otherKeySource) {
        if (!p.kind().needsKey()) {
            return new ProviderStatus.KeyStatus(false, Optional.empty(), List.of());
        }
        List<String> sources = new ArrayList<>();
        if (p.apiKeyEnv() != null) {
            sources.add("env " + p.apiKeyEnv());
        }
        otherKeySource.apply(p).ifPresent(sources::add);
        Optional<String> source = credentials.find(p).map(ApiKey::source);
        return new ProviderStatus.KeyStatus(true, source, List.copyOf(sources));
    }

    private static ProviderStatus fileStatus(
            CatalogFolder catalog,
            ProviderDefinition p,
            ProviderStatus.Origin origin,
            ProviderEndpoint endpoint,
            boolean fromEnv,
            ProviderStatus.KeyStatus key,
            Optional<JsonNode> entry)
            throws IOException {
        CatalogLayout layout = catalog.layout();
        Path root = catalog.root();
        Path json = layout.json(root, p.name());
        Path txt = layout.txt(root, p.name());
        ProviderStatus.FileSizes sizes =
                new ProviderStatus.FileSizes(size(json), size(txt), size(layout.toml(root, p.name())));
        OptionalInt models = OptionalInt.empty();
        Optional<String> problem = Optional.empty();
        if (sizes.json().isPresent()) {
            try {
                models = OptionalInt.of(ModelList.of(JsonDocuments.parse(Files.readAllBytes(json), json.toString()))
                        .ids()
                        .size());
            } catch (DocumentParseException e) {
                problem = Optional.of(e.getMessage());
            }
        } else if (sizes.txt().isPresent()) {
            models = OptionalInt.of(LegacyTxtReader.read(txt).size());
        }
        return new ProviderStatus(p, origin, endpoint, fromEnv, key, entry, sizes, models, problem);
    }

    private static OptionalLong size(Path file) throws IOException {
        return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    }

    /** Names of {@code models_<name>.*} files that belong to no provider of the registry, sorted. */
    private static List<String> unknownFiles(CatalogFolder catalog, ProviderRegistry registry) throws IOException {
        Set<String> names = new TreeSet<>();
        for (FileType type : FileType.values()) {
            catalog.layout().files(catalog.root(), type).forEach((provider, file) -> {
                if (!registry.contains(provider)) {
                    names.add(file.getFileName().toString());
                }
            });
        }
        return new ArrayList<>(names);
    }

    /** The named provider's status. */
    public Optional<ProviderStatus> status(String name) {
        return statuses.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
