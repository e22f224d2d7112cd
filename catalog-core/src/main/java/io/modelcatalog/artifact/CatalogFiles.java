package io.modelcatalog.artifact;

import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FileType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files of a catalog folder are the catalog, by their paths relative to it with {@code /} separators: the
 * provider files of a layout ({@code models_<p>.json/.txt/.toml}, flat or in {@code json/}, {@code txt/},
 * {@code toml/}), {@code failed_models.json} and {@code chutes_chutes.json}. Anything else a catalog folder may hold
 * ({@code configs/} of generate-configs, a response cache, a user's own files) is not the catalog: it is never
 * packaged and never replaced.
 */
final class CatalogFiles {

    /** The shared files, at the top of the folder in both layouts. */
    static final Set<String> SHARED = Set.of(CatalogLayout.FAILED_MODELS, CatalogLayout.CHUTES_CHUTES);

    private CatalogFiles() {}

    /** Whether a relative path names a catalog file of either layout. */
    static boolean isCatalogFile(String path) {
        return SHARED.contains(path) || CatalogLayout.ofProviderFile(path).isPresent();
    }

    /**
     * The layout of a set of catalog files: the one their provider files share; empty when they mix layouts or hold
     * no provider file.
     */
    static Optional<CatalogLayout> layoutOf(Iterable<String> paths) {
        CatalogLayout found = null;
        for (String p : paths) {
            Optional<CatalogLayout> l = CatalogLayout.ofProviderFile(p);
            if (l.isPresent()) {
                if (found != null && found != l.get()) {
                    return Optional.empty();
                }
                found = l.get();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Why an entry name would lead out of the folder it is unpacked into, or null when it stays inside: an absolute
     * path, a drive letter, a backslash, an empty, {@code .} or {@code ..} segment, a control character.
     */
    static String escapes(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return "a drive letter";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash";
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                return "a control character";
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "a '..' segment";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "an empty or '.' segment";
            }
        }
        return null;
    }

    /**
     * What a package holds: the provider files of the layout every goal reads ({@link CatalogFolder#detect(Path)};
     * the files of the other layout in a folder holding both are left out, as the goals ignore them) and the shared
     * files, sorted. Only regular files (or links to them) count.
     */
    static List<String> packaged(Path root) throws IOException {
        CatalogLayout layout = CatalogFolder.detect(root).layout();
        TreeSet<String> out = new TreeSet<>();
        for (FileType type : FileType.values()) {
            for (Path file : layout.files(root, type).values()) {
                out.add(root.relativize(file).toString().replace('\\', '/'));
            }
        }
        for (String shared : SHARED) {
            if (Files.isRegularFile(root.resolve(shared))) {
                out.add(shared);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * What a replacement takes away before it puts the new catalog in: every file (or link) in the folder with a
     * catalog file's path, of either layout, and the origin record of an earlier replacement; sorted.
     */
    static List<String> present(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        addFiles(root, "", out);
        for (FileType type : FileType.values()) {
            Path folder = root.resolve(type.extension());
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                addFiles(folder, type.extension() + "/", out);
            }
        }
        if (isFileOrLink(root.resolve(CatalogOrigin.FILE))) {
            out.add(CatalogOrigin.FILE);
        }
        return new ArrayList<>(out);
    }

    private static void addFiles(Path folder, String prefix, Set<String> out) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String path = prefix + p.getFileName();
                if (isCatalogFile(path) && isFileOrLink(p)) {
                    out.add(path);
                }
            }
        }
    }

    private static boolean isFileOrLink(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p);
    }
}
