package io.modelcatalog.configupdate;

import io.modelcatalog.backups.Backup;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param providers the providers whose entries were merged
 * @param skipped   catalog files or providers left out, each with why
 * @param files     each file's merge, in the order the mergers gave them
 * @param diffs     in a dry run, a unified diff per changed file (same order as the changed files); else empty
 * @param backup    the backup taken before writing, or null when nothing was written
 * @param pruned    older backups removed to keep the configured number
 * @param upToDate  for a run that found the catalog, the settings and every file as the last run left them, and so
 *                  read and merged nothing ({@code files} is empty then): how many files that was, and what that
 *                  run noticed in them; null for a run that merged
 */
public record UpdateConfigsResult(
        List<String> providers,
        List<String> skipped,
        List<FileMerge> files,
        List<String> diffs,
        Backup backup,
        List<Backup> pruned,
        UpToDate upToDate) {

    public UpdateConfigsResult {
        providers = List.copyOf(providers);
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
        diffs = List.copyOf(diffs);
        pruned = List.copyOf(pruned);
    }

    /** The result of a run that merged. */
    public UpdateConfigsResult(
            List<String> providers,
            List<String> skipped,
            List<FileMerge> files,
            List<String> diffs,
            Backup backup,
            List<Backup> pruned) {
        this(providers, skipped, files, diffs, backup, pruned, null);
    }

    /**
     * A rerun with nothing to change.
     *
     * @param files      how many files the last run left as they are now
     * @param notices    what that run noticed, by file, in file order
     * @param modelFiles of those files, the ones of one model each ({@link FileMerge#modelOf()}): by tool, how many
     *                   per provider
     */
    public record UpToDate(int files, Map<Path, List<Notice>> notices, Map<String, Map<String, Integer>> modelFiles) {

        public UpToDate {
            Map<Path, List<Notice>> copy = new LinkedHashMap<>();
            notices.forEach((f, n) -> copy.put(f, List.copyOf(n)));
            notices = Collections.unmodifiableMap(copy);
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            modelFiles.forEach((tool, n) -> counts.put(tool, Collections.unmodifiableMap(new LinkedHashMap<>(n))));
            modelFiles = Collections.unmodifiableMap(counts);
        }
    }

    /** The files whose bytes change (or changed). */
    public List<FileMerge> changed() {
        return files.stream().filter(FileMerge::changed).toList();
    }
}
