package io.modelcatalog.fetching;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.files.LeftoverFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a fetch cleans up before it starts: the temporary files killed runs left in the catalog folder and the cache. */
final class FetchLeftovers {

    /** The catalog folder and its {@code json/}, {@code txt/}, {@code toml/}; the cache and its provider folders. */
    private static final int DEPTH = 2;

    private FetchLeftovers() {}

    /** Removes them; a folder that cannot be listed is left alone (the run itself will say what is wrong with it). */
    static List<Path> remove(FetchOptions options, Instant runStart) {
        List<Path> removed = new ArrayList<>();
        try {
            removed.addAll(
                    LeftoverFiles.remove(options.outputDirectory(), DEPTH, CatalogLayout::isCatalogFileName, runStart));
        } catch (IOException e) {
            // reported by the run when it writes there
        }
        if (options.cache() != null) {
            try {
                removed.addAll(LeftoverFiles.remove(
                        options.cache().directory(), DEPTH, ResponseCache::isEntryFileName, runStart));
            } catch (IOException e) {
                // a cache that cannot be listed fails the providers that use it, with the reason
            }
        }
        return removed;
    }
}
