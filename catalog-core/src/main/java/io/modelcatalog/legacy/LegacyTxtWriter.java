package io.modelcatalog.legacy;

import io.modelcatalog.documents.ModelList;
import java.nio.charset.StandardCharsets;

/** The legacy {@code models_<p>.txt}: the model ids in file order joined by {@code \n}, no trailing newline, UTF-8. */
public final class LegacyTxtWriter {
    private LegacyTxtWriter() {}

    /** The file's bytes; empty for a list without ids. */
    public static byte[] toBytes(ModelList list) {
        return String.join("\n", list.ids()).getBytes(StandardCharsets.UTF_8);
    }
}
