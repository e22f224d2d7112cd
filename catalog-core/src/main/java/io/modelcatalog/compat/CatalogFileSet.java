package io.modelcatalog.compat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code models_<p>.json/.txt/.toml} files of one catalog folder, by provider and type. Reads both layouts:
 * flat (the legacy dump) and structured ({@code json/}, {@code txt/}, {@code toml/}); a structured folder's
 * files win over flat ones of the same name. Other files (such as {@code failed_models.json}) are not listed.
 *
 * <p>Providers are whatever the file names say: a hand-made {@code models_x_best.json} is provider
 * {@code x_best}, with only a json file.
 */
final class CatalogFileSet {

    private static final Pattern FILE = Pattern.compile("models_([A-Za-z0-9._-]+)\\.(json|txt|toml)");

    private final Path root;
    private final Map<String, Map<FileType, Path>> files;

    private CatalogFileSet(Path root, Map<String, Map<FileType, Path>> files) {
        this.root = root;
        this.files = files;
    }

    static CatalogFileSet scan(Path root) throws IOException {
        Map<String, Map<FileType, Path>> files = new TreeMap<>();
        collect(root, null, files);
        for (FileType type : FileType.values()) {
            collect(root.resolve(type.extension()), type, files);
        }
        return new CatalogFileSet(root, files);
    }

    private static void collect(Path dir, FileType only, Map<String, Map<FileType, Path>> into) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "models_*")) {
            for (Path p : ds) {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    continue;
                }
                FileType type = FileType.ofExtension(m.group(2));
                if (only != null && type != only) {
                    continue;
                }
                into.computeIfAbsent(m.group(1), k -> new EnumMap<>(FileType.class))
                        .put(type, p);
            }
        }
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
