package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.testing.LegacyCorpus;
import org.junit.jupiter.api.Test;

class ChutesEnrichmentTest {

    @Test
    void enrichedCorpusEqualsTheLegacyDumpAsData() {
        JsonNode models = JsonDocuments.parse(LegacyCorpus.response("chutes"), "chutes");
        int enriched = ChutesEnrichment.apply(models, JsonDocuments.parse(LegacyCorpus.chutesApi(), "api"));
        assertEquals(25, enriched);
        JsonNode expected = JsonDocuments.parse(LegacyCorpus.bak("models_chutes.json"), "bak");
        // JsonNode equality includes object member order (LinkedHashMap), so field order is checked too
        assertEquals(expected.toString(), ModelList.of(models).document().toString());
    }
}
