package io.modelcatalog.maven;

import io.modelcatalog.fetching.ProviderOutcome;
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

    /** A provider's skip or failure message with the setting that changes it. */
    static String of(ProviderOutcome o) {
        if (o.problem() == null) {
            return o.message();
        }
        return o.message()
                + switch (o.problem()) {
                    case NO_KEY ->
                        " or a settings.xml <server> with id " + MavenNetwork.SERVER_ID_PREFIX + o.provider();
                    case FILES_EXIST -> " (catalog.skipExisting)";
                    case SHRINK -> "; if the provider really dropped them, run again with catalog.allowShrink=true";
                    case TOO_LARGE -> " (raise catalog.maxResponseBytes)";
                    case TIMEOUT -> " (limit: catalog.timeout)";
                    case OFFLINE_MISS -> " (offline: mvn -o or catalog.offline)";
                    case OTHER -> "";
                };
    }
}
