package io.modelcatalog.toolconfigs;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did.
 *
 * @param generated one line per provider configs were generated for
 * @param skipped   providers of the catalog that got no configs, each with the reason
 * @param written   files written because they were new or their content changed
 * @param unchanged files whose content was already current (not rewritten)
 * @param removed   codex profiles of an earlier run whose model is gone or now left out
 * @param leftovers temporary files that an interrupted earlier run left in the configs folder, removed first
 * @param upToDate  whether the run found the catalog files, its settings and the files of the last run as that run
 *                  left them, and so read, rendered and wrote nothing (the summaries are the last run's)
 */
public record GenerateConfigsResult(
        List<ProviderSummary> generated,
        List<String> skipped,
        List<Path> written,
        List<Path> unchanged,
        List<Path> removed,
        List<Path> leftovers,
        boolean upToDate) {

    /** The result of a run that read the catalog. */
    public GenerateConfigsResult(
            List<ProviderSummary> generated,
            List<String> skipped,
            List<Path> written,
            List<Path> unchanged,
            List<Path> removed,
            List<Path> leftovers) {
        this(generated, skipped, written, unchanged, removed, leftovers, false);
    }

    /**
     * @param provider   the provider
     * @param models     models written (after include/exclude)
     * @param filtered   models left out by include/exclude
     * @param fromLiteLlm models with at least one fact from LiteLLM's map
     */
    public record ProviderSummary(String provider, int models, int filtered, int fromLiteLlm) {}
}
