package io.modelcatalog.facts;

/** What a model is for, as far as tool configs care. */
public enum ModelKind {
    /** Text generation through a chat (or completion) endpoint. */
    CHAT,
    /** Vector embeddings. */
    EMBEDDING,
    /** Anything else a provider lists: images, audio, video, moderation, reranking, OCR. */
    OTHER
}
