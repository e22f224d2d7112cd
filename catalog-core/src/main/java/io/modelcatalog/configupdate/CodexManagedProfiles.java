package io.modelcatalog.configupdate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The profile files this project wrote into a codex home, listed in {@value #MANIFEST_NAME} there: a profile file it
 * did not write is never overwritten or backed up as its own. Codex reads only {@code config.toml} and
 * {@code <profile>.config.toml}, so the manifest does not disturb it.
 *
 * <pre>
 * {
 *   "profiles" : [ "groq-llama-3.3-70b.config.toml", "mistral-large.config.toml" ]
 * }
 * </pre>
 */
public final class CodexManagedProfiles {

    /** The manifest's file name in the codex home. */
    public static final String MANIFEST_NAME = ".model-catalog-profiles.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A profile file name: no separator, not hidden, ending in {@code .config.toml}; never config.toml itself. */
    private static final Pattern PROFILE_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*\\.config\\.toml");

    private CodexManagedProfiles() {}

    /** The manifest's path in a codex home. */
    public static Path manifest(Path codexHome) {
        return codexHome.resolve(MANIFEST_NAME);
    }

    /** Whether a file name can be a profile file of a codex home ({@code <profile>.config.toml}). */
    public static boolean isProfileFileName(String name) {
        return PROFILE_FILE.matcher(name).matches();
    }

    /**
     * The profile files the manifest lists, as paths in the codex home, in name order; none when there is no
     * manifest. A manifest that is not valid JSON, or lists something other than profile file names, is an error
     * naming the file, since trusting it could overwrite a user's own file.
     */
    public static List<Path> read(Path codexHome) throws IOException {
        Path manifest = manifest(codexHome);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        names(manifest, bytes).forEach(n -> out.add(codexHome.resolve(n)));
        return out;
    }

    /**
     * The profile file names a manifest's bytes list, sorted; none for {@code null} (no manifest).
     *
     * @throws UnusableManifestException when they are not valid JSON or list something other than profile file names
     */
    static TreeSet<String> names(Path manifest, byte[] bytes) throws UnusableManifestException {
        TreeSet<String> names = new TreeSet<>();
        if (bytes == null) {
            return names;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UnusableManifestException(manifest, "is not valid JSON (" + oneLine(e) + ")", e);
        }
        JsonNode profiles = root == null ? null : root.get("profiles");
        if (profiles == null || !profiles.isArray()) {
            throw new UnusableManifestException(manifest, "has no \"profiles\" list", null);
        }
        for (JsonNode p : profiles) {
            String name = p.isTextual() ? p.asText() : "";
            if (!isProfileFileName(name)) {
                throw new UnusableManifestException(
                        manifest, "lists " + p + ", which is not a profile file name such as x.config.toml", null);
            }
            names.add(name);
        }
        return names;
    }

    /** A manifest that cannot be trusted; its message names the file, what is wrong and the remedy. */
    public static final class UnusableManifestException extends IOException {

        /** What the user can do about it. */
        public static final String REMEDY =
                "repair it or delete it (the profile files it lists are then treated as the user's own)";

        private final String problem;

        UnusableManifestException(Path manifest, String problem, Throwable cause) {
            super(manifest + " " + problem + ": " + REMEDY, cause);
            this.problem = problem;
        }

        /** What is wrong, without the file's name: {@code is not valid JSON (...)}. */
        public String problem() {
            return problem;
        }
    }

    /** The manifest's bytes for these profile file names (sorted, each once). */
    public static byte[] toBytes(Collection<String> profileFileNames) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("profiles");
        for (String name : new TreeSet<>(profileFileNames)) {
            if (!isProfileFileName(name)) {
                throw new IllegalArgumentException("not a profile file name: " + name);
            }
            list.add(name);
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static String oneLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.toString() : m.lines().findFirst().orElse(m);
    }
}
