package io.modelcatalog.toolconfigs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manifest of the files generate-configs wrote into a configs folder: {@code .model-catalog-generated.json},
 * each file's path (relative, with {@code /}) and the SHA-256 of the bytes written. It is how {@code clean} knows a
 * file as the plugin's own, where a file cannot say so itself (JSON has no comments, a template's output is the
 * user's format) and where it can: a name alone is never enough.
 *
 * <p>Each run of generate-configs adds what it wrote or found current and drops what it removed or what is gone, so
 * runs for different tools share one manifest. The manifest holds no time stamp: the same files, the same bytes.
 */
public final class GeneratedFiles {

    /** The manifest's name inside the configs folder. */
    public static final String MANIFEST = ".model-catalog-generated.json";

    private static final String GENERATOR = "model-catalog generate-configs";

    private final Map<String, String> digests;

    private GeneratedFiles(Map<String, String> digests) {
        this.digests = digests;
    }

    /** The manifest of a configs folder; empty when there is none. A damaged one fails naming its file. */
    public static GeneratedFiles read(Path configsDir) throws IOException {
        Path file = configsDir.resolve(MANIFEST);
        Map<String, String> digests = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return new GeneratedFiles(digests);
        }
        JsonNode doc;
        try {
            doc = JsonDocuments.parse(Files.readAllBytes(file), file.toString());
        } catch (DocumentParseException e) {
            throw new IOException(file + " is not the manifest generate-configs writes (" + e.getMessage()
                    + "); delete it, then run generate-configs again to rewrite it");
        }
        JsonNode files = doc.path("files");
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            digests.put(e.getKey(), e.getValue().asText());
        }
        return new GeneratedFiles(digests);
    }

    /**
     * Records a run of generate-configs: {@code current} (every file the run produced, written or unchanged) with
     * the digests of their bytes; {@code removed} and files that no longer exist are dropped. Writes the manifest
     * only when it changed.
     */
    public static void record(Path configsDir, Map<Path, byte[]> current, Collection<Path> removed) throws IOException {
        record(configsDir, current, Map.of(), removed);
    }

    /**
     * As {@link #record(Path, Map, Collection)}, with files of the run that were not rendered again ({@code kept},
     * with the SHA-256 of the bytes they hold): their entries are made anew, so a manifest edited by hand is
     * repaired even when no file was rendered.
     */
    public static void record(
            Path configsDir, Map<Path, byte[]> current, Map<Path, String> kept, Collection<Path> removed)
            throws IOException {
        GeneratedFiles manifest = read(configsDir);
        Set<Path> gone = new HashSet<>();
        removed.forEach(r -> gone.add(r.toAbsolutePath().normalize()));
        Map<String, String> next = new TreeMap<>();
        for (Map.Entry<String, String> e : manifest.digests.entrySet()) {
            Optional<Path> f = manifest.resolve(configsDir, e.getKey());
            if (f.isPresent() && Files.isRegularFile(f.get()) && !gone.contains(f.get())) {
                next.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<Path, byte[]> e : current.entrySet()) {
            next.put(relative(configsDir, e.getKey()), Sha256.of(e.getValue()));
        }
        kept.forEach((f, digest) -> next.put(relative(configsDir, f), digest));
        if (next.equals(manifest.digests) && Files.isRegularFile(configsDir.resolve(MANIFEST))) {
            return;
        }
        AtomicFiles.writeIfChanged(configsDir.resolve(MANIFEST), toBytes(next));
    }

    /** The recorded files, relative path to SHA-256 (hex), in path order. */
    public Map<String, String> digests() {
        return Map.copyOf(digests);
    }

    /** A recorded path as a file inside {@code configsDir}; empty for a path that would leave the folder. */
    public Optional<Path> resolve(Path configsDir, String relative) {
        Path base = configsDir.toAbsolutePath().normalize();
        Path f = base.resolve(relative).normalize();
        return f.startsWith(base) && !f.equals(base) ? Optional.of(f) : Optional.empty();
    }

    /** The manifest's bytes for these entries. */
    static byte[] toBytes(Map<String, String> digests) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("generator", GENERATOR);
        ObjectNode files = root.putObject("files");
        new TreeMap<>(digests).forEach(files::put);
        byte[] body = PythonJsonWriter.toBytes(root);
        byte[] out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, body.length);
        out[body.length] = '\n';
        return out;
    }

    static String relative(Path configsDir, Path file) {
        Path rel = configsDir
                .toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace(File.separatorChar, '/');
    }
}
