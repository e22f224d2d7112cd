package io.modelcatalog.toolconfigs;

import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.clean.GeneratedFiles;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.templates.TemplateRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code generate-configs} goal's work: reads the catalog folder, normalizes every model, and writes per
 * provider {@code aichat/models_<p>.yaml}, {@code mods/models_<p>.yml}, {@code codex/models_<p>.toml},
 * {@code codex/profiles/<profile>.config.toml} and {@code opencode/models_<p>.json}.
 *
 * <p>Everything is generated in memory first: a catalog file that does not parse, an unknown provider or a
 * name clash fails the run before any file is written. Files are then written atomically, and only when
 * their bytes changed, and the profiles an earlier run wrote for a model that is gone are removed. Stateless: one instance may serve parallel builds.
 */
public final class ConfigGenerator {

    /** The provider whose document is LiteLLM's map rather than a provider's model list. */
    static final String LITELLM = "litellm";

    public GenerateConfigsResult generate(GenerateConfigsRequest request) throws IOException {
        Path root = request.catalogDir();
        if (!Files.isDirectory(root)) {
            throw new GenerateConfigsException("catalog folder " + root + " does not exist: run the fetch goal first,"
                    + " or point catalog.outputDirectory at a catalog folder");
        }
        CatalogFolder catalog =
                request.layout() == null ? CatalogFolder.detect(root) : new CatalogFolder(root, request.layout());
        List<String> inCatalog = catalog.providers();
        ProviderRegistry registry = request.registry();
        List<String> skipped = new ArrayList<>();

        List<ProviderDefinition> selected = new ArrayList<>();
        if (request.providers().isEmpty()) {
            for (String name : inCatalog) {
                Optional<ProviderDefinition> def = registry.find(name);
                if (def.isEmpty()) {
                    skipped.add(name + ": " + catalog.layout().json(root, name).getFileName()
                            + " is not a registered provider's file (declare the provider to use it)");
                } else {
                    selected.add(def.get());
                }
            }
        } else {
            for (ProviderDefinition def : registry.select(request.providers())) {
                if (!inCatalog.contains(def.name())) {
                    throw new GenerateConfigsException("provider " + def.name() + ": the catalog has no "
                            + catalog.layout().json(root, def.name()) + ": fetch it first (catalog.providers="
                            + def.name() + ") or leave it out of catalog.providers");
                }
                selected.add(def);
            }
        }

        Optional<LiteLlmMap> liteLlm =
                inCatalog.contains(LITELLM) ? catalog.read(LITELLM).map(LiteLlmMap::of) : Optional.empty();
        ModelNormalizer normalizer = new ModelNormalizer(liteLlm);

        Map<Path, byte[]> files = new TreeMap<>();
        Set<String> profileHeaders = new HashSet<>();
        Map<String, String> profileOwners = new HashMap<>();
        List<GenerateConfigsResult.ProviderSummary> generated = new ArrayList<>();
        List<ProviderModels> forTemplates = new ArrayList<>();
        for (ProviderDefinition def : selected) {
            if (def.kind() == ProviderKind.URL) {
                skipped.add(def.name()
                        + ": a model data source (kind url), not an API; its facts fill in for other providers");
                continue;
            }
            ModelList list = catalog.read(def.name()).orElseThrow();
            List<ModelFacts> all = normalizer.normalize(def, list);
            List<ModelFacts> kept =
                    all.stream().filter(request.filter()::accepts).toList();
            String source =
                    catalog.layout().json(root, def.name()).getFileName().toString();
            ProviderModels models = new ProviderModels(
                    def.name(),
                    def.kind(),
                    def.apiKeyEnv(),
                    ProviderEndpoint.resolve(def, request.env()).configBaseUrl(),
                    source,
                    kept);
            checkDistinctToolNames(def, selected);
            forTemplates.add(models);
            Path out = request.outputDir();
            if (request.tools().contains(Tool.AICHAT)) {
                files.put(
                        out.resolve("aichat").resolve("models_" + def.name() + ".yaml"), AichatConfig.toBytes(models));
            }
            if (request.tools().contains(Tool.MODS)) {
                files.put(out.resolve("mods").resolve("models_" + def.name() + ".yml"), ModsConfig.toBytes(models));
            }
            if (request.tools().contains(Tool.OPENCODE)) {
                files.put(
                        out.resolve("opencode").resolve("models_" + def.name() + ".json"),
                        OpenCodeConfig.toBytes(models));
            }
            if (request.tools().contains(Tool.CODEX)) {
                profileHeaders.add(models.header("#"));
                files.put(
                        out.resolve("codex").resolve("models_" + def.name() + ".toml"),
                        CodexConfig.providerFile(models));
                for (Map.Entry<String, byte[]> profile :
                        CodexConfig.profileFiles(models).entrySet()) {
                    String owner = profileOwners.putIfAbsent(profile.getKey(), def.name());
                    if (owner != null) {
                        throw new GenerateConfigsException(
                                "codex profile " + profile.getKey() + " would be written for " + owner + " and "
                                        + def.name() + "; exclude one model with catalog.exclude");
                    }
                    files.put(
                            out.resolve("codex").resolve("profiles").resolve(profile.getKey() + ".config.toml"),
                            profile.getValue());
                }
            }
            int fromLiteLlm =
                    (int) kept.stream().filter(m -> !m.fromLiteLlm().isEmpty()).count();
            generated.add(new GenerateConfigsResult.ProviderSummary(
                    def.name(), kept.size(), all.size() - kept.size(), fromLiteLlm));
        }

        if (request.templates() != null) {
            files.putAll(new TemplateRenderer().render(request.templates(), forTemplates, request.outputDir()));
        }

        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            (AtomicFiles.writeIfChanged(f.getKey(), f.getValue()) ? written : unchanged).add(f.getKey());
        }
        List<Path> removed = removeStaleProfiles(
                request.outputDir().resolve("codex").resolve("profiles"), profileHeaders, files.keySet());
        GeneratedFiles.record(request.outputDir(), files, removed);
        return new GenerateConfigsResult(
                List.copyOf(generated), List.copyOf(skipped), List.copyOf(written), List.copyOf(unchanged), removed);
    }

    /**
     * Deletes the profiles an earlier run wrote for a provider of this run (recognized by their first line, the
     * header naming the provider's catalog file) whose model is gone or now left out. Files without that header,
     * such as a user's own profiles, and other providers' profiles are never touched.
     */
    private static List<Path> removeStaleProfiles(Path profilesDir, Set<String> headers, Set<Path> current)
            throws IOException {
        if (headers.isEmpty() || !Files.isDirectory(profilesDir)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> s = Files.list(profilesDir)) {
            candidates = s.filter(f -> f.getFileName().toString().endsWith(".config.toml") && !current.contains(f))
                    .sorted()
                    .toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path f : candidates) {
            String first;
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                first = r.readLine();
            } catch (CharacterCodingException e) {
                continue;
            }
            if (first != null && headers.contains(first + "\n")) {
                Files.deleteIfExists(f);
                removed.add(f);
            }
        }
        return List.copyOf(removed);
    }

    /**
     * A renamed reserved id (codex {@code openai} to {@code openai-catalog}, mods {@code anthropic} to
     * {@code anthropic-catalog}) must not meet a provider that is really called so.
     */
    private static void checkDistinctToolNames(ProviderDefinition def, List<ProviderDefinition> selected) {
        for (String renamed : List.of(CodexConfig.providerId(def.name()), ModsConfig.apiName(def.name()))) {
            if (!renamed.equals(def.name())
                    && selected.stream().anyMatch(p -> p.name().equals(renamed))) {
                throw new GenerateConfigsException("provider " + def.name() + " is written as '" + renamed
                        + "' because the tool reserves its name, but another provider is called '" + renamed
                        + "': rename that provider");
            }
        }
    }
}
