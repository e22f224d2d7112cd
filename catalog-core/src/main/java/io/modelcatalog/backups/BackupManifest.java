package io.modelcatalog.backups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A backup's {@code manifest.json}: for each file its original path and either {@code "absent": true} or its
 * sha256, POSIX mode and the name of its copy in the backup's folder.
 *
 * <pre>
 * {
 *   "format" : 1,
 *   "id" : "20250614T093012Z-001",
 *   "files" : [ {
 *     "path" : "/home/me/.config/aichat/config.yaml",
 *     "absent" : false,
 *     "sha256" : "9f86d0…",
 *     "mode" : "rw-------",
 *     "copy" : "01-config.yaml"
 *   }, {
 *     "path" : "/home/me/.config/opencode/opencode.json",
 *     "absent" : true
 *   } ]
 * }
 * </pre>
 */
final class BackupManifest {

    static final String FILE_NAME = "manifest.json";

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MODE = Pattern.compile("[r-][w-][x-][r-][w-][x-][r-][w-][x-]");
    /** A copy's name: a number, a dash, a file name without separators (so it cannot point outside the folder). */
    private static final Pattern COPY = Pattern.compile("[0-9]+-[A-Za-z0-9._-]+");

    /** A manifest that cannot be read, with what is wrong with it. */
    static final class UnreadableManifestException extends Exception {
        private final boolean missing;

        UnreadableManifestException(String problem) {
            this(problem, false);
        }

        private UnreadableManifestException(String problem, boolean missing) {
            super(problem);
            this.missing = missing;
        }

        /** The backup's folder has no manifest at all. */
        static UnreadableManifestException missing(String problem) {
            return new UnreadableManifestException(problem, true);
        }

        boolean missing() {
            return missing;
        }
    }

    private BackupManifest() {}

    static byte[] toBytes(String id, List<BackupEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", id);
        ArrayNode files = root.putArray("files");
        for (BackupEntry e : entries) {
            ObjectNode f = files.addObject();
            f.put("path", e.original().toString());
            f.put("absent", e.absent());
            if (!e.absent()) {
                f.put("sha256", e.sha256());
                if (e.mode() != null) {
                    f.put("mode", e.mode());
                }
                f.put("copy", e.storedName());
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    static List<BackupEntry> parse(String id, byte[] bytes) throws UnreadableManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new UnreadableManifestException("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new UnreadableManifestException("cannot be parsed (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableManifestException("is not a JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new UnreadableManifestException("has format " + root.path("format") + ", expected " + FORMAT);
        }
        if (!id.equals(root.path("id").asText())) {
            throw new UnreadableManifestException(
                    "names backup '" + root.path("id").asText() + "', not " + id);
        }
        JsonNode files = root.path("files");
        if (!files.isArray()) {
            throw new UnreadableManifestException("has no 'files' list");
        }
        List<BackupEntry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            String where = "file " + (i + 1) + " of the manifest";
            Path original;
            try {
                original = Path.of(f.path("path").asText(""));
            } catch (InvalidPathException e) {
                throw new UnreadableManifestException(where + " has an invalid path");
            }
            if (!original.isAbsolute()) {
                throw new UnreadableManifestException(where + " has no absolute 'path'");
            }
            if (f.path("absent").asBoolean(false)) {
                entries.add(new BackupEntry(original, true, null, null, null));
                continue;
            }
            String sha256 = f.path("sha256").asText("");
            String mode = f.hasNonNull("mode") ? f.get("mode").asText() : null;
            String copy = f.path("copy").asText("");
            if (!SHA256.matcher(sha256).matches()) {
                throw new UnreadableManifestException(where + " (" + original + ") has no valid 'sha256'");
            }
            if (mode != null && !MODE.matcher(mode).matches()) {
                throw new UnreadableManifestException(where + " (" + original + ") has an invalid 'mode'");
            }
            if (!COPY.matcher(copy).matches()) {
                throw new UnreadableManifestException(where + " (" + original + ") has an invalid 'copy' name");
            }
            entries.add(new BackupEntry(original, false, sha256, mode, copy));
        }
        return entries;
    }
}
