package io.modelcatalog.configupdate;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run of {@link ConfigUpdater}.
 *
 * @param catalogDir    the catalog folder
 * @param layout        its layout, or null to detect it
 * @param providers     provider names; empty: every registered provider the catalog holds
 * @param filter        which models to keep (include/exclude)
 * @param registry      the providers in force
 * @param env           where base-URL overrides are read from (never keys)
 * @param mergers       one per tool to update, each with its files' paths
 * @param strategy      how existing entries are updated
 * @param dryRun        compute and diff, write nothing (no backup, no lock files beyond the lock folder)
 * @param backups       where the backup before any change goes
 * @param backupKeep    how many backups to keep after a new one (at least 1)
 * @param lockDirectory where the lock files that keep two runs apart live
 */
public record UpdateConfigsRequest(
        Path catalogDir,
        CatalogLayout layout,
        List<String> providers,
        ModelIdFilter filter,
        ProviderRegistry registry,
        EnvironmentLookup env,
        List<ConfigMerger> mergers,
        MergeStrategy strategy,
        boolean dryRun,
        BackupStore backups,
        int backupKeep,
        Path lockDirectory) {

    public UpdateConfigsRequest {
        Objects.requireNonNull(catalogDir, "catalogDir");
        providers = providers == null ? List.of() : List.copyOf(providers);
        filter = filter == null ? ModelIdFilter.all() : filter;
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(env, "env");
        mergers = List.copyOf(mergers);
        strategy = strategy == null ? MergeStrategy.MERGE : strategy;
        Objects.requireNonNull(backups, "backups");
        if (backupKeep < 1) {
            throw new IllegalArgumentException("keep at least one backup, not " + backupKeep);
        }
        Objects.requireNonNull(lockDirectory, "lockDirectory");
    }
}
