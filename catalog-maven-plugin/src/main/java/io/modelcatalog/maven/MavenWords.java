package io.modelcatalog.maven;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.artifact.CatalogArtifactException;
import io.modelcatalog.artifact.CatalogPackageException;
import io.modelcatalog.compat.CompatReport;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.files.UnwritableFolderException;
import io.modelcatalog.providers.CredentialsInUrlException;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.toolconfigs.CatalogSelectionException;
import io.modelcatalog.toolconfigs.GenerateConfigsException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The Maven words of the core's findings: the core says what went wrong as data and in plain words; this class
 * names the parameters ({@code catalog.*}), {@code -o} and {@code settings.xml} that fix it.
 */
final class MavenWords {

    /** What {@code catalog.outputDirectory} should point at. */
    static final String CATALOG_FOLDER = "the folder the fetch goal writes";

    private MavenWords() {}

    /** The command that runs one of this plugin's goals anywhere, with or without a POM. */
    static String command(String goal) {
        return "mvn io.modelcatalog:catalog-maven-plugin:" + CatalogVersion.get() + ":" + goal;
    }

    /**
     * Fails a report run without a POM saying what to run instead (Maven's own refusal of a goal that requires a
     * project names nothing to do).
     */
    static void reportNeedsAPom(MavenSession session) throws MojoExecutionException {
        if (session != null && !session.getRequest().isProjectPresent()) {
            throw new MojoExecutionException("The report goal renders the catalog as a page of a project"
                    + " (target/reports/catalog-report.html, or the project's site), and there is no POM in "
                    + session.getRequest().getBaseDirectory() + ". Run it in a project that declares the plugin (mvn"
                    + " catalog:report, or mvn site with the report in <reporting>; the quickstart's"
                    + " examples/quickstart/pom.xml is one), or, without a POM, list the catalog with "
                    + command("providers") + " and " + command("models"));
        }
    }

    /** What to do about a catalog folder with nothing in it to work on. */
    static String fetchFirst() {
        return "fetch into it first (" + command("fetch") + "), or point catalog.outputDirectory at " + CATALOG_FOLDER;
    }

    /** A regular file where a folder parameter points: {@code The catalog folder X is a regular file, ...}. */
    static String notAFolder(String what, File folder, String parameter, String remedy) {
        return "The " + what + " " + folder + " is a regular file, not a folder: point " + parameter + " at " + remedy;
    }

    /** The catalog folder could not be read: the error in words, and the parameter that names the folder. */
    static String cannotRead(File catalogFolder, IOException e) {
        return "Cannot read the catalog folder " + catalogFolder + ": " + FileErrors.explain(e)
                + " (catalog.outputDirectory)";
    }

    /** What the catalog cannot give (generate-configs, update-configs), with the settings that change it. */
    static String of(CatalogSelectionException e) {
        return switch (e.reason()) {
            case CATALOG_IS_A_FILE ->
                notAFolder("catalog folder", e.path().toFile(), "catalog.outputDirectory", CATALOG_FOLDER);
            case NO_CATALOG -> "catalog folder " + e.path() + " does not exist: " + fetchFirst();
            case NOT_IN_CATALOG ->
                "provider " + e.provider() + ": the catalog has no " + e.path() + ": fetch it first (catalog.providers="
                        + e.provider() + ") or leave it out of catalog.providers";
            case CREDENTIALS_IN_URL -> e.getMessage() + otherKeySource(e.provider());
        };
    }

    /** Why the configs cannot be generated, with the setting that changes it. */
    static String of(GenerateConfigsException e) {
        return switch (e.reason()) {
            case SAME_FILE -> e.getMessage() + " with catalog.exclude";
            case RESERVED_NAME_TAKEN -> e.getMessage();
        };
    }

    /** A name in {@code catalog.providers} that no provider has. */
    static String of(UnknownProviderException e) {
        return "catalog.providers: " + e.getMessage();
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

    /** Why a catalog folder cannot be packaged, with the goal or setting that fixes it. */
    static String of(CatalogPackageException e) {
        return e.getMessage()
                + switch (e.reason()) {
                    case NO_FOLDER, EMPTY ->
                        ": run the fetch goal before package (bound to an earlier phase, or with catalog.from), or"
                                + " point catalog.outputDirectory at the catalog folder";
                    case NOT_A_FOLDER -> ": point catalog.outputDirectory at a catalog folder";
                    case CHANGED -> "";
                };
    }

    /** A refused catalog zip: what is wrong, the setting that changes it, and that the catalog was left alone. */
    static String of(CatalogArtifactException e, File folder) {
        String remedy = switch (e.reason()) {
            case ZIP_DIGEST -> "; only if the new zip is one you trust, set catalog.fromSha256 to its digest";
            case TOO_LARGE -> "; raise catalog.fromMaxBytes if the catalog is that large";
            default -> "";
        };
        return "Catalog refused: " + e.getMessage() + remedy
                + (e.reason() == CatalogArtifactException.Reason.REPLACE_FAILED
                        ? ""
                        : "; the catalog in " + folder + " was left as it was");
    }

    /** Where else a key may come from, for a message that says to put it in the key variable. */
    static String otherKeySource(CredentialsInUrlException e) {
        return otherKeySource(e.provider());
    }

    private static String otherKeySource(String provider) {
        return " or a settings.xml <server> with id " + MavenNetwork.SERVER_ID_PREFIX + provider;
    }

    /** Why a provider was skipped, with the setting that changes it. */
    static String of(ProviderOutcome.Skipped o) {
        return o.message()
                + switch (o.reason()) {
                    case NO_KEY -> otherKeySource(o.provider());
                    case FILES_EXIST -> " (catalog.skipExisting)";
                };
    }

    /** A provider's failure message with the setting that changes it. */
    static String of(ProviderOutcome.Failed o) {
        return o.message()
                + switch (o.problem()) {
                    case CREDENTIALS_IN_URL -> otherKeySource(o.provider());
                    case SHRINK -> "; if the provider really dropped them, run again with catalog.allowShrink=true";
                    case TOO_LARGE -> " (raise catalog.maxResponseBytes)";
                    case TIMEOUT -> " (limit: catalog.timeout)";
                    case OFFLINE_MISS -> " (offline: mvn -o or catalog.offline)";
                    case OTHER -> "";
                };
    }
}
