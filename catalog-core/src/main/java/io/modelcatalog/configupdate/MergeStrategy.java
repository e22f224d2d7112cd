package io.modelcatalog.configupdate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a provider's entry in a user's config is brought up to date. */
public enum MergeStrategy {
    /** Adds new models, updates the facts of known ones, keeps the user's own fields and models. */
    MERGE,
    /** As {@link #MERGE}, and drops the models the provider no longer lists. */
    PRUNE,
    /** Rewrites the whole entry as generated; the user's own fields in it go (the backup keeps them). */
    REPLACE;

    /** What a caller that does not choose gets. */
    public static final MergeStrategy DEFAULT = MERGE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code merge}, {@code prune} or {@code replace} (any case); null or blank is {@link #MERGE}. */
    public static MergeStrategy parse(String value) {
        if (value == null || value.isBlank()) {
            return MERGE;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (MergeStrategy s : values()) {
            if (s.id().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + value + "'; use one of "
                + Arrays.stream(values()).map(MergeStrategy::id).collect(Collectors.joining(", ")));
    }
}
