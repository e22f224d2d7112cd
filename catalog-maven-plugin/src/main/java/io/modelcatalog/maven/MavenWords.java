package io.modelcatalog.maven;

import io.modelcatalog.compat.CompatReport;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.files.UnwritableFolderException;
import io.modelcatalog.providers.CredentialsInUrlException;
import io.modelcatalog.toolconfigs.GenerateConfigsException;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The Maven words of the core's findings: the core says what went wrong as data and in plain words; this class
 * names the parameters ({@code catalog.*}), {@code -o} and {@code settings.xml} that fix it.
 */
final class MavenWords {

    private MavenWords() {}

    static String of(GenerateConfigsException e) {
        return switch (e.reason()) {
            case NO_CATALOG ->
                Files.isRegularFile(e.file())
                        ? "catalog folder " + e.file() + " is a regular file, not a folder: point "
                                + "catalog.outputDirectory at a catalog folder"
                        : "catalog folder " + e.file() + " does not exist: run the fetch goal first, or point "
                                + "catalog.outputDirectory at a catalog folder";
            case NOT_IN_CATALOG -> {
                String p = e.providers().get(0);
                yield "provider " + p + ": the catalog has no " + e.file() + ": fetch it first (catalog.providers=" + p
                        + ") or leave it out of catalog.providers";
            }
            case SAME_FILE -> e.getMessage() + " with catalog.exclude";
            case RESERVED_NAME_TAKEN -> e.getMessage();
            case CREDENTIALS_IN_URL ->
                e.getMessage() + " or a settings.xml <server> with id " + MavenNetwork.SERVER_ID_PREFIX
                        + e.providers().get(0);
        };
    }

    /** Why a verify-compat run that compared nothing fails, with the settings that fix it. */
    static String of(CompatReport report) {
        String why = report.nothingCompared().orElseThrow();
        String remedy = switch (report.coverage()) {
            case OUTPUT_EMPTY ->
                "set the providers' API keys and run the fetch goal, or point catalog.outputDirectory at the "
                        + "catalog folder";
            case REFERENCE_EMPTY -> "point catalog.referenceDirectory at the folder dump_models.py wrote";
            case BOTH_EMPTY, NOTHING_IN_COMMON -> "check catalog.outputDirectory and catalog.referenceDirectory";
            case COMPARED -> throw new IllegalArgumentException("files were compared");
        };
        return "Nothing was compared, so nothing is proven: " + why + "; " + remedy;
    }

    /**
     * A file error in words with its remedy ({@code permission denied; give this user ...}); when it is the folder
     * the goal writes into that cannot be written, the setting that moves it.
     */
    static String of(IOException e, String folderSetting) {
        return FileErrors.explain(e) + (e instanceof UnwritableFolderException ? " (" + folderSetting + ")" : "");
    }

    /** Where else a key may come from, for a message that says to put it in the key variable. */
    static String otherKeySource(CredentialsInUrlException e) {
        return " or a settings.xml <server> with id " + MavenNetwork.SERVER_ID_PREFIX + e.provider();
    }

    /** A provider's skip or failure message with the setting that changes it. */
    static String of(ProviderOutcome o) {
        if (o.problem() == null) {
            return o.message();
        }
        return o.message()
                + switch (o.problem()) {
                    case NO_KEY, CREDENTIALS_IN_URL ->
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
