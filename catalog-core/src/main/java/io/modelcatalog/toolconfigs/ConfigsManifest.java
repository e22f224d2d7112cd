package io.modelcatalog.toolconfigs;

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
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an earlier {@code generate-configs} run into the same folder built each provider's files from (a digest of
 * its inputs) and what the files held ({@link FileStamp}s), so that a rerun renders again only the providers whose
 * inputs changed or whose files were edited, deleted or replaced; the others are neither read, normalized, rendered
 * nor written (the up-to-date check of build tools, such as spotless' fingerprint).
 *
 * <p>Kept outside the configs folder, which users may version: {@code <state>/generate-configs/<key>.json}, the key
 * a digest of the catalog and configs folders. A missing, unreadable or foreign manifest only means a full run.
 */
final class ConfigsManifest {

    private final Path file;
    private final ObjectNode inputs;
    private final ObjectNode providers;
    private boolean dirty;

    private ConfigsManifest(Path file, ObjectNode inputs, ObjectNode providers) {
        this.file = file;
        this.inputs = inputs;
        this.providers = providers;
    }

    /** The manifest of runs from {@code catalogDir} into {@code outputDir}, kept under {@code stateDir}. */
    static ConfigsManifest load(Path stateDir, Path catalogDir, Path outputDir) throws IOException {
        return load(stateDir, catalogDir, outputDir, false);
    }

    /**
     * As {@link #load(Path, Path, Path)}; {@code fresh} ignores what earlier runs recorded (every provider is
     * rendered again), and the run records anew.
     */
    static ConfigsManifest load(Path stateDir, Path catalogDir, Path outputDir, boolean fresh) throws IOException {
        Path file = stateFile(stateDir, catalogDir, outputDir, ".json");
        JsonNode m = null;
        try {
            m = fresh ? null : JsonDocuments.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException | DocumentParseException e) {
            // none yet, or damaged: a full run writes a new one
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        boolean usable =
                m != null && m.path("inputs").isObject() && m.path("providers").isObject();
        return new ConfigsManifest(
                file,
                usable ? (ObjectNode) m.get("inputs") : f.objectNode(),
                usable ? (ObjectNode) m.get("providers") : f.objectNode());
    }

    /**
     * A file of the state kept for runs from {@code catalogDir} into {@code outputDir}:
     * {@code <state>/generate-configs/<key><suffix>}, the key a digest of both folders.
     */
    static Path stateFile(Path stateDir, Path catalogDir, Path outputDir, String suffix) {
        String key = Sha256.of((catalogDir.toAbsolutePath().normalize() + "\n"
                                + outputDir.toAbsolutePath().normalize())
                        .getBytes(StandardCharsets.UTF_8))
                .substring(0, 24);
        return stateDir.resolve("generate-configs").resolve(key + suffix);
    }

    /**
     * The SHA-256 of an input file (a catalog file): as recorded when its attributes did not move, else hashed (and
     * recorded).
     */
    String digest(Path input) throws IOException {
        String key = input.toAbsolutePath().normalize().toString();
        FileStamp recorded = FileStamp.fromJson(inputs.get(key));
        if (recorded != null && recorded.check(input) == FileStamp.Check.SAME) {
            return recorded.sha256();
        }
        byte[] bytes = Files.readAllBytes(input);
        Optional<FileStamp> now = FileStamp.ofWritten(input, bytes);
        if (now.isPresent()) {
            inputs.set(key, now.get().toJson());
            dirty = true;
        }
        return Sha256.of(bytes);
    }

    /** What a kept provider's run gave: its summary line and its files, each with its stamp as just checked. */
    record Kept(GenerateConfigsResult.ProviderSummary summary, Map<Path, FileStamp> files) {}

    /**
     * The provider's earlier result, when it was built from these inputs and every one of its files still holds the
     * recorded bytes; else empty. Files only touched (same bytes) get their new attributes recorded.
     */
    Optional<Kept> unchanged(String provider, String inputsDigest) throws IOException {
        JsonNode p = providers.get(provider);
        if (p == null
                || !inputsDigest.equals(p.path("inputs").asText(null))
                || !p.path("files").isObject()) {
            return Optional.empty();
        }
        Map<Path, FileStamp> files = new LinkedHashMap<>();
        ObjectNode refreshed = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FileStamp stamp = FileStamp.fromJson(e.getValue());
            Path path = Path.of(e.getKey());
            if (stamp == null) {
                return Optional.empty();
            }
            FileStamp now = stamp;
            switch (stamp.check(path)) {
                case SAME -> refreshed.set(e.getKey(), e.getValue());
                case SAME_BYTES -> {
                    now = stamp.refreshed(path).orElse(stamp);
                    refreshed.set(e.getKey(), now.toJson());
                    dirty = true;
                }
                case CHANGED -> {
                    return Optional.empty();
                }
            }
            files.put(path, now);
        }
        ((ObjectNode) p).set("files", refreshed);
        return Optional.of(new Kept(
                new GenerateConfigsResult.ProviderSummary(
                        provider,
                        p.path("models").asInt(),
                        p.path("filtered").asInt(),
                        p.path("fromLiteLlm").asInt()),
                Collections.unmodifiableMap(files)));
    }

    /** Records a provider's files, just written (or found holding these bytes), for these inputs. */
    void put(
            String provider,
            String inputsDigest,
            GenerateConfigsResult.ProviderSummary summary,
            Map<Path, byte[]> written)
            throws IOException {
        ObjectNode files = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Path, byte[]> f : written.entrySet()) {
            Optional<FileStamp> stamp = FileStamp.ofWritten(f.getKey(), f.getValue());
            if (stamp.isEmpty()) {
                forget(provider); // replaced meanwhile: nothing vouches for it
                return;
            }
            files.set(
                    f.getKey().toAbsolutePath().normalize().toString(),
                    stamp.get().toJson());
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("inputs", inputsDigest);
        p.put("models", summary.models());
        p.put("filtered", summary.filtered());
        p.put("fromLiteLlm", summary.fromLiteLlm());
        p.set("files", files);
        providers.set(provider, p);
        dirty = true;
    }

    /** Drops a provider: its next run renders it. */
    void forget(String provider) {
        if (providers.remove(provider) != null) {
            dirty = true;
        }
    }

    /** Writes the manifest when anything in it changed. */
    void save() throws IOException {
        if (!dirty) {
            return;
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.set("inputs", inputs);
        m.set("providers", providers);
        AtomicFiles.write(file, PythonJsonWriter.toBytes(m));
        dirty = false;
    }
}
