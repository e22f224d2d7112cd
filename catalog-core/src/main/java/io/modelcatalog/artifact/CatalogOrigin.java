package io.modelcatalog.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the catalog in a folder came from when it was put there from an artifact: the run record
 * {@value #FILE} beside the catalog's files. It names the artifact as resolved, the version, what was asked for
 * (a version range, say), the repository it came from, the zip's SHA-256 and what it held. It holds no time, so the
 * same artifact gives the same record; a fetch from the providers that changes the catalog removes it.
 *
 * @param artifact   the artifact as resolved, such as {@code com.example:models:zip:catalog:1.2.0}
 * @param version    the version resolved
 * @param requested  what was asked for, such as {@code com.example:models:[1.0,2.0)}
 * @param repository where the zip came from (a repository's id and address, or the local repository)
 * @param sha256     the zip's SHA-256, lowercase hex
 * @param files      how many files it held
 * @param bytes      their size together
 */
public record CatalogOrigin(
        String artifact, String version, String requested, String repository, String sha256, int files, long bytes) {

    /** The record's name in the catalog folder. */
    public static final String FILE = "catalog-origin.json";

    /** What the caller knows of the artifact before the zip is read; the rest comes from the zip. */
    public record Artifact(String artifact, String version, String requested, String repository) {}

    /** The record's bytes: JSON, indent 2, ASCII, no trailing newline. */
    byte[] toBytes() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("artifact", artifact);
        n.put("version", version);
        n.put("requested", requested);
        n.put("repository", repository);
        n.put("sha256", sha256);
        n.put("files", files);
        n.put("bytes", bytes);
        return PythonJsonWriter.toBytes(n);
    }

    /** The record of a folder; empty when it has none, or one that cannot be read. */
    public static Optional<CatalogOrigin> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        JsonNode n;
        try {
            n = JsonDocuments.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException | DocumentParseException e) {
            return Optional.empty();
        }
        if (!n.path("artifact").isTextual() || !n.path("sha256").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new CatalogOrigin(
                n.get("artifact").asText(),
                n.path("version").asText(""),
                n.path("requested").asText(""),
                n.path("repository").asText(""),
                n.get("sha256").asText(),
                n.path("files").asInt(),
                n.path("bytes").asLong()));
    }

    /**
     * Removes the record of a folder whose catalog no longer is the artifact's.
     *
     * @return whether there was one
     */
    public static boolean forget(Path folder) throws IOException {
        return Files.deleteIfExists(folder.resolve(FILE));
    }
}
