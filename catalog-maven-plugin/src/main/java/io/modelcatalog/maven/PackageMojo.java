package io.modelcatalog.maven;

import io.modelcatalog.artifact.CatalogPackage;
import io.modelcatalog.artifact.CatalogPackageException;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs the catalog folder (either layout, {@code failed_models.json}, {@code chutes_chutes.json}) into
 * <code>target/{artifactId}-{version}-catalog.zip</code> behind a manifest of every file's size and SHA-256, and attaches
 * it to the project with classifier {@code catalog} and type {@code zip}, so that {@code mvn deploy} publishes it and
 * any build resolves it with {@code fetch -Dcatalog.from=GROUP:ARTIFACT:VERSION}, without a key.
 *
 * <p>The zip is reproducible: entries sorted, every entry's time from {@code project.build.outputTimestamp} (1980-01-01
 * when unset), no file modes; the same catalog gives the same bytes on every build. Other files of the folder, such as
 * {@code configs/}, are not packed. An empty or missing catalog folder fails the build.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = false, threadSafe = true)
public class PackageMojo extends AbstractCatalogMojo {

    /**
     * The time every zip entry gets: seconds since the epoch or an ISO-8601 date and time with an offset, as Maven's
     * own archivers read it. Set {@code project.build.outputTimestamp} in the POM's properties.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Where the zip goes: the build's output folder.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.package.skip", defaultValue = "false")
    private boolean packageSkip;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected String goalName() {
        return "package";
    }

    @Override
    protected boolean goalSkipped() {
        return packageSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        File folder = catalogFolder();
        File zip = new File(
                resolvePath(buildDirectory, "target"),
                project.getArtifactId() + "-" + project.getVersion() + "-" + CatalogArtifacts.CLASSIFIER + "."
                        + CatalogArtifacts.TYPE);
        long start = System.nanoTime();
        CatalogPackage.Packaged p;
        try {
            p = CatalogPackage.write(folder.toPath(), zip.toPath(), BuildTimestamp.parse(outputTimestamp));
        } catch (CatalogPackageException e) {
            throw new MojoExecutionException(MavenWords.of(e), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot package " + folder + " into " + zip + ": " + MavenWords.of(e, "catalog.outputDirectory"),
                    e);
        }
        LayoutWarning.check(folder, getLog());
        getLog().info("Packaged " + p.manifest().files().size() + " files of " + folder + " ("
                + p.manifest().totalSize() + " bytes, " + p.layout().name().toLowerCase(Locale.ROOT) + " layout) into "
                + zip + ": " + p.zipBytes() + " bytes, SHA-256 " + p.sha256()
                + (p.written() ? "" : " (unchanged, not written)") + " in " + (System.nanoTime() - start) / 1_000_000
                + " ms");
        projectHelper.attachArtifact(project, CatalogArtifacts.TYPE, CatalogArtifacts.CLASSIFIER, zip);
    }
}
