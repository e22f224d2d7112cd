package io.modelcatalog.maven;

import io.modelcatalog.compat.CompatFinding;
import io.modelcatalog.compat.CompatOptions;
import io.modelcatalog.compat.CompatReport;
import io.modelcatalog.compat.CompatVerifier;
import io.modelcatalog.files.FileErrors;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Proves that the catalog folder holds what a legacy {@code dump_models.py} folder holds. Each
 * <code>models_{provider}.json/.txt/.toml</code> file is identical, or has the same data in different bytes (the first place
 * and the kind of formatting is named), or different data (the first JSON path, TOML key or txt line, with both
 * values), or is on one side only (a stray: a warning). Each folder's own txt is checked against its json and its
 * toml profiles against its txt. The build fails on any difference unless {@code catalog.compat.failOnDifference}
 * is {@code false}.
 */
@Mojo(name = "verify-compat", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyCompatMojo extends AbstractCatalogMojo {

    /** How many differences the failure message quotes. */
    private static final int QUOTED_DIFFERENCES = 3;

    /**
     * A legacy dump folder (<code>models_{provider}.json/.txt/.toml</code>) to compare with. Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.referenceDirectory")
    private File referenceDirectory;

    /**
     * Fail the build when a file differs; {@code false} reports the differences as errors and goes on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.compat.failOnDifference", defaultValue = "true")
    private boolean failOnDifference;

    /**
     * Ignore the {@code base_url} line of each TOML file's provider table: a catalog fetched from a local test
     * server carries that server's URL.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.compat.ignoreBaseUrl", defaultValue = "false")
    private boolean ignoreBaseUrl;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.verify-compat.skip", defaultValue = "false")
    private boolean verifyCompatSkip;

    @Override
    protected String goalName() {
        return "verify-compat";
    }

    @Override
    protected boolean goalSkipped() {
        return verifyCompatSkip;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (referenceDirectory == null) {
            throw new MojoExecutionException("No reference folder: set catalog.referenceDirectory to a legacy "
                    + "dump_models.py folder, e.g. -Dcatalog.referenceDirectory=../old-models");
        }
        File output = catalogFolderToRead();
        File reference = CatalogSettings.folderOrAbsent(
                resolvePath(referenceDirectory, referenceDirectory.getPath()),
                "reference folder",
                "catalog.referenceDirectory",
                "a legacy dump_models.py folder");
        if (!output.isDirectory()) {
            throw new MojoExecutionException("The catalog folder " + output + " does not exist: run catalog:fetch "
                    + "first, or point catalog.outputDirectory at the folder to check");
        }
        if (!reference.isDirectory()) {
            throw new MojoExecutionException("The reference folder " + reference + " does not exist: point "
                    + "catalog.referenceDirectory at a legacy dump_models.py folder");
        }
        LayoutWarning.check(output, getLog());
        LayoutWarning.check(reference, getLog());
        getLog().info("Comparing " + output + " with the legacy folder " + reference
                + (ignoreBaseUrl ? " (TOML base_url lines ignored)" : ""));
        CompatReport report;
        try {
            report = new CompatVerifier(new CompatOptions(ignoreBaseUrl)).verify(output.toPath(), reference.toPath());
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException(e.getFile() + ": " + e.getReason(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the folders to compare: " + FileErrors.explain(e), e);
        }
        for (CompatFinding f : report.findings()) {
            if (f.isDifference()) {
                if (failOnDifference) {
                    getLog().error(f.message());
                } else {
                    getLog().warn(f.message());
                }
            } else if (f.isStray()) {
                getLog().warn(f.message());
            } else {
                getLog().debug(f.message());
            }
        }
        getLog().info(report.summary());
        if (report.nothingCompared().isPresent()) {
            // no proof at all, whatever catalog.compat.failOnDifference says
            throw new MojoFailureException(MavenWords.of(report));
        }
        List<CompatFinding> differences = report.differences();
        if (!differences.isEmpty()) {
            String quoted = differences.stream()
                    .limit(QUOTED_DIFFERENCES)
                    .map(CompatFinding::message)
                    .collect(Collectors.joining("; "));
            String message = differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + " between "
                    + output + " and the legacy folder " + reference + ": " + quoted
                    + (differences.size() > QUOTED_DIFFERENCES
                            ? "; and " + (differences.size() - QUOTED_DIFFERENCES) + " more (see the errors above)"
                            : "");
            if (failOnDifference) {
                boolean baseUrlDiffers = differences.stream().anyMatch(CompatFinding::baseUrlDiffers);
                throw new MojoFailureException(message + ". Set catalog.compat.failOnDifference=false to report "
                        + "without failing"
                        + (baseUrlDiffers
                                ? ", or catalog.compat.ignoreBaseUrl=true when the "
                                        + "catalog was fetched from a local server"
                                : ""));
            }
            getLog().warn(message + " (catalog.compat.failOnDifference=false: not failing)");
        }
    }
}
