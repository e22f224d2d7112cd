package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one provider's catalog files were last built from and what they held, so that a run whose responses are the
 * cached ones (a 304, or the same bytes again) can leave the files alone without parsing, sorting or writing: the
 * files are kept only when every one of them still holds the recorded bytes ({@link FileStamp}: its attributes as
 * recorded, or else its hash), so a file edited, truncated or deleted by hand is rebuilt.
 *
 * <p>Kept in the response cache beside the provider's entries, as {@code <cache>/<provider>/outputs.json}: the
 * digest of the inputs (the bodies' SHA-256, the provider's name, base URL and key variable as the TOML file shows
 * them, the library's version, the output paths) and a stamp per file. A manifest that does not match in any part
 * just means a full rebuild, which writes a new one.
 */
final class OutputManifest {

    static final String FILE = "outputs.json";

    /** Bump when the manifest's meaning changes. */
    private static final String FORMAT = "1";

    private final Path file;

    /** The manifest of the provider whose cache folder is {@code providerCacheFolder}. */
    OutputManifest(Path providerCacheFolder) {
        this.file = providerCacheFolder.resolve(FILE);
    }

    /**
     * The digest of everything that decides a provider's output bytes besides the code: the bodies (their SHA-256,
     * none may be null), the values the TOML file spells out, the output paths.
     */
    static String inputs(
            String code,
            String provider,
            String configBaseUrl,
            String apiKeyEnv,
            List<String> bodyDigests,
            List<Path> outputs) {
        StringBuilder s = new StringBuilder();
        s.append("format ").append(FORMAT).append('\n');
        s.append("code ").append(code).append('\n');
        s.append("provider ").append(provider).append('\n');
        s.append("base_url ").append(configBaseUrl).append('\n');
        s.append("api_key_env ").append(apiKeyEnv).append('\n');
        for (String d : bodyDigests) {
            s.append("body ").append(d).append('\n');
        }
        for (Path p : outputs) {
            s.append("file ").append(p.toAbsolutePath()).append('\n');
        }
        return Sha256.of(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The number of models of the files, when the manifest was written for these inputs and every file still holds
     * the recorded bytes; empty otherwise (no manifest, other inputs, a file changed or gone). A file that was only
     * touched (attributes moved, bytes the same) gets its new attributes recorded, so the next check is cheap again.
     */
    OptionalInt unchanged(String inputs) throws IOException {
        JsonNode m = read();
        if (m == null
                || !inputs.equals(m.path("inputs").asText(null))
                || !m.path("models").canConvertToInt()) {
            return OptionalInt.empty();
        }
        JsonNode files = m.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            return OptionalInt.empty();
        }
        boolean touched = false;
        Map<Path, FileStamp> stamps = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FileStamp stamp = FileStamp.fromJson(e.getValue());
            if (stamp == null) {
                return OptionalInt.empty();
            }
            Path path = Path.of(e.getKey());
            switch (stamp.check(path)) {
                case SAME -> stamps.put(path, stamp);
                case SAME_BYTES -> {
                    touched = true;
                    stamps.put(path, stamp.refreshed(path).orElse(stamp));
                }
                case CHANGED -> {
                    return OptionalInt.empty();
                }
            }
        }
        int models = m.get("models").asInt();
        if (touched) {
            write(inputs, models, stamps);
        }
        return OptionalInt.of(models);
    }

    /**
     * Records the files just written (or found holding these bytes already) for these inputs. A file that another
     * writer replaced meanwhile gets no stamp, so the manifest is not written and the next run rebuilds.
     */
    void record(String inputs, int models, Map<Path, AtomicFiles.Written> written) throws IOException {
        Map<Path, FileStamp> stamps = new LinkedHashMap<>();
        for (Map.Entry<Path, AtomicFiles.Written> f : written.entrySet()) {
            Optional<FileStamp> stamp = FileStamp.ofWritten(
                    f.getKey(), f.getValue().size(), f.getValue().sha256());
            if (stamp.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            stamps.put(f.getKey(), stamp.get());
        }
        write(inputs, models, stamps);
    }

    /** Removes the manifest: the files no longer are what it describes. */
    void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private void write(String inputs, int models, Map<Path, FileStamp> stamps) throws IOException {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("inputs", inputs);
        m.put("models", models);
        ObjectNode files = m.putObject("files");
        stamps.forEach((path, stamp) -> files.set(path.toAbsolutePath().toString(), stamp.toJson()));
        AtomicFiles.write(file, PythonJsonWriter.toBytes(m));
    }

    private JsonNode read() throws IOException {
        try {
            return JsonDocuments.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException | DocumentParseException e) {
            return null;
        }
    }
}
