package io.modelcatalog.clean;

import java.nio.file.Path;

/**
 * One run of {@link CatalogCleaner}.
 *
 * @param catalogDir the catalog folder (temporary files, the failure history), or {@code null}
 * @param configsDir the configs folder generate-configs writes, or {@code null}
 * @param cacheDir   the response cache folder, or {@code null}
 * @param failures   whether to remove the failure history ({@code failed_models.json})
 * @param cache      whether to remove the cached responses
 * @param dryRun     list what would go, remove nothing
 */
public record CleanRequest(
        Path catalogDir, Path configsDir, Path cacheDir, boolean failures, boolean cache, boolean dryRun) {

    /** By default the failure history stays: it is what a later fetch's rescan of failed providers reads. */
    public static final boolean DEFAULT_FAILURES = false;

    /** By default the response cache stays: it is the offline and replay source of the fetch. */
    public static final boolean DEFAULT_CACHE = false;
}
