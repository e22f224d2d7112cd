package io.modelcatalog.maven;

import io.modelcatalog.files.FileErrors;
import io.modelcatalog.migration.LegacyScriptException;
import io.modelcatalog.migration.LegacyScriptReader;
import io.modelcatalog.migration.ProviderComparison;
import io.modelcatalog.migration.ProvidersFileOutput;
import io.modelcatalog.migration.ProvidersFileWriter;
import io.modelcatalog.providers.ProviderFileException;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderLayerException;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Brings the providers of your own {@code dump_models.py} into a providers file. The script's
 * {@code PROVIDER_CONFIG} and {@code PROVIDER_URL_CONFIG} blocks are read as text (the script is never run) and
 * compared with the built-in providers; the file written holds only what differs: providers the built-ins lack,
 * and built-in names whose kind, variables or default URL the script changed. The log shows every provider of
 * the script as added, changed or unchanged, and the {@code catalog.providers} value (or POM
 * element {@code providerNames}) that leaves out the built-in providers the script no longer has, since a providers
 * file adds and replaces but does not remove.
 *
 * <p>In this goal {@code catalog.providersFile} (POM element {@code providersFile}) is the file written, by default
 * {@code catalog-providers.yaml} in the project folder (without a POM: the working folder); the other goals read
 * the same property, so {@code -Dcatalog.providersFile=...} names the file for both. The file is read back
 * through the validation every goal applies to a providers file before the goal ends. A script that matches the
 * built-ins gets no file. An existing file with other content is replaced only with
 * {@code catalog.overwrite=true}, and then kept beside it as <code>{name}.bak</code> ({@code .bak.1}, ... when taken).
 * A script the import cannot take as it is fails the build naming its line and what to fix, and nothing is
 * written.
 */
@Mojo(name = "import-legacy", requiresProject = false, threadSafe = true)
public class ImportLegacyMojo extends AbstractCatalogMojo {

    private static final String DEFAULT_SCRIPT = "dump_models.py";
    private static final String DEFAULT_FILE = "catalog-providers.yaml";

    /**
     * The legacy script whose provider blocks are imported. Default: {@code dump_models.py} in the project folder
     * (without a POM: the working folder).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.legacyScript", defaultValue = "${project.basedir}/" + DEFAULT_SCRIPT)
    private File legacyScript;

    /**
     * Replace an existing providers file whose content differs from the import; the replaced file is kept beside
     * it as <code>{name}.bak</code> (or {@code .bak.1}, {@code .bak.2}, ... when that name is taken).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.overwrite", defaultValue = "false")
    private boolean overwrite;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.import-legacy.skip", defaultValue = "false")
    private boolean importLegacySkip;

    @Override
    protected String goalName() {
        return "import-legacy";
    }

    @Override
    protected boolean goalSkipped() {
        return importLegacySkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        File script = resolvePath(legacyScript, DEFAULT_SCRIPT);
        File target = resolvePath(providersFile, DEFAULT_FILE);
        ProviderComparison comparison;
        try {
            comparison = ProviderComparison.of(LegacyScriptReader.read(script.toPath()), ProviderRegistry.builtIn());
        } catch (LegacyScriptException e) {
            throw new MojoExecutionException(
                    e.getMessage()
                            + (e.reason() == LegacyScriptException.Reason.NOT_FOUND
                                    ? " with -Dcatalog.legacyScript=<path> (POM <legacyScript>)"
                                    : ""),
                    e);
        }
        ImportLegacyLog.comparison(script, comparison, getLog());
        if (!comparison.hasDifference()) {
            ImportLegacyLog.noDifference(target, getLog());
            return;
        }
        ProvidersFileOutput.Outcome outcome;
        try {
            outcome = ProvidersFileOutput.write(
                    target.toPath(),
                    ProvidersFileWriter.write(comparison),
                    comparison.toWrite(),
                    overwrite,
                    this::validateProvidersFile);
        } catch (ProvidersFileOutput.ExistingFileException e) {
            throw new MojoExecutionException(e.getMessage() + ": set -Dcatalog.overwrite=true to replace it (it is "
                    + "kept beside it as " + target.getName() + ".bak), or write elsewhere with "
                    + "-Dcatalog.providersFile=<path>");
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write the providers file " + target + ": " + FileErrors.explain(e)
                            + " (or write elsewhere with -Dcatalog.providersFile=<path>)",
                    e);
        }
        ImportLegacyLog.written(target, comparison.toWrite().size(), outcome, getLog());
    }

    /**
     * Reads the written file back through the validation every goal applies to a providers file: the core's
     * layering over the built-in providers (file syntax, names, variables, http(s) base URLs, duplicates).
     */
    private void validateProvidersFile(Path written) throws MojoExecutionException {
        try {
            ProviderRegistry.layered(List.of(ProviderLayer.builtInProviders(), ProviderLayer.file(written)));
        } catch (ProviderFileException | ProviderLayerException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
