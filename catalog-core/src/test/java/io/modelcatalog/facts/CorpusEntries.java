package io.modelcatalog.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.ModelList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Real entries of the legacy corpus ({@code legacy-corpus/bak/}, a legacy-layout catalog folder). */
public final class CorpusEntries {

    private CorpusEntries() {}

    /** The corpus catalog folder on the test classpath. */
    public static Path catalogDir() {
        URL url = CorpusEntries.class.getClassLoader().getResource("legacy-corpus/bak/models_openai.json");
        if (url == null) {
            throw new IllegalStateException("legacy-corpus/bak is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ModelList list(String provider) {
        try {
            return new CatalogFolder(catalogDir(), CatalogLayout.LEGACY)
                    .read(provider)
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's entry for a model id (keyed shape: the value under the key). */
    public static JsonNode entry(String provider, String id) {
        JsonNode e = list(provider).entries().get(id);
        if (e == null) {
            throw new IllegalArgumentException("no " + id + " in " + provider);
        }
        return e;
    }
}
