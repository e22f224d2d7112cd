package io.modelcatalog.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a catalog zip holds, as its first entry {@value #ENTRY} says: every file's path (relative to the catalog
 * folder, {@code /} separators), size and SHA-256, sorted by path.
 *
 * <pre>
 * {
 *   "format": 1,
 *   "files": [
 *     {
 *       "path": "models_groq.json",
 *       "size": 5734,
 *       "sha256": "(64 lowercase hex digits)"
 *     }
 *   ]
 * }
 * </pre>
 *
 * @param files the files, sorted by path
 */
public record CatalogManifest(List<Entry> files) {

    /** The manifest's entry in the zip. */
    public static final String ENTRY = "META-INF/model-catalog/manifest.json";

    /** Bump when the manifest's meaning changes; a reader refuses a format it does not know. */
    static final int FORMAT = 1;

    /** The most bytes a manifest may have: a catalog of 100,000 providers' files lists in far less. */
    static final long MOST_BYTES = 16L << 20;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One file.
     *
     * @param path   relative to the catalog folder, {@code /} separators
     * @param size   its size in bytes
     * @param sha256 its SHA-256, lowercase hex
     */
    public record Entry(String path, long size, String sha256) {}

    public CatalogManifest {
        files = List.copyOf(files);
    }

    /** The sum of the files' sizes. */
    public long totalSize() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    /** The manifest's bytes: JSON, indent 2, ASCII, no trailing newline. */
    byte[] toBytes() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", FORMAT);
        ArrayNode list = m.putArray("files");
        for (Entry e : files) {
            ObjectNode f = list.addObject();
            f.put("path", e.path());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
        }
        return PythonJsonWriter.toBytes(m);
    }

    /**
     * Reads and checks a manifest: a known format, and files that each name a catalog file inside the folder, once,
     * with a size and a SHA-256, all of one layout.
     *
     * @throws CatalogArtifactException ({@link CatalogArtifactException.Reason#BAD_MANIFEST}, or
     *     {@link CatalogArtifactException.Reason#OUTSIDE_FOLDER} for a path that leads out) naming what is wrong
     */
    static CatalogManifest parse(byte[] bytes, Path zip) throws CatalogArtifactException {
        JsonNode m;
        try {
            m = JsonDocuments.parse(bytes, ENTRY);
        } catch (DocumentParseException e) {
            throw bad(zip, null, e.getMessage());
        }
        if (!m.path("format").canConvertToInt() || m.get("format").asInt() != FORMAT) {
            throw bad(
                    zip,
                    null,
                    ENTRY + " is of format " + m.path("format") + "; this version reads format " + FORMAT
                            + ": read it with the version that packaged it, or a newer one");
        }
        JsonNode list = m.get("files");
        if (list == null || !list.isArray()) {
            throw bad(zip, null, ENTRY + " has no \"files\" list");
        }
        List<Entry> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode f : list) {
            String path = f.path("path").isTextual() ? f.get("path").asText() : null;
            if (path == null
                    || !f.path("size").canConvertToLong()
                    || f.get("size").asLong() < 0
                    || !SHA256.matcher(f.path("sha256").asText("")).matches()) {
                throw bad(
                        zip,
                        path,
                        ENTRY + " lists a file without a path, a size and a SHA-256 (64 lowercase hex" + " digits): "
                                + oneLine(f.toString()));
            }
            String escape = CatalogFiles.escapes(path);
            if (escape != null) {
                throw new CatalogArtifactException(
                        CatalogArtifactException.Reason.OUTSIDE_FOLDER,
                        zip,
                        path,
                        zip + ": " + ENTRY + " lists " + quoted(path) + ", which leads out of the catalog folder ("
                                + escape + ")");
            }
            if (!CatalogFiles.isCatalogFile(path)) {
                throw bad(
                        zip,
                        path,
                        ENTRY + " lists " + quoted(path) + ", which is no catalog file (models_<p>.json,"
                                + " .txt, .toml flat or in json/, txt/, toml/; failed_models.json; chutes_chutes.json)");
            }
            if (!seen.add(path)) {
                throw bad(zip, path, ENTRY + " lists " + quoted(path) + " twice");
            }
            files.add(new Entry(path, f.get("size").asLong(), f.get("sha256").asText()));
        }
        if (CatalogFiles.layoutOf(seen).isEmpty()) {
            throw bad(
                    zip,
                    null,
                    ENTRY
                            + (files.stream().anyMatch(e -> !CatalogFiles.SHARED.contains(e.path()))
                                    ? " lists provider files of both layouts (flat and in json/, txt/, toml/)"
                                    : " lists no provider file (models_<p>.json)"));
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return new CatalogManifest(files);
    }

    static String quoted(String path) {
        return "'" + oneLine(path) + "'";
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static CatalogArtifactException bad(Path zip, String entry, String why) {
        return new CatalogArtifactException(CatalogArtifactException.Reason.BAD_MANIFEST, zip, entry, zip + ": " + why);
    }
}
