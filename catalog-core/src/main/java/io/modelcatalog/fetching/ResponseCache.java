package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileLocks;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Entries: {@code models} (the model list, all pages merged) and {@code chutes} (the Chutes enrichment). The meta
 * data also holds the body's SHA-256 and the body file's attributes ({@link FileStamp}), so that a 304 can be
 * trusted without reading the body, and a damaged body is noticed; {@code outputs.json} beside the entries is the
 * output manifest of {@link OutputManifest}.
 */
public final class ResponseCache {

    /** The model-list entry. */
    public static final String MODELS = "models";

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /**
     * A cached body with the validators and {@code Date} it came with.
     *
     * @param stamp what vouches for the body file (its digest and attributes when it was written); null for an entry
     *     to be written, or one written before stamps were kept
     */
    public record Entry(String url, byte[] body, String etag, String lastModified, String date, FileStamp stamp) {

        public Entry(String url, byte[] body, String etag, String lastModified, String date) {
            this(url, body, etag, lastModified, date, null);
        }

        /** Whether the body is the one the entry was written with (true for an entry without a stamp). */
        public boolean bodyAsWritten() {
            return stamp == null || Sha256.of(body).equals(stamp.sha256());
        }
    }

    /**
     * An entry's meta data, read without its body.
     *
     * @param body the body file's stamp, null for an entry written before stamps were kept
     */
    public record Meta(String url, String etag, String lastModified, String date, FileStamp body) {}

    /** The entry, or empty when there is none or it is unreadable (a broken entry is treated as absent). */
    public Optional<Entry> read(ProviderDefinition provider, String entry) throws IOException {
        Path folder = folder(provider);
        Path body = bodyFile(provider, entry);
        Path meta = folder.resolve(entry + ".meta.json");
        if (!Files.isRegularFile(body) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        return withLock(folder, () -> {
            Optional<Meta> m = parseMeta(meta);
            if (m.isEmpty()) {
                return Optional.<Entry>empty();
            }
            Meta v = m.get();
            return Optional.of(
                    new Entry(v.url(), Files.readAllBytes(body), v.etag(), v.lastModified(), v.date(), v.body()));
        });
    }

    /**
     * An entry's meta data without reading its body (the file is replaced atomically, so no lock is needed), or
     * empty when there is none, it is unreadable or its body is gone.
     */
    public Optional<Meta> meta(ProviderDefinition provider, String entry) throws IOException {
        Path meta = folder(provider).resolve(entry + ".meta.json");
        return Files.isRegularFile(meta) && Files.isRegularFile(bodyFile(provider, entry))
                ? parseMeta(meta)
                : Optional.empty();
    }

    /**
     * Whether the entry's body file still holds the bytes its meta data describes: cheap when the file's attributes
     * are as recorded, else it is hashed. False for an entry without a stamp.
     */
    public boolean intact(ProviderDefinition provider, String entry, Meta meta) throws IOException {
        return meta.body() != null && meta.body().matches(bodyFile(provider, entry));
    }

    private static Optional<Meta> parseMeta(Path meta) throws IOException {
        try {
            JsonNode m = JsonDocuments.parse(Files.readAllBytes(meta), meta.toString());
            return Optional.of(new Meta(
                    text(m, "url"),
                    text(m, "etag"),
                    text(m, "lastModified"),
                    text(m, "date"),
                    FileStamp.fromJson(m.get("body"))));
        } catch (DocumentParseException | NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Stores a body and its validators, replacing the previous entry. */
    public void write(ProviderDefinition provider, String entry, Entry value) throws IOException {
        write(provider, entry, value, Sha256.of(value.body()));
    }

    /**
     * {@link #write(ProviderDefinition, String, Entry)} for a body whose SHA-256 is known already.
     *
     * @param digest the SHA-256 of {@code value.body()}, lowercase hex
     */
    void write(ProviderDefinition provider, String entry, Entry value, String digest) throws IOException {
        Path folder = folder(provider);
        Files.createDirectories(folder);
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("url", value.url());
        meta.put("etag", value.etag());
        meta.put("lastModified", value.lastModified());
        meta.put("date", value.date());
        Path bodyFile = folder.resolve(entry + ".body");
        withLock(folder, () -> {
            // the same bytes as the cached body (a 200 that repeats it) keep the body file and its stamp
            Optional<Meta> old = meta(provider, entry);
            FileStamp stamp =
                    old.map(Meta::body).filter(b -> b.sha256().equals(digest)).orElse(null);
            if (stamp == null || !stamp.matches(bodyFile)) {
                // body first: a reader that sees the new meta always finds the new body
                AtomicFiles.write(bodyFile, value.body());
                // the digest is the body's already: hashing megabytes twice costs a cold JVM tens of milliseconds
                stamp = FileStamp.ofWritten(bodyFile, value.body().length, digest)
                        .orElse(null);
            }
            if (stamp != null) {
                meta.set("body", stamp.toJson());
            }
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
