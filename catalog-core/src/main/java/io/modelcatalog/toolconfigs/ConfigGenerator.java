package io.modelcatalog.toolconfigs;

import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.LeftoverFiles;
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
 * Stateless: one instance may serve parallel builds.
 */
public final class ConfigGenerator {

    /** How deep the configs folder is searched for leftovers ({@code codex/profiles/x.config.toml} is 3 down). */
    private static final int CONFIGS_DEPTH = 4;

    public GenerateConfigsResult generate(GenerateConfigsRequest request) throws IOException {
        CatalogProviders.Selection selection = CatalogProviders.read(
                request.catalogDir(),
                request.layout(),
                request.providers(),
                request.filter(),
                request.registry(),
                request.env(),
                new CatalogProviders.Failures() {
                    @Override
                    public RuntimeException noCatalog(Path folder) {
                        return GenerateConfigsException.noCatalog(folder);
                    }

                    @Override
                    public RuntimeException notInCatalog(String provider, Path file) {
                        return GenerateConfigsException.notInCatalog(provider, file);
                    }

                    @Override
                    public RuntimeException credentialsInUrl(String provider, String variable, String maskedUrl) {
                        return GenerateConfigsException.credentialsInUrl(provider, variable, maskedUrl);
                    }
                });
        List<Path> leftovers = LeftoverFiles.remove(request.outputDir(), CONFIGS_DEPTH, name -> true, Instant.now());
        Map<Path, byte[]> files = new TreeMap<>();
        Map<Path, String> owners = new HashMap<>();
        Set<String> headers = new HashSet<>();
        List<GenerateConfigsResult.ProviderSummary> generated = new ArrayList<>();
        for (CatalogProviders.Provider provider : selection.providers()) {
            ProviderModels models = provider.models();
            checkDistinctToolNames(models.provider(), selection.selected(), request.writers());
            for (ToolWriter writer : request.writers()) {
                if (!writer.perModelFiles().isEmpty()) {
                    headers.add(models.header("#"));
                }
                place(request, writer, writer.files(models), models.provider(), files, owners);
            }
            generated.add(new GenerateConfigsResult.ProviderSummary(
                    models.provider(), models.models().size(), provider.leftOut(), provider.fromLiteLlm()));
        }
        for (ToolWriter writer : request.writers()) {
            place(request, writer, writer.sharedFiles(selection.models()), "all providers", files, owners);
        }

        if (!files.isEmpty()) {
            WritableFolders.prepare(request.outputDir()); // a file in its place or no permission: said as such
        }
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            (AtomicFiles.writeIfChanged(f.getKey(), f.getValue()) ? written : unchanged).add(f.getKey());
        }
        List<Path> removed = new ArrayList<>();
        for (ToolWriter writer : request.writers()) {
            for (String pattern : writer.perModelFiles()) {
                Path glob = request.outputDir().resolve(writer.folder()).resolve(pattern);
                removed.addAll(removeStale(glob.getParent(), glob.getFileName().toString(), headers, files.keySet()));
            }
        }
        GeneratedFiles.record(request.outputDir(), files, removed);
        return new GenerateConfigsResult(
                List.copyOf(generated),
                selection.skipped(),
                List.copyOf(written),
                List.copyOf(unchanged),
                List.copyOf(removed),
                leftovers);
    }

    /** Adds a writer's files, failing when two providers' files would land on one path. */
    private static void place(
            GenerateConfigsRequest request,
            ToolWriter writer,
            List<ToolFile> produced,
            String provider,
            Map<Path, byte[]> files,
            Map<Path, String> owners) {
        for (ToolFile file : produced) {
            Path path = request.outputDir().resolve(writer.folder()).resolve(file.path());
            String owner = owners.putIfAbsent(path, provider);
            if (owner != null) {
                throw GenerateConfigsException.sameFile(path, owner, provider);
            }
            files.put(path, file.bytes());
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
