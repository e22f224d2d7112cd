package io.modelcatalog.facts;

import java.util.Locale;

/**
 * A kind of content a model takes or produces, as the providers' modality lists name it. OpenRouter's
 * {@code file} (documents, in practice PDFs) reads as {@link #PDF}.
 */
public enum Modality {
    TEXT,
    AUDIO,
    IMAGE,
    VIDEO,
    PDF;

    /** The lower-case name used in configs ({@code text}, {@code image}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modality a provider's word names, or {@code null} for a word that names none of these. */
    static Modality fromProviderWord(String word) {
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "text":
                return TEXT;
            case "image":
                return IMAGE;
            case "audio":
                return AUDIO;
            case "video":
                return VIDEO;
            case "file":
            case "pdf":
                return PDF;
            default:
                return null;
        }
    }
}
