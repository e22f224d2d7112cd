package io.modelcatalog.facts;

/** The facts of a {@link ModelFacts} record that can be known or absent, to say where a value came from. */
public enum Fact {
    DISPLAY_NAME,
    CONTEXT_WINDOW,
    MAX_OUTPUT_TOKENS,
    INPUT_PRICE,
    OUTPUT_PRICE,
    VISION,
    TOOL_CALLING,
    REASONING,
    KIND,
    CREATED,
    INPUT_MODALITIES,
    OUTPUT_MODALITIES,
    RELEASE_DATE
}
