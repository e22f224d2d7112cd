package io.modelcatalog.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a provider's three catalog files live in the output folder: flat ({@code models_<p>.json} ...) as the
 * legacy tool wrote them, or in {@code json/}, {@code txt/} and {@code toml/} sub-folders. The one owner of the
 * catalog's file names and folders.
 */
public enum CatalogLayout {
    LEGACY,
    STRUCTURED;

    /** Shared files of a fetch run, at the top of the output folder in both layouts. */
    public static final String FAILED_MODELS = "failed_models.json";

    public static final String CHUTES_CHUTES = "chutes_chutes.json";

    private static final String PREFIX = "models_";

    /** A catalog file name: the provider (a valid provider name) and the type. */
    private static final Pattern FILE_NAME = Pattern.compile(PREFIX + "([A-Za-z0-9._-]+)\\.(json|txt|toml)");

    public static CatalogLayout parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "legacy" -> LEGACY;
            case "structured" -> STRUCTURED;
            default -> throw new IllegalArgumentException("unknown layout '" + text + "': use legacy or structured");
        };
    }

    /** The name of a provider's file of this type: {@code models_<p>.<ext>}, in both layouts. */
    public static String fileName(String provider, FileType type) {
        return PREFIX + provider + "." + type.extension();
    }

    /**
     * The catalog files of one type in a folder, by provider name, sorted; names that are no catalog file's (such
     * as {@code failed_models.json}) are left out. A hand-made {@code models_x_best.json} is provider {@code x_best}.
     */
    private static SortedMap<String, Path> scan(Path dir, FileType type) throws IOException {
        SortedMap<String, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*." + type.extension())) {
            for (Path p : ds) {
                Matcher m = FILE_NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    out.put(m.group(1), p);
                }
            }
        }
        return out;
    }

    /**
     * Whether a file name is one that a fetch writes in a catalog folder: a provider's {@code models_<p>.*} file,
     * {@code failed_models.json} (and its {@code .broken} copy) or {@code chutes_chutes.json}.
     */
    public static boolean isCatalogFileName(String name) {
        return FILE_NAME.matcher(name).matches()
                || name.equals(FAILED_MODELS)
                || name.equals(FAILED_MODELS + FailedModels.BROKEN_SUFFIX)
                || name.equals(CHUTES_CHUTES);
    }

    /**
     * The layout a provider file belongs to, by its path relative to the catalog folder with {@code /} separators:
     * {@code models_<p>.<ext>} is a legacy file, {@code <ext>/models_<p>.<ext>} a structured one; empty for any
     * other path (the shared files {@link #FAILED_MODELS} and {@link #CHUTES_CHUTES} included).
     */
    public static Optional<CatalogLayout> ofProviderFile(String relativePath) {
        int slash = relativePath.indexOf('/');
        if (slash < 0) {
            return FILE_NAME.matcher(relativePath).matches() ? Optional.of(LEGACY) : Optional.empty();
        }
        String folder = relativePath.substring(0, slash);
        Matcher m = FILE_NAME.matcher(relativePath.substring(slash + 1));
        return m.matches() && m.group(2).equals(folder) ? Optional.of(STRUCTURED) : Optional.empty();
    }

    /** The folder of this layout that holds the files of one type. */
    public Path folder(Path root, FileType type) {
        return this == LEGACY ? root : root.resolve(type.extension());
    }

    /** A provider's file of one type. */
    public Path file(Path root, String provider, FileType type) {
        return folder(root, type).resolve(fileName(provider, type));
    }

    /** The files of one type in a folder of this layout, by provider; see {@link #scan(Path, FileType)}. */
    public Map<String, Path> files(Path root, FileType type) throws IOException {
        return scan(folder(root, type), type);
    }

    public Path json(Path root, String provider) {
        return file(root, provider, FileType.JSON);
    }

    public Path txt(Path root, String provider) {
        return file(root, provider, FileType.TXT);
    }

    public Path toml(Path root, String provider) {
        return file(root, provider, FileType.TOML);
    }
}
