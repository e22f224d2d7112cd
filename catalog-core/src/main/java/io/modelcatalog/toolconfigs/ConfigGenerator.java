package io.modelcatalog.toolconfigs;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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

/**
 * The {@code generate-configs} goal's work: reads the catalog folder, normalizes every model, and writes per
 * provider {@code aichat/models_<p>.yaml}, {@code mods/models_<p>.yml}, {@code codex/models_<p>.toml} and
 * {@code codex/profiles/<profile>.config.toml}.
 *
 * <p>Everything is generated in memory first: a catalog file that does not parse, an unknown provider or a
 * name clash fails the run before any file is written. Files are then written atomically, and only when
 * their bytes changed, and the profiles an earlier run wrote for a model that is gone are removed. Stateless: one instance may serve parallel builds.
 */
public final class ConfigGenerator {

    /** The provider whose document is LiteLLM's map rather than a provider's model list. */
    static final String LITELLM = "litellm";

    private final Path stateDir;

    /** A generator that renders every provider every run. */
    public ConfigGenerator() {
        this(null);
    }

    /**
     * A generator that keeps, in {@code stateDir} (a cache folder), what each run built every provider's files from
     * ({@link ConfigsManifest}), so that a rerun renders only the providers whose inputs or files changed.
     */
    public ConfigGenerator(Path stateDir) {
        this.stateDir = stateDir;
    }

    public GenerateConfigsResult generate(GenerateConfigsRequest request) throws IOException {
        Path root = request.catalogDir();
        if (!Files.isDirectory(root)) {
            throw GenerateConfigsException.noCatalog(root);
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
                    throw GenerateConfigsException.notInCatalog(
                            def.name(), catalog.layout().json(root, def.name()));
                }
                selected.add(def);
            }
        }

        // read only when some provider is rendered
        ModelNormalizer[] normalizer = new ModelNormalizer[1];
        ConfigsManifest manifest = stateDir == null ? null : ConfigsManifest.load(stateDir, root, request.outputDir());
        String shared = manifest == null ? null : sharedInputs(request, catalog, inCatalog, manifest);
        Map<String, String> inputsOf = new HashMap<>();
        Map<String, Map<Path, byte[]>> filesOf = new HashMap<>();
        Set<Path> kept = new HashSet<>();

        Map<Path, byte[]> files = new TreeMap<>();
        Map<Path, String> owners = new HashMap<>();
        Set<String> headers = new HashSet<>();
        List<GenerateConfigsResult.ProviderSummary> generated = new ArrayList<>();
        for (ProviderDefinition def : selected) {
            if (def.kind() == ProviderKind.URL) {
                skipped.add(def.name()
                        + ": a model data source (kind url), not an API; its facts fill in for other providers");
                continue;
            }
            checkDistinctToolNames(def, selected, request.writers());
            String baseUrl = ProviderEndpoint.resolve(def, request.env()).configBaseUrl();
            String source =
                    catalog.layout().json(root, def.name()).getFileName().toString();
            String inputs = shared == null ? null : providerInputs(shared, def, baseUrl, catalog, manifest);
            Optional<ConfigsManifest.Kept> unchangedProvider =
                    inputs == null ? Optional.empty() : manifest.unchanged(def.name(), inputs);
            if (unchangedProvider.isPresent()) {
                // built from these very inputs, and its files hold what was written: neither read nor rendered
                for (Path path : unchangedProvider.get().files()) {
                    String owner = owners.putIfAbsent(path, def.name());
                    if (owner != null) {
                        throw GenerateConfigsException.sameFile(path, owner, def.name());
                    }
                    kept.add(path);
                }
                if (request.writers().stream().anyMatch(w -> !w.perModelFiles().isEmpty())) {
                    headers.add(new ProviderModels(def.name(), def.kind(), def.apiKeyEnv(), baseUrl, source, List.of())
                            .header("#"));
                }
                generated.add(unchangedProvider.get().summary());
                continue;
            }
            if (normalizer[0] == null) {
                Optional<LiteLlmMap> liteLlm =
                        inCatalog.contains(LITELLM) ? catalog.read(LITELLM).map(LiteLlmMap::of) : Optional.empty();
                normalizer[0] = new ModelNormalizer(liteLlm);
            }
            ModelList list = catalog.read(def.name()).orElseThrow();
            List<ModelFacts> all = normalizer[0].normalize(def, list);
            List<ModelFacts> keptModels =
                    all.stream().filter(request.filter()::accepts).toList();
            ProviderModels models =
                    new ProviderModels(def.name(), def.kind(), def.apiKeyEnv(), baseUrl, source, keptModels);
            Map<Path, byte[]> own = new TreeMap<>();
            for (ToolWriter writer : request.writers()) {
                if (!writer.perModelFiles().isEmpty()) {
                    headers.add(models.header("#"));
                }
                for (ToolFile file : writer.files(models)) {
                    Path path = request.outputDir().resolve(writer.folder()).resolve(file.path());
                    String owner = owners.putIfAbsent(path, def.name());
                    if (owner != null) {
                        throw GenerateConfigsException.sameFile(path, owner, def.name());
                    }
                    files.put(path, file.bytes());
                    own.put(path, file.bytes());
                }
            }
            int fromLiteLlm = (int)
                    keptModels.stream().filter(m -> !m.fromLiteLlm().isEmpty()).count();
            GenerateConfigsResult.ProviderSummary summary = new GenerateConfigsResult.ProviderSummary(
                    def.name(), keptModels.size(), all.size() - keptModels.size(), fromLiteLlm);
            generated.add(summary);
            if (inputs != null) {
                inputsOf.put(def.name(), inputs);
                filesOf.put(def.name(), own);
            } else if (manifest != null) {
                manifest.forget(def.name());
            }
        }

        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            (AtomicFiles.writeIfChanged(f.getKey(), f.getValue()) ? written : unchanged).add(f.getKey());
        }
        unchanged.addAll(kept);
        unchanged.sort(null);
        if (manifest != null) {
            for (GenerateConfigsResult.ProviderSummary s : generated) {
                if (inputsOf.containsKey(s.provider())) {
                    manifest.put(s.provider(), inputsOf.get(s.provider()), s, filesOf.get(s.provider()));
                }
            }
            manifest.save();
        }
        Set<Path> current = new HashSet<>(files.keySet());
        current.addAll(kept);
        List<Path> removed = new ArrayList<>();
        for (ToolWriter writer : request.writers()) {
            for (String pattern : writer.perModelFiles()) {
                Path glob = request.outputDir().resolve(writer.folder()).resolve(pattern);
                removed.addAll(removeStale(glob.getParent(), glob.getFileName().toString(), headers, current));
            }
        }
        return new GenerateConfigsResult(
                List.copyOf(generated),
                List.copyOf(skipped),
                List.copyOf(written),
                List.copyOf(unchanged),
                List.copyOf(removed));
    }

    /**
     * What every provider's files depend on besides its own catalog file: this code, the writers (null when one of
     * them cannot tell what its output depends on), the filter, the layout and LiteLLM's map.
     */
    private static String sharedInputs(
            GenerateConfigsRequest request, CatalogFolder catalog, List<String> inCatalog, ConfigsManifest manifest)
            throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("code ").append(CatalogVersion.build()).append('\n');
        for (ToolWriter w : request.writers()) {
            Optional<String> fingerprint = w.fingerprint();
            if (fingerprint.isEmpty()) {
                return null;
            }
            s.append("writer ")
                    .append(w.getClass().getName())
                    .append(' ')
                    .append(w.id())
                    .append(' ')
                    .append(w.folder())
                    .append(' ')
                    .append(w.perModelFiles())
                    .append(' ')
                    .append(fingerprint.get())
                    .append('\n');
        }
        s.append("filter ").append(request.filter().fingerprint()).append('\n');
        s.append("layout ").append(catalog.layout()).append('\n');
        s.append("litellm ")
                .append(
                        inCatalog.contains(LITELLM)
                                ? manifest.digest(catalog.layout().json(catalog.root(), LITELLM))
                                : "-")
                .append('\n');
        return s.toString();
    }

    /** A provider's inputs: the shared ones, the provider's definition and base URL, its catalog file's digest. */
    private static String providerInputs(
            String shared, ProviderDefinition def, String baseUrl, CatalogFolder catalog, ConfigsManifest manifest)
            throws IOException {
        String s = shared + "provider " + def.name() + " " + def.kind() + " " + def.apiKeyEnv() + " " + baseUrl + "\n"
                + "catalog " + manifest.digest(catalog.layout().json(catalog.root(), def.name())) + "\n";
        return FileStamp.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes the per-model files an earlier run wrote for a provider of this run (recognized by their first line,
     * the header naming the provider's catalog file) whose model is gone or now left out. Files without that
     * header, such as a user's own profiles, and other providers' files are never touched.
     */
    private static List<Path> removeStale(Path dir, String glob, Set<String> headers, Set<Path> current)
            throws IOException {
        if (headers.isEmpty() || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(f -> {
                if (!current.contains(f)) {
                    candidates.add(f);
                }
            });
        }
        candidates.sort(null);
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
    private static void checkDistinctToolNames(
            ProviderDefinition def, List<ProviderDefinition> selected, List<ToolWriter> writers) {
        for (ToolWriter writer : writers) {
            String renamed = writer.providerName(def.name());
            if (!renamed.equals(def.name())
                    && selected.stream().anyMatch(p -> p.name().equals(renamed))) {
                throw GenerateConfigsException.reservedNameTaken(writer.id(), def.name(), renamed);
            }
        }
    }
}
