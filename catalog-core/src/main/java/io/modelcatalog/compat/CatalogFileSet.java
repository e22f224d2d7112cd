package io.modelcatalog.compat;

import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FileType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code models_<p>.json/.txt/.toml} files of one catalog folder, by provider and type, in the layout that
 * {@link CatalogFolder#detect(Path)} finds (the rule every goal follows): flat (the legacy dump), or structured
 * ({@code json/}, {@code txt/}, {@code toml/}); a folder holding both is read flat. Other files (such as
 * {@code failed_models.json}) are not listed.
 *
 * <p>Providers are whatever the file names say: a hand-made {@code models_x_best.json} is provider
 * {@code x_best}, with only a json file.
 */
final class CatalogFileSet {

    private final Path root;
    private final Map<String, Map<FileType, Path>> files;

    private CatalogFileSet(Path root, Map<String, Map<FileType, Path>> files) {
        this.root = root;
        this.files = files;
    }

    static CatalogFileSet scan(Path root) throws IOException {
        Map<String, Map<FileType, Path>> files = new TreeMap<>();
        CatalogLayout layout = CatalogFolder.detect(root).layout();
        for (FileType type : FileType.values()) {
            layout.files(root, type)
                    .forEach((provider, file) -> files.computeIfAbsent(provider, k -> new EnumMap<>(FileType.class))
                            .put(type, file));
        }
        return new CatalogFileSet(root, files);
    }

    Path root() {
        return root;
    }

    /** Provider names, sorted. */
    Iterable<String> providers() {
        return Collections.unmodifiableSet(files.keySet());
    }

    /** How many provider files the folder holds. */
    int fileCount() {
        return files.values().stream().mapToInt(Map::size).sum();
    }

    /** The provider's files; empty when it has none. */
    Map<FileType, Path> files(String provider) {
        return files.getOrDefault(provider, Map.of());
    }

    /** The file's path relative to the folder, with {@code /} separators, for messages. */
    String display(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
