package io.modelcatalog.configupdate;

import io.modelcatalog.backups.Backup;
import java.util.List;

/**
 * What a run did.
 *
 * @param providers the providers whose entries were merged
 * @param skipped   catalog files or providers left out, each with why
 * @param files     each file's merge, in the order the mergers gave them
 * @param diffs     in a dry run, a unified diff per changed file (same order as the changed files); else empty
 * @param backup    the backup taken before writing, or null when nothing was written
 * @param pruned    older backups removed to keep the configured number
 */
public record UpdateConfigsResult(
        List<String> providers,
        List<String> skipped,
        List<FileMerge> files,
        List<String> diffs,
        Backup backup,
        List<Backup> pruned) {

    public UpdateConfigsResult {
        providers = List.copyOf(providers);
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
        diffs = List.copyOf(diffs);
        pruned = List.copyOf(pruned);
    }

    /** The files whose bytes change (or changed). */
    public List<FileMerge> changed() {
        return files.stream().filter(FileMerge::changed).toList();
    }
}
