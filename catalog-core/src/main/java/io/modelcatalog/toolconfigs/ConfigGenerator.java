package io.modelcatalog.toolconfigs;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.LeftoverFiles;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.files.UpToDateRecord;
import io.modelcatalog.files.WritableFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * provider what the request's {@link ToolWriter}s produce: {@code aichat/models_<p>.yaml},
 * {@code mods/models_<p>.yml}, {@code codex/models_<p>.toml}, {@code codex/profiles/<profile>.config.toml},
 * {@code opencode/models_<p>.json}, and a user's templates' outputs.
 *
 * <p>Everything is generated in memory first: a catalog file that does not parse, an unknown provider or a
 * name clash fails the run before any file is written. Files are then written atomically, and only when
 * their bytes changed, and the profiles an earlier run wrote for a model that is gone are removed. Every file of the
 * run is recorded in the configs folder's manifest ({@link GeneratedFiles}), which is how {@code clean} knows it.
 * Temporary files that a killed run left in the configs folder ({@link LeftoverFiles}) are removed first.
 * With a state folder, a rerun in which nothing changed reads nothing but file attributes ({@link ConfigsRunRecord}),
 * and any other rerun renders only the providers whose inputs or files changed ({@link ConfigsManifest}).
 * Stateless: one instance may serve parallel builds.
 */
public final class ConfigGenerator {

    /** How deep the configs folder is searched for leftovers ({@code codex/profiles/x.config.toml} is 3 down). */
    private static final int CONFIGS_DEPTH = 4;

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
        Path catalogDir = request.catalog().catalogDir();
        ConfigsRunRecord runRecord = null;
        UpToDateRecord.Builder record = null;
        if (stateDir != null && Files.isDirectory(catalogDir)) {
            CatalogFolder catalog = catalogFolder(request);
            runRecord = ConfigsRunRecord.of(stateDir, request, catalog);
            Optional<GenerateConfigsResult> unchanged = request.force() ? Optional.empty() : runRecord.unchanged();
            if (unchanged.isPresent()) {
                return unchanged.get(); // nothing read, rendered or written
            }
            record = runRecord.start(catalog); // the catalog files stamped before they are read
        }
        CatalogProviders.Selection selection = CatalogProviders.read(request.catalog());
        List<Path> leftovers = LeftoverFiles.remove(request.outputDir(), CONFIGS_DEPTH, name -> true, Instant.now());
        CatalogFolder catalog = catalogFolder(request);
        ConfigsManifest manifest = stateDir == null
                ? null
                : ConfigsManifest.load(stateDir, catalogDir, request.outputDir(), request.force());
        Rendering rendering = render(request, selection, catalog, manifest);
        Writes writes = write(request.outputDir(), rendering);
        if (manifest != null) {
            for (Built built : rendering.built) {
                manifest.put(built.summary().provider(), built.inputs(), built.summary(), built.files());
            }
            manifest.save();
        }
        List<Path> removed = removeStale(request, rendering);
        Map<Path, String> keptDigests = new TreeMap<>();
        rendering.kept.forEach((path, stamp) -> keptDigests.put(path, stamp.sha256()));
        GeneratedFiles.record(request.outputDir(), rendering.files, keptDigests, removed);
        GenerateConfigsResult result = new GenerateConfigsResult(
                List.copyOf(rendering.summaries),
                selection.skipped(),
                writes.written(),
                writes.unchanged(),
                removed,
                leftovers);
        if (record != null) {
            runRecord.record(record, request, result, rendering.files, rendering.kept);
        }
        return result;
    }

    private static CatalogFolder catalogFolder(GenerateConfigsRequest request) throws IOException {
        Path catalogDir = request.catalog().catalogDir();
        return request.catalog().layout() == null
                ? CatalogFolder.detect(catalogDir)
                : new CatalogFolder(catalogDir, request.catalog().layout());
    }

    /**
     * What one run has rendered so far, in memory: the files to write, who owns each path (two providers on one
     * path fail the run), the files of providers not rendered again because their inputs did not change, the headers
     * that mark this run's per-model files, and what the state folder is to remember. One per run.
     */
    private static final class Rendering {
        final Map<Path, byte[]> files = new TreeMap<>();
        final Map<Path, String> owners = new HashMap<>();
        final Map<Path, FileStamp> kept = new TreeMap<>();
        final Set<String> headers = new HashSet<>();
        final List<GenerateConfigsResult.ProviderSummary> summaries = new ArrayList<>();
        final List<Built> built = new ArrayList<>();

        /** Claims a path for a provider, failing when another provider's file already stands there. */
        void claim(Path path, String provider) {
            String owner = owners.putIfAbsent(path, provider);
            if (owner != null) {
                throw GenerateConfigsException.sameFile(path, owner, provider);
            }
        }
    }

    /** A provider rendered this run from inputs the state folder can remember, with the files it got. */
    private record Built(GenerateConfigsResult.ProviderSummary summary, String inputs, Map<Path, byte[]> files) {}

    /** What writing the rendered files did: the paths whose bytes changed and those already holding them. */
    private record Writes(List<Path> written, List<Path> unchanged) {}

    /**
     * Renders every selected provider's files, or keeps them when the state folder says they were built from these
     * very inputs, then every writer's shared files. Writes nothing.
     */
    private static Rendering render(
            GenerateConfigsRequest request,
            CatalogProviders.Selection selection,
            CatalogFolder catalog,
            ConfigsManifest manifest)
            throws IOException {
        String shared = manifest == null ? null : sharedInputs(request, catalog, manifest);
        boolean perModelFiles =
                request.writers().stream().anyMatch(w -> !w.perModelFiles().isEmpty());
        Rendering rendering = new Rendering();
        for (CatalogProviders.Provider provider : selection.providers()) {
            ProviderModels models = provider.models();
            checkDistinctToolNames(models.provider(), selection.selected(), request.writers());
            rendering.summaries.add(new GenerateConfigsResult.ProviderSummary(
                    models.provider(), models.models().size(), provider.leftOut(), provider.fromLiteLlm()));
            if (perModelFiles) {
                rendering.headers.add(models.header("#"));
            }
            String inputs = shared == null ? null : providerInputs(shared, models, catalog, manifest);
            Optional<ConfigsManifest.Kept> unchanged =
                    inputs == null ? Optional.empty() : manifest.unchanged(models.provider(), inputs);
            if (unchanged.isPresent()) {
                // built from these very inputs, and its files hold what was written: not rendered again
                for (Map.Entry<Path, FileStamp> f : unchanged.get().files().entrySet()) {
                    rendering.claim(f.getKey(), models.provider());
                    rendering.kept.put(f.getKey(), f.getValue());
                }
                continue;
            }
            Map<Path, byte[]> own = new TreeMap<>();
            for (ToolWriter writer : request.writers()) {
                List<ToolFile> produced = writer.files(models);
                place(request, writer, produced, models.provider(), rendering);
                for (ToolFile file : produced) {
                    own.put(request.outputDir().resolve(writer.folder()).resolve(file.path()), file.bytes());
                }
            }
            if (inputs != null) {
                rendering.built.add(new Built(rendering.summaries.get(rendering.summaries.size() - 1), inputs, own));
            } else if (manifest != null) {
                manifest.forget(models.provider());
            }
        }
        for (ToolWriter writer : request.writers()) {
            place(request, writer, writer.sharedFiles(selection.models()), "all providers", rendering);
        }
        return rendering;
    }

    /** Writes each rendered file atomically where its bytes changed; kept files count as unchanged. */
    private static Writes write(Path outputDir, Rendering rendering) throws IOException {
        if (!rendering.files.isEmpty()) {
            WritableFolders.prepare(outputDir); // a file in its place or no permission: said as such
        }
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : rendering.files.entrySet()) {
            (AtomicFiles.writeIfChanged(f.getKey(), f.getValue()) ? written : unchanged).add(f.getKey());
        }
        unchanged.addAll(rendering.kept.keySet());
        unchanged.sort(null);
        return new Writes(List.copyOf(written), List.copyOf(unchanged));
    }

    /** Removes, for every writer's per-model patterns, the files an earlier run wrote that this run has not. */
    private static List<Path> removeStale(GenerateConfigsRequest request, Rendering rendering) throws IOException {
        Set<Path> current = new HashSet<>(rendering.files.keySet());
        current.addAll(rendering.kept.keySet());
        List<Path> removed = new ArrayList<>();
        for (ToolWriter writer : request.writers()) {
            for (String pattern : writer.perModelFiles()) {
                Path glob = request.outputDir().resolve(writer.folder()).resolve(pattern);
                removed.addAll(
                        removeStale(glob.getParent(), glob.getFileName().toString(), rendering.headers, current));
            }
        }
        return List.copyOf(removed);
    }

    /**
     * What every provider's files depend on besides its own catalog file: this code, the writers (null when one of
     * them cannot tell what its output depends on), the filter, the layout and LiteLLM's map.
     */
    private static String sharedInputs(GenerateConfigsRequest request, CatalogFolder catalog, ConfigsManifest manifest)
            throws IOException {
        String writers = ConfigsRunRecord.writers(request.writers());
        if (writers == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        s.append("code ").append(CatalogVersion.build()).append('\n');
        s.append(writers);
        s.append("filter ").append(request.catalog().filter().fingerprint()).append('\n');
        s.append("layout ").append(catalog.layout()).append('\n');
        s.append("litellm ")
                .append(
                        catalog.providers().contains(CatalogProviders.LITELLM)
                                ? manifest.digest(catalog.layout().json(catalog.root(), CatalogProviders.LITELLM))
                                : "-")
                .append('\n');
        return s.toString();
    }

    /** A provider's inputs: the shared ones, the provider's kind, key variable and base URL, its catalog file's digest. */
    private static String providerInputs(
            String shared, ProviderModels models, CatalogFolder catalog, ConfigsManifest manifest) throws IOException {
        String s = shared + "provider " + models.provider() + " " + models.kind() + " " + models.apiKeyEnv() + " "
                + models.baseUrl() + "\n"
                + "catalog " + manifest.digest(catalog.layout().json(catalog.root(), models.provider())) + "\n";
        return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a writer's files, failing when two providers' files would land on one path. */
    private static void place(
            GenerateConfigsRequest request,
            ToolWriter writer,
            List<ToolFile> produced,
            String provider,
            Rendering rendering) {
        for (ToolFile file : produced) {
            Path path = request.outputDir().resolve(writer.folder()).resolve(file.path());
            rendering.claim(path, provider);
            rendering.files.put(path, file.bytes());
        }
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
    private static void checkDistinctToolNames(String provider, List<String> selected, List<ToolWriter> writers) {
        for (ToolWriter writer : writers) {
            String renamed = writer.providerName(provider);
            if (!renamed.equals(provider) && selected.contains(renamed)) {
                throw GenerateConfigsException.reservedNameTaken(writer.id(), provider, renamed);
            }
        }
    }
}
