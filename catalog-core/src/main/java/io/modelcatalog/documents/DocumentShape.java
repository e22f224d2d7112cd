package io.modelcatalog.documents;

import com.fasterxml.jackson.databind.JsonNode;

/** The three shapes of model-list documents that the legacy format distinguishes. */
public enum DocumentShape {
    /** An object whose {@code data} member is an array of model objects (OpenAI style). */
    DATA_ARRAY,
    /** A top-level array of model objects (Together, LLM7). */
    TOP_LEVEL_ARRAY,
    /** An object keyed by model id without a {@code data} array (LiteLLM's price map). */
    KEYED_OBJECT,
    /** A scalar: no models. */
    SCALAR;

    public static DocumentShape of(JsonNode root) {
        if (root.isArray()) {
            return TOP_LEVEL_ARRAY;
        }
        if (root.isObject()) {
            JsonNode data = root.get("data");
            return data != null && data.isArray() ? DATA_ARRAY : KEYED_OBJECT;
        }
        return SCALAR;
    }
}
