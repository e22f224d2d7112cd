package io.modelcatalog.maven;

import io.modelcatalog.toolconfigs.GenerateConfigsException;

/**
 * The Maven words of the core's findings: the core says what went wrong as data and in plain words; this class
 * names the parameters ({@code catalog.*}), {@code -o} and {@code settings.xml} that fix it.
 */
final class MavenWords {

    private MavenWords() {}

    static String of(GenerateConfigsException e) {
        return switch (e.reason()) {
            case NO_CATALOG ->
                "catalog folder " + e.file() + " does not exist: run the fetch goal first, or point "
                        + "catalog.outputDirectory at a catalog folder";
            case NOT_IN_CATALOG -> {
                String p = e.providers().get(0);
                yield "provider " + p + ": the catalog has no " + e.file() + ": fetch it first (catalog.providers=" + p
                        + ") or leave it out of catalog.providers";
            }
            case SAME_FILE -> e.getMessage() + " with catalog.exclude";
            case RESERVED_NAME_TAKEN -> e.getMessage();
        };
    }
}
