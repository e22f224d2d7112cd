package io.modelcatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.UrlCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy failure-tracking file {@code failed_models.json}: an object keyed by provider. Read as the legacy
 * tool wrote it, so a team's history carries over; entries and fields this class does not know are kept.
 *
 * <p>A failure replaces the provider's entry with {@code {"failed": true, "error": ..., "last_attempt": ...}};
 * a success sets {@code "failed": false} and {@code "last_success"} on an existing entry and keeps its other
 * fields; a provider without an entry gets none on success. Not thread-safe: the fetch run updates it from
 * one thread after all providers completed.
 */
public final class FailedModels {

    /** Python's {@code datetime.isoformat()}: microseconds only when non-zero. */
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ObjectNode root;

    private FailedModels(ObjectNode root) {
        this.root = root;
    }

    public static FailedModels empty() {
        return new FailedModels(JsonNodeFactory.instance.objectNode());
    }

    /**
     * Reads the file, or gives an empty record when it does not exist.
     *
     * @throws DocumentParseException when the file is not JSON or not an object (naming file, line, column)
     */
    public static FailedModels read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        JsonNode node = JsonDocuments.parse(Files.readAllBytes(file), file.toString());
        if (!node.isObject()) {
            throw new DocumentParseException(
                    file.toString(), 1, 1, "expected an object keyed by provider name, found " + node.getNodeType());
        }
        return new FailedModels((ObjectNode) node);
    }

    /** Suffix of the copy that {@link #readOrSetAside(Path)} keeps of a damaged file. */
    public static final String BROKEN_SUFFIX = ".broken";

    /**
     * What {@link #readOrSetAside(Path)} found.
     *
     * @param history the history read, or an empty one when the file was damaged
     * @param damage  when the file could not be read: the copy kept and the parse error
     */
    public record Loaded(FailedModels history, Optional<SetAside> damage) {}

    /**
     * A damaged history file, copied beside itself before a run replaces it.
     *
     * @param file    the damaged file
     * @param copy    {@code failed_models.json.broken}, holding its bytes
     * @param problem the parse error (file, line, column)
     */
    public record SetAside(Path file, Path copy, String problem) {}

    /**
     * Reads the file for a run that will rewrite it. The file is a history, not the catalog: when it is empty,
     * not JSON or not an object, its bytes are copied to {@code failed_models.json.broken} (replacing an older
     * copy) and the run goes on with an empty history, instead of failing every fetch.
     *
     * @throws IOException when the file cannot be read, or the copy cannot be written
     */
    public static Loaded readOrSetAside(Path file) throws IOException {
        try {
            return new Loaded(read(file), Optional.empty());
        } catch (DocumentParseException e) {
            Path copy = file.resolveSibling(file.getFileName() + BROKEN_SUFFIX);
            AtomicFiles.write(copy, Files.readAllBytes(file));
            return new Loaded(empty(), Optional.of(new SetAside(file, copy, e.getMessage())));
        }
    }

    /** Records a failure, replacing the provider's entry; credentials in a URL the error quotes are masked. */
    public void recordFailure(String provider, String error, LocalDateTime attempt) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("failed", true);
        entry.put("error", UrlCredentials.mask(error));
        entry.put("last_attempt", pythonIsoFormat(attempt));
        root.set(provider, entry);
    }

    /** Records a success on an existing entry; does nothing for a provider without one. */
    public void recordSuccess(String provider, String lastSuccess) {
        JsonNode existing = root.get(provider);
        if (existing instanceof ObjectNode entry) {
            entry.put("failed", false);
            entry.put("last_success", lastSuccess);
        }
    }

    /** Providers whose entry says {@code "failed": true}, in file order. */
    public List<String> failedProviders() {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("failed").asBoolean(false)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Every provider with an entry, in file order. */
    public List<String> providers() {
        List<String> out = new ArrayList<>();
        root.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The provider's entry as read or recorded. */
    public Optional<JsonNode> entry(String provider) {
        return Optional.ofNullable(root.get(provider));
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    /** The file's bytes, as Python's {@code json.dump(indent=2)}. */
    public byte[] toBytes() {
        return PythonJsonWriter.toBytes(root);
    }

    static String pythonIsoFormat(LocalDateTime t) {
        return t.get(ChronoField.MICRO_OF_SECOND) == 0 ? ISO_SECONDS.format(t) : ISO_MICROS.format(t);
    }
}
