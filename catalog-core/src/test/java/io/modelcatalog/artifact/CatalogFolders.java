package io.modelcatalog.artifact;

import io.modelcatalog.files.Sha256;
import io.modelcatalog.testing.LegacyCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Catalog folders and zips for the artifact tests: the corpus, folder snapshots, and zips made by hand. */
final class CatalogFolders {

    private CatalogFolders() {}

    /** The legacy dump of the corpus (112 provider files) and its failure history, flat, in {@code folder}. */
    static Path corpus(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path bak;
        try {
            bak = Path.of(LegacyCorpus.class
                    .getClassLoader()
                    .getResource(LegacyCorpus.ROOT + "bak")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.list(bak)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName().toString()));
            }
        }
        Files.write(
                folder.resolve("failed_models.json"),
                Files.readAllBytes(bak.resolveSibling("failed_models.example.json")));
        return folder;
    }

    /**
     * Every file and folder under {@code root}, hidden ones included, as path to bytes ({@code "<folder>"} for a
     * folder, {@code "-> target"} for a link): equal snapshots mean nothing changed.
     */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key, "<folder>");
                } else {
                    out.put(key, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    /** One entry of a hand-made zip. */
    record Entry(String name, byte[] bytes, int unixMode) {
        static Entry file(String name, byte[] bytes) {
            return new Entry(name, bytes, 0);
        }

        static Entry file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A zip of exactly these entries, in this order (duplicates, links and bad names included). */
    static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.name());
                if (e.unixMode() != 0) {
                    z.setUnixMode(e.unixMode());
                }
                zip.putArchiveEntry(z);
                zip.write(e.bytes());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A manifest entry that lists these files with their true sizes and digests. */
    static Entry manifestOf(List<Entry> files) {
        List<CatalogManifest.Entry> listed = new ArrayList<>();
        for (Entry f : files) {
            listed.add(new CatalogManifest.Entry(f.name(), f.bytes().length, Sha256.of(f.bytes())));
        }
        return new Entry(CatalogManifest.ENTRY, new CatalogManifest(listed).toBytes(), 0);
    }
}
