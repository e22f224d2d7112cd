package io.modelcatalog.clean;

import java.nio.file.Path;

/**
 * One run of {@link CatalogCleaner}. Built by name with {@link #builder()}; every setting not given keeps its default.
 *
 * @param catalogDir the catalog folder (temporary files, the failure history); default {@code null}: none
 * @param configsDir the configs folder generate-configs writes; default {@code null}: none
 * @param cacheDir   the response cache folder; default {@code null}: none
 * @param failures   whether to remove the failure history ({@code failed_models.json}); default {@link #DEFAULT_FAILURES}
 * @param cache      whether to remove the cached responses; default {@link #DEFAULT_CACHE}
 * @param dryRun     list what would go, remove nothing; default false
 */
public record CleanRequest(
        Path catalogDir, Path configsDir, Path cacheDir, boolean failures, boolean cache, boolean dryRun) {

    /** By default the failure history stays: it is what a later fetch's rescan of failed providers reads. */
    public static final boolean DEFAULT_FAILURES = false;

    /** By default the response cache stays: it is the offline and replay source of the fetch. */
    public static final boolean DEFAULT_CACHE = false;

    /** A run that cleans nothing until its folders are given. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets {@link CleanRequest} by name. */
    public static final class Builder {
        private Path catalogDir;
        private Path configsDir;
        private Path cacheDir;
        private boolean failures = DEFAULT_FAILURES;
        private boolean cache = DEFAULT_CACHE;
        private boolean dryRun;

        private Builder() {}

        public Builder catalogDir(Path value) {
            this.catalogDir = value;
            return this;
        }

        public Builder configsDir(Path value) {
            this.configsDir = value;
            return this;
        }

        public Builder cacheDir(Path value) {
            this.cacheDir = value;
            return this;
        }

        public Builder failures(boolean value) {
            this.failures = value;
            return this;
        }

        public Builder cache(boolean value) {
            this.cache = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public CleanRequest build() {
            return new CleanRequest(catalogDir, configsDir, cacheDir, failures, cache, dryRun);
        }
    }
}
