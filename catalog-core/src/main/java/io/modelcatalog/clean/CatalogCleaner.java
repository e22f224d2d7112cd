package io.modelcatalog.clean;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.toolconfigs.GeneratedFiles;
import io.modelcatalog.toolconfigs.ProviderModels;
import io.modelcatalog.toolconfigs.ToolWriter;
import io.modelcatalog.tools.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code clean} goal's work: removes what this plugin wrote and nothing else.
 *
 * <ul>
 *   <li>Generated configs: the files the configs folder's manifest ({@link GeneratedFiles}) lists, when their bytes
 *       are still the ones written (a file changed since is the user's now and stays, reported); and files of the
 *       tool folders whose first line is the generators' header (written before the manifest existed).
 *   <li>Temporary files of an interrupted atomic write ({@link AtomicFiles#isLeftoverName}) in the catalog folder and
 *       the configs folder.
 *   <li>Only when asked: the failure history ({@code failed_models.json}) and the response cache (per provider
 *       folder, the {@code models}/{@code chutes} bodies and their metadata, the lock file, temporary files).
 * </ul>
 *
 * The catalog itself ({@code models_<p>.json/.txt/.toml}, {@code chutes_chutes.json}) is never removed: users keep
 * it under version control, and only a fetch with keys and network can bring it back. Folders the clean emptied
 * go too; every other file stays. Stateless.
 */
public final class CatalogCleaner {

    /** The first line of every generated aichat, mods and codex file, up to the catalog file's name. */
    static final String HEADER_PREFIX = "# " + ProviderModels.GENERATED_BY;

    private static final Pattern PROVIDER_FOLDER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern CACHE_FILE = Pattern.compile("(models|chutes)\\.(body|meta\\.json)|\\.lock");

    public CleanResult clean(CleanRequest request) throws IOException {
        Map<Path, CleanResult.Reason> remove = new TreeMap<>();
        List<CleanResult.Kept> kept = new ArrayList<>();

        Path configs = request.configsDir();
        if (configs != null && Files.isDirectory(configs)) {
            generatedConfigs(configs, remove, kept);
            tempFiles(configs, Integer.MAX_VALUE, remove);
        }
        Path catalog = request.catalogDir();
        if (catalog != null && Files.isDirectory(catalog)) {
            tempFiles(catalog, 1, remove);
            for (String sub : List.of("json", "txt", "toml")) {
                tempFiles(catalog.resolve(sub), 1, remove);
            }
            Path failures = catalog.resolve(CatalogLayout.FAILED_MODELS);
            if (request.failures() && Files.isRegularFile(failures)) {
                remove.put(failures, CleanResult.Reason.FAILURE_HISTORY);
            }
        }
        Path cache = request.cacheDir();
        if (request.cache() && cache != null && Files.isDirectory(cache)) {
            cachedResponses(cache, remove);
        }

        if (!request.dryRun()) {
            Set<Path> parents = new LinkedHashSet<>();
            for (Path f : remove.keySet()) {
                Files.deleteIfExists(f);
                parents.add(f.getParent());
            }
            removeEmptied(parents, List.of(configs, cache));
        }
        return new CleanResult(new TreeMap<>(remove), List.copyOf(kept), request.dryRun());
    }

    private static void generatedConfigs(
            Path configs, Map<Path, CleanResult.Reason> remove, List<CleanResult.Kept> kept) throws IOException {
        GeneratedFiles manifest = GeneratedFiles.read(configs);
        Set<Path> listed = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : manifest.digests().entrySet()) {
            Optional<Path> f = manifest.resolve(configs, e.getKey());
            if (f.isEmpty()) {
                kept.add(new CleanResult.Kept(configs.resolve(e.getKey()), "its manifest path leaves the folder"));
                continue;
            }
            listed.add(f.get());
            if (!Files.isRegularFile(f.get())) {
                continue;
            }
            if (Sha256.of(Files.readAllBytes(f.get())).equals(e.getValue())) {
                remove.put(f.get(), CleanResult.Reason.GENERATED_CONFIG);
            } else {
                kept.add(new CleanResult.Kept(f.get(), "changed since generate-configs wrote it"));
            }
        }
        Path base = configs.toAbsolutePath().normalize();
        for (String glob : headedFiles()) {
            Path pattern = base.resolve(glob);
            Path dir = pattern.getParent();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> s =
                    Files.newDirectoryStream(dir, pattern.getFileName().toString())) {
                for (Path f : s) {
                    if (Files.isRegularFile(f) && !listed.contains(f) && startsWithHeader(f)) {
                        remove.put(f, CleanResult.Reason.GENERATED_CONFIG);
                    }
                }
            }
        }
        Path manifestFile = base.resolve(GeneratedFiles.MANIFEST);
        if (Files.isRegularFile(manifestFile)) {
            remove.put(manifestFile, CleanResult.Reason.GENERATED_CONFIG);
        }
    }

    /**
     * Where the built-in writers put their files, as globs relative to the configs folder: each writer's
     * {@code models_*} and its per-model files. Only those whose first line is the header are the plugin's.
     */
    private static List<String> headedFiles() {
        List<String> globs = new ArrayList<>();
        for (ToolWriter w : Tool.writers(EnumSet.allOf(Tool.class))) {
            globs.add(w.folder() + "/models_*");
            w.perModelFiles().forEach(p -> globs.add(w.folder() + "/" + p));
        }
        return globs;
    }

    private static boolean startsWithHeader(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(HEADER_PREFIX);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void tempFiles(Path dir, int depth, Map<Path, CleanResult.Reason> remove) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir.toAbsolutePath().normalize(), depth)) {
            s.filter(Files::isRegularFile)
                    .filter(f -> AtomicFiles.isLeftoverName(f.getFileName().toString()))
                    .forEach(f -> remove.put(f, CleanResult.Reason.TEMPORARY_FILE));
        }
    }

    private static void cachedResponses(Path cache, Map<Path, CleanResult.Reason> remove) throws IOException {
        List<Path> providers;
        try (Stream<Path> s = Files.list(cache.toAbsolutePath().normalize())) {
            providers = s.filter(Files::isDirectory)
                    .filter(d ->
                            PROVIDER_FOLDER.matcher(d.getFileName().toString()).matches())
                    .toList();
        }
        for (Path dir : providers) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile)
                        .filter(f ->
                                CACHE_FILE.matcher(f.getFileName().toString()).matches()
                                        || AtomicFiles.isLeftoverName(
                                                f.getFileName().toString()))
                        .forEach(f -> remove.put(f, CleanResult.Reason.CACHED_RESPONSE));
            }
        }
    }

    /** Deletes the folders a removal emptied, and their parents up to and including a root, while empty. */
    private static void removeEmptied(Set<Path> folders, List<Path> roots) throws IOException {
        List<Path> limits = roots.stream()
                .filter(r -> r != null)
                .map(r -> r.toAbsolutePath().normalize())
                .toList();
        List<Path> ordered = new ArrayList<>(folders);
        ordered.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : ordered) {
            Path d = dir.toAbsolutePath().normalize();
            Optional<Path> root = limits.stream().filter(d::startsWith).findFirst();
            if (root.isEmpty()) {
                continue;
            }
            while (d != null && d.startsWith(root.get()) && isEmptyDir(d)) {
                Files.delete(d);
                d = d.getParent();
            }
        }
    }

    private static boolean isEmptyDir(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return false;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }
}
