package io.modelcatalog.legacy;

import io.modelcatalog.documents.ModelList;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The legacy {@code models_<p>.txt}: the model ids in file order joined by {@code \n}, no trailing newline, UTF-8. */
public final class LegacyTxtWriter {
    private LegacyTxtWriter() {}

    /** The file's bytes; empty for a list without ids. */
    public static byte[] toBytes(ModelList list) {
        return String.join("\n", list.ids()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The first model id that UTF-8 cannot encode: one holding a lone surrogate, which a JSON {@code "\ud800"}
     * escape can make. The txt and TOML files cannot hold it (the legacy tool fails writing it, Java would write
     * {@code ?}), so the caller fails the provider instead.
     */
    public static Optional<String> unencodableId(ModelList list) {
        for (String id : list.ids()) {
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** An id for a message: non-ASCII and control characters as {@code \}{@code uXXXX}. */
    public static String escaped(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
