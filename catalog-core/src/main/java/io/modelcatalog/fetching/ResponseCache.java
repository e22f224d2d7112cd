package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileLocks;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Raw response bodies per provider with their validators ({@code ETag}, {@code Last-Modified}), so that a later
 * run can send a conditional request and rebuild identical outputs from a 304, and an offline run can build
 * from the cache alone. A folder of recorded responses is thereby also a replay source.
 *
 * <p>Layout: {@code <dir>/<provider>/<entry>.body} and {@code <entry>.meta.json}, written atomically under an
 * exclusive lock on {@code <dir>/<provider>/.lock} ({@link FileLocks}: no false deadlock between two builds, no
 * lock lost to another thread's channel), so two builds sharing the folder never see half an entry.
 * Entries: {@code models} (the model list, all pages merged) and {@code chutes} (the Chutes enrichment).
 */
public final class ResponseCache {

    /** The model-list entry. */
    public static final String MODELS = "models";

    /** The default cache folder, relative to the user's home folder. */
    public static final String DEFAULT_FOLDER = ".cache/model-catalog";

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    /** The default cache folder in the given home folder. */
    public static Path defaultDirectory(Path home) {
        return home.resolve(DEFAULT_FOLDER);
    }

    public Path directory() {
        return dir;
    }

    /** A cached body with the validators and {@code Date} it came with. */
    public record Entry(String url, byte[] body, String etag, String lastModified, String date) {}

    /** The entry, or empty when there is none or it is unreadable (a broken entry is treated as absent). */
    public Optional<Entry> read(ProviderDefinition provider, String entry) throws IOException {
        Path folder = folder(provider);
        Path body = bodyFile(provider, entry);
        Path meta = folder.resolve(entry + ".meta.json");
        if (!Files.isRegularFile(body) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        return withLock(folder, () -> {
            try {
                JsonNode m = JsonDocuments.parse(Files.readAllBytes(meta), meta.toString());
                return Optional.of(new Entry(
                        text(m, "url"),
                        Files.readAllBytes(body),
                        text(m, "etag"),
                        text(m, "lastModified"),
                        text(m, "date")));
            } catch (DocumentParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Stores a body and its validators, replacing the previous entry. */
    public void write(ProviderDefinition provider, String entry, Entry value) throws IOException {
        Path folder = folder(provider);
        Files.createDirectories(folder);
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("url", value.url());
        meta.put("etag", value.etag());
        meta.put("lastModified", value.lastModified());
        meta.put("date", value.date());
        withLock(folder, () -> {
            // body first: a reader that sees the new meta always finds the new body
            AtomicFiles.write(folder.resolve(entry + ".body"), value.body());
            AtomicFiles.write(folder.resolve(entry + ".meta.json"), PythonJsonWriter.toBytes(meta));
            return null;
        });
    }

    /** Whether a file name is one of an entry's two files ({@code <entry>.body}, {@code <entry>.meta.json}). */
    public static boolean isEntryFileName(String name) {
        return name.endsWith(".body") || name.endsWith(".meta.json");
    }

    /** The file holding an entry's body, for messages. */
    public Path bodyFile(ProviderDefinition provider, String entry) {
        return folder(provider).resolve(entry + ".body");
    }

    private Path folder(ProviderDefinition provider) {
        // provider names are validated as [A-Za-z0-9._-]+, so this stays inside dir
        return dir.resolve(provider.name());
    }

    private static String text(JsonNode meta, String field) {
        JsonNode v = meta.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** How long another build may hold a provider's entries locked before a read or write gives up. */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static <T> T withLock(Path folder, FileLocks.Locked<T> action) throws IOException {
        return FileLocks.withLock(folder.resolve(".lock"), LOCK_TIMEOUT, action);
    }
}
