package io.modelcatalog.legacy;

import io.modelcatalog.documents.ModelList;

/** The legacy {@code models_<p>.txt}: ids joined by newlines. (Stub: being implemented.) */
public final class LegacyTxtWriter {
    private LegacyTxtWriter() {}

    public static byte[] toBytes(ModelList list) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
