package io.modelcatalog.compat;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FileType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code models_<p>.json/.txt/.toml} files of one catalog folder, by provider and type. Reads both layouts:
 * flat (the legacy dump) and structured ({@code json/}, {@code txt/}, {@code toml/}); a structured folder's
 * files win over flat ones of the same name. Other files (such as {@code failed_models.json}) are not listed.
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
        for (CatalogLayout layout : List.of(CatalogLayout.LEGACY, CatalogLayout.STRUCTURED)) {
            for (FileType type : FileType.values()) {
                layout.files(root, type)
                        .forEach((provider, file) -> files.computeIfAbsent(provider, k -> new EnumMap<>(FileType.class))
                                .put(type, file));
            }
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

    /** The provider's files; empty when it has none. */
    Map<FileType, Path> files(String provider) {
        return files.getOrDefault(provider, Map.of());
    }

    /** The file's path relative to the folder, with {@code /} separators, for messages. */
    String display(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
