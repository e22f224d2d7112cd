package io.modelcatalog.compat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.legacy.LegacyTxtReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the three legacy file types into data, and masks the TOML {@code base_url} line. */
final class LegacyFiles {

    private static final TomlMapper TOML = new TomlMapper();
    private static final String BASE_URL = "base_url";
    private static final String PROVIDER_TABLE = "model_providers";

    private LegacyFiles() {}

    /** A file that cannot be read as its type; the message names the source and, where known, line and column. */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    static JsonNode json(byte[] bytes, String source) throws UnreadableException {
        try {
            return JsonDocuments.parse(bytes, source);
        } catch (DocumentParseException e) {
            throw new UnreadableException(e.getMessage());
        }
    }

    static ObjectNode toml(byte[] bytes, String source) throws UnreadableException {
        try {
            JsonNode node = TOML.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new UnreadableException(source + ": not a TOML document");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null || at.getLineNr() < 1 ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UnreadableException(where + ": not valid TOML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UnreadableException(source + ": " + e.getMessage());
        }
    }

    /** The ids of a txt file ({@link LegacyTxtReader#ids(String)}); bytes that are not UTF-8 are unreadable. */
    static List<String> txt(byte[] bytes, String source) throws UnreadableException {
        return LegacyTxtReader.ids(utf8(bytes, source));
    }

    private static String utf8(byte[] bytes, String source) throws UnreadableException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableException(source + ": not UTF-8 text");
        }
    }

    /**
     * The TOML bytes with the value of every {@code base_url} line of a {@code [model_providers.*]} table replaced
     * by a fixed text. Lines keep their count, so positions in later messages stay right. Bytes that are not
     * UTF-8 are returned unchanged.
     */
    static byte[] maskBaseUrl(byte[] toml) {
        String text;
        try {
            text = utf8(toml, "");
        } catch (UnreadableException e) {
            return toml;
        }
        String[] lines = text.split("\n", -1);
        boolean inProviderTable = false;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.startsWith("[")) {
                inProviderTable = t.startsWith("[" + PROVIDER_TABLE + ".");
            } else if (inProviderTable
                    && t.startsWith(BASE_URL)
                    && t.substring(BASE_URL.length()).trim().startsWith("=")) {
                lines[i] = BASE_URL + " = \"(ignored)\"";
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a TOML key path is the {@code base_url} of a {@code [model_providers.*]} table. */
    static boolean isProviderBaseUrl(String path) {
        return path.startsWith(PROVIDER_TABLE + ".") && path.endsWith("." + BASE_URL);
    }

    /** Removes {@code model_providers.*.base_url} from a parsed TOML document. */
    static void removeBaseUrl(ObjectNode toml) {
        JsonNode providers = toml.get(PROVIDER_TABLE);
        if (providers instanceof ObjectNode) {
            Iterator<Map.Entry<String, JsonNode>> it = providers.fields();
            while (it.hasNext()) {
                JsonNode table = it.next().getValue();
                if (table instanceof ObjectNode o) {
                    o.remove(BASE_URL);
                }
            }
        }
    }

    /** The {@code [profiles.*]} tables in file order; empty when there are none. */
    static Optional<ObjectNode> profiles(ObjectNode toml) {
        JsonNode p = toml.get("profiles");
        return p instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
