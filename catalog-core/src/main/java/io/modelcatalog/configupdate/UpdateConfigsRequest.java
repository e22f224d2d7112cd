package io.modelcatalog.configupdate;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run of {@link ConfigUpdater}. Built by name with {@link #builder}; every setting not given keeps its default.
 *
 * @param catalog       the catalog folder and what to read from it
 * @param mergers       one per tool to update, each with its files' paths; default none
 * @param strategy      how existing entries are updated; default {@link MergeStrategy#DEFAULT}
 * @param dryRun        compute and diff, write nothing (no backup, no lock files beyond the lock folder); default false
 * @param backups       where the backup before any change goes
 * @param backupKeep    how many backups to keep after a new one (at least 1); default {@link BackupStore#DEFAULT_KEEP}
 * @param lockDirectory where the lock files that keep two runs apart live
 * @param stateDirectory where a run records what it found and left, so that a rerun with nothing to change can tell
 *                      without reading or merging ({@code <state>/update-configs/}); default null: every run merges
 * @param force         ignore that record and merge; default false
 */
public record UpdateConfigsRequest(
        CatalogQuery catalog,
        List<ConfigMerger> mergers,
        MergeStrategy strategy,
        boolean dryRun,
        BackupStore backups,
        int backupKeep,
        Path lockDirectory,
        Path stateDirectory,
        boolean force) {

    public UpdateConfigsRequest {
        Objects.requireNonNull(catalog, "catalog");
        mergers = List.copyOf(mergers);
        strategy = strategy == null ? MergeStrategy.DEFAULT : strategy;
        Objects.requireNonNull(backups, "backups");
        if (backupKeep < 1) {
            throw new IllegalArgumentException("keep at least one backup, not " + backupKeep);
        }
        Objects.requireNonNull(lockDirectory, "lockDirectory");
    }

    /** A run on {@code catalog} that backs up into {@code backups} and locks in {@code lockDirectory}. */
    public static Builder builder(CatalogQuery catalog, BackupStore backups, Path lockDirectory) {
        return new Builder(catalog, backups, lockDirectory);
    }

    /** Sets {@link UpdateConfigsRequest} by name. */
    public static final class Builder {
        private final CatalogQuery catalog;
        private final BackupStore backups;
        private final Path lockDirectory;
        private List<ConfigMerger> mergers = List.of();
        private MergeStrategy strategy = MergeStrategy.DEFAULT;
        private boolean dryRun;
        private int backupKeep = BackupStore.DEFAULT_KEEP;
        private Path stateDirectory;
        private boolean force;

        private Builder(CatalogQuery catalog, BackupStore backups, Path lockDirectory) {
            this.catalog = catalog;
            this.backups = backups;
            this.lockDirectory = lockDirectory;
        }

        public Builder mergers(List<ConfigMerger> value) {
            this.mergers = value;
            return this;
        }

        public Builder strategy(MergeStrategy value) {
            this.strategy = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder backupKeep(int value) {
            this.backupKeep = value;
            return this;
        }

        public Builder stateDirectory(Path value) {
            this.stateDirectory = value;
            return this;
        }

        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        public UpdateConfigsRequest build() {
            return new UpdateConfigsRequest(
                    catalog, mergers, strategy, dryRun, backups, backupKeep, lockDirectory, stateDirectory, force);
        }
    }
}
