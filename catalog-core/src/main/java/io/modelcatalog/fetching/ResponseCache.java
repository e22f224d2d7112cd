package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Raw response bodies per provider with their validators ({@code ETag}, {@code Last-Modified}), so that a later
 * run can send a conditional request and rebuild identical outputs from a 304, and an offline run can build
 * from the cache alone. A folder of recorded responses is thereby also a replay source.
 *
 * <p>Layout: {@code <dir>/<provider>/<entry>.body} and {@code <entry>.meta.json}, written atomically under an
 * exclusive lock on {@code <dir>/<provider>/.lock}, so two builds sharing the folder never see half an entry.
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

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    private static <T> T withLock(Path folder, LockedAction<T> action) throws IOException {
        Files.createDirectories(folder);
        try (FileChannel channel =
                FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = acquire(channel);
            try {
                return action.run();
            } finally {
                lock.release();
            }
        }
    }

    /** Another build (process) blocks in {@code lock()}; another thread of this JVM holding it makes us wait here. */
    private static FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("cache entry stayed locked for 60 s: " + channel);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the cache lock", ie);
                }
            }
        }
    }
}
